using System.Globalization;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Reference;
using Integration.Matching.Export;
using Integration.Matching.Incremental;
using Integration.Matching.Persistence;
using Integration.Matching.Records;
using Integration.Matching.Standardisation;
using Integration.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Integration.Matching.Tests;

/// <summary>
/// Incremental runs. Equality is defined with the model held fixed: an incremental run (the saved standardised form of
/// the unchanged records, the last full run's model) must store exactly what a full run over the same records with
/// that same model stores: links, pairs, enterprises, duplicate registrations and id events, run ids aside.
/// </summary>
public class IncrementalRunTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_incremental_run_stores_what_a_full_run_with_the_same_model_stores(DatabaseProvider provider)
    {
        await using var incremental = await GeneratedPipeline.RunAsync(provider, 1200, seed: 23);
        await using var full = await GeneratedPipeline.RunAsync(provider, 1200, seed: 23);
        Assert.Equal(MatchMode.Full, incremental.Match.Mode);
        Assert.Equal(Snapshot(incremental.Database.Db), Snapshot(full.Database.Db)); // the two databases start alike

        var delta = ApplyDelta(incremental.Database.Db);
        Assert.Equal(delta, ApplyDelta(full.Database.Db));

        var a = await incremental.Services.GetRequiredService<MatchRunner>().RunAsync(MatchMode.Auto);
        var b = await full.Services.GetRequiredService<MatchRunner>().RunAsync(MatchMode.FullWithSavedModel);

        Assert.True(a.Mode == MatchMode.Incremental, a.ModeReason);
        Assert.Contains($"{delta.Changed + delta.Added:N0} changed or new, {delta.Removed:N0} gone", a.ModeReason, StringComparison.Ordinal);
        Assert.Equal(MatchMode.FullWithSavedModel, b.Mode);
        Assert.True(a.Events.Count > 0, "the delta changes some enterprises"); // else the comparison below proves little
        var left = Snapshot(incremental.Database.Db);
        var right = Snapshot(full.Database.Db);
        foreach (var table in left.Keys)
        {
            Assert.True(left[table].SequenceEqual(right[table]), $"{table}: {left[table].Except(right[table]).Count()} rows only in the incremental run's, {right[table].Except(left[table]).Count()} only in the full run's");
        }

        // A second day on top of the first: the saved records were brought up to date by the incremental run.
        var second = ApplyDelta(incremental.Database.Db, salt: "2");
        ApplyDelta(full.Database.Db, salt: "2");
        var a2 = await incremental.Services.GetRequiredService<MatchRunner>().RunAsync(MatchMode.Auto);
        await full.Services.GetRequiredService<MatchRunner>().RunAsync(MatchMode.FullWithSavedModel);
        Assert.Equal(MatchMode.Incremental, a2.Mode);
        Assert.Contains($"{second.Changed + second.Added:N0} changed or new", a2.ModeReason, StringComparison.Ordinal);
        Assert.Equal(Snapshot(incremental.Database.Db), Snapshot(full.Database.Db));
    }

    [Fact]
    public async Task Saved_standardised_records_read_back_equal_to_every_property()
    {
        await using var pipeline = await GeneratedPipeline.RunAsync(DatabaseProvider.Sqlite, 300, seed: 5);
        var db = pipeline.Database.Db;
        var fresh = new Standardiser(Gazetteer.Shipped.Value).StandardiseAll(new RecordStore(db).ReadCurrent());
        var state = new MatchStateStore(db);
        var version = MatchStateStore.Version(Gazetteer.Shipped.Value);
        var back = state.ReadRecords(version, (_, _) => "2026-01-01")!.ToList();

        Assert.Equal(fresh.Length, back.Count);
        Assert.Null(state.ReadRecords(version + "-other", (_, _) => null));
        var properties = typeof(StandardRecord).GetProperties().Where(p => p.Name is not nameof(StandardRecord.TokenWeights) and not nameof(StandardRecord.TotalWeight)).ToList();
        Assert.True(properties.Count >= 25, "every property of a standardised record is compared");
        for (var i = 0; i < fresh.Length; i++)
        {
            foreach (var p in properties)
            {
                var x = p.GetValue(fresh[i]);
                var y = p.GetValue(back[i].Record);
                if (p.Name == nameof(StandardRecord.Source))
                {
                    x = fresh[i].Source with { LastSeenOn = "2026-01-01" };
                }

                Assert.True(x is System.Collections.IEnumerable e && x is not string ? e.Cast<object>().SequenceEqual(((System.Collections.IEnumerable)y!).Cast<object>()) : Equals(x, y),
                    $"record {i} ({fresh[i].Source.SourceKey}): {p.Name} differs after saving");
            }
        }
    }

    [Fact]
    public async Task The_scheduled_job_rebuilds_in_full_first_weekly_and_when_settings_or_much_changed_and_runs_incremental_otherwise()
    {
        using var h = new MatchHarness(DatabaseProvider.Sqlite);
        FeedRows.Background(h.Db, 60);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero));
        var options = new MatchingOptions();
        var runner = new MatchRunner(new RecordStore(h.Db), new LinkageStore(h.Db), Gazetteer.Shipped.Value, Options.Create(options), clock, h.Exporter);
        async Task<MatchRunSummary> Run(MatchMode mode = MatchMode.Auto)
        {
            clock.Advance(TimeSpan.FromMinutes(1)); // run ids are made from the clock
            return await runner.RunAsync(mode);
        }

        Assert.Equal(MatchMode.Full, (await Run()).Mode);
        clock.Advance(TimeSpan.FromDays(1));
        FeedRows.Rename(h.Db, "moc_licences", "registration_no", "MOC-10001", "Renamed Firm Co., Ltd.");
        var daily = await Run();
        Assert.True(daily.Mode == MatchMode.Incremental, daily.ModeReason);
        Assert.True(daily.ModeReason.EndsWith(": 1 changed or new, 0 gone, 179 unchanged", StringComparison.Ordinal), daily.ModeReason);

        clock.Advance(TimeSpan.FromDays(6)); // a week after the full run
        var weekly = await Run();
        Assert.Equal(MatchMode.Full, weekly.Mode);
        Assert.Contains("7 days old", weekly.ModeReason, StringComparison.Ordinal);
        Assert.Equal(MatchMode.Incremental, (await Run()).Mode);

        options.ReviewThreshold = 0.85; // the model was estimated under other settings
        Assert.Equal(MatchMode.Full, (await Run()).Mode);

        using (var conn = h.Db.Open())
        {
            conn.Execute("UPDATE gdt_taxpayers SET row_hash = row_hash || 'x'"); // a third of the records changed
        }

        var large = await Run();
        Assert.Equal(MatchMode.Full, large.Mode);
        Assert.Contains("Matching:Incremental:MaxChangedShare", large.ModeReason, StringComparison.Ordinal);

        options.Incremental.Enabled = false;
        Assert.Equal(MatchMode.Full, (await Run()).Mode);
        options.Incremental.Enabled = true;
        Assert.Equal(MatchMode.Full, (await Run(MatchMode.Full)).Mode);
        Assert.Equal(MatchMode.Incremental, (await Run()).Mode);
    }

    [Fact]
    public void Incremental_settings_are_checked_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Matching:Incremental:FullRebuildDays"] = "0",
            ["Matching:Incremental:MaxChangedShare"] = "1.5",
        }).Build();
        using var services = new ServiceCollection().AddMatchingServices(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MatchingOptions>>().Value);
        Assert.Contains(error.Failures, f => f.StartsWith("Matching:Incremental:FullRebuildDays is 0", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Matching:Incremental:MaxChangedShare is 1.5", StringComparison.Ordinal));
    }

    private sealed record Delta(int Changed, int Added, int Removed);

    /// <summary>A day as ingest would leave it: some names and phones changed (new row hash), new firms, twins of known ones, records gone.</summary>
    private static Delta ApplyDelta(Db db, string salt = "")
    {
        using var conn = db.Open();
        int changed = 0, added = 0, removed = 0;
        foreach (var (table, key) in new[] { ("moc_licences", "registration_no"), ("gdt_taxpayers", "tin"), ("nssf_employers", "nssf_id") })
        {
            var keys = conn.Query<string>($"SELECT {key} FROM {table} WHERE is_current = 1 ORDER BY {key}").ToList();
            for (var i = 3; i < keys.Count; i += 37)
            {
                var change = (i / 37 % 3) switch
                {
                    0 => "name_en = COALESCE(name_en, 'X') || ' Group'",
                    1 => "phone = '012 77" + i.ToString("D4", CultureInfo.InvariantCulture) + "'",
                    _ => "name_en = NULL",
                };
                changed += conn.Execute($"UPDATE {table} SET {change}, row_hash = row_hash || '{salt}c' WHERE {key} = @k", new { k = keys[i] });
            }

            for (var i = 11; i < keys.Count; i += 97)
            {
                removed += conn.Execute($"UPDATE {table} SET is_current = 0 WHERE {key} = @k", new { k = keys[i] });
            }
        }

        // New records: a twin of an existing firm (its name and phone) in each registry, and a firm seen first.
        var twins = conn.Query<(string Name, string? Phone)>("SELECT name_en, phone FROM moc_licences WHERE is_current = 1 AND name_en IS NOT NULL ORDER BY registration_no LIMIT 3 OFFSET 40").ToList();
        for (var t = 0; t < twins.Count; t++)
        {
            FeedRows.Nssf(db, $"NEW{salt}-{t}", new Firm(twins[t].Name, Phone: twins[t].Phone));
            FeedRows.Gdt(db, $"K009-97{(salt.Length == 0 ? "0" : salt)}{t:D6}", new Firm(twins[t].Name, Phone: twins[t].Phone));
            added += 2;
        }

        FeedRows.Moc(db, $"MOC-NEW{salt}", new Firm("Kampot Pepper Export Co., Ltd.", Province: "Kampot", District: "Kampot", Phone: "033 555 0" + salt.Length));
        added++;
        return new Delta(changed, added, removed);
    }

    /// <summary>What the matcher stores, each row as text, run ids replaced by the run's number (1 = first run).</summary>
    private static Dictionary<string, List<string>> Snapshot(Db db)
    {
        using var conn = db.Open();
        var runs = conn.Query<string>("SELECT run_id FROM match_runs ORDER BY started_at, run_id").Select((id, i) => (id, i)).ToDictionary(x => x.id, x => $"run{x.i + 1}");
        string Row(IDictionary<string, object?> row) => string.Join('\u001f', row.Select(kv => kv.Key + "=" + (kv.Value switch
        {
            null => "∅",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            string s when runs.TryGetValue(s, out var n) => n,
            var v => Convert.ToString(v, CultureInfo.InvariantCulture),
        })));
        List<string> Rows(string sql) => conn.Query(sql).Select(r => Row((IDictionary<string, object?>)r)).ToList();
        return new Dictionary<string, List<string>>
        {
            ["entity_links"] = Rows("SELECT feed, source_key, enterprise_id, confidence, method, evidence FROM entity_links ORDER BY feed, source_key"),
            ["match_pairs"] = Rows("SELECT feed_a, key_a, feed_b, key_b, probability, match_weight, band, evidence FROM match_pairs ORDER BY feed_a, key_a, feed_b, key_b"),
            ["enterprises"] = Rows("SELECT * FROM enterprises ORDER BY enterprise_id"),
            ["registration_duplicates"] = Rows("SELECT enterprise_id, feed, key_a, key_b, probability, method, evidence FROM registration_duplicates ORDER BY feed, key_a, key_b"),
            ["enterprise_events"] = Rows("SELECT run_id, kind, enterprise_id, related_ids, detail FROM enterprise_events ORDER BY id"),
        };
    }
}
