using System.Data.Common;
using System.Globalization;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Export;
using Integration.Core.Storage;
using Integration.Matching.Review;
using Microsoft.Data.Sqlite;

namespace Integration.Matching.Export;

/// <summary>The run an export rests on: every output carries it.</summary>
public sealed record ExportedRun(string RunId, string AsOf, string ModelVersion);

/// <summary>
/// Writes enterprises.csv, links.csv and review.csv (shared/spec/outputs.md) from the stored linkage of
/// the latest successful run, with run id, as-of date and model version on every row. The alerts module
/// calls <see cref="ExportAsync"/> too, so the linkage travels with its own exports.
/// </summary>
public sealed class LinkageExporter(Db db, StorageOptions storage, ReviewService review)
{
    /// <summary>review.csv holds at most this many pairs, best first: a queue nobody can work through is no queue.</summary>
    public int ReviewExportLimit { get; init; } = 50_000;

    public static readonly string[] RunColumns = ["run_id", "as_of", "model_version"];

    public async Task<ExportedRun?> LatestRunAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.QueryFirstOrDefaultAsync<ExportedRun>(new CommandDefinition(
            "SELECT run_id AS RunId, as_of AS AsOf, model_version AS ModelVersion FROM match_runs WHERE outcome = 'SUCCEEDED' ORDER BY started_at DESC, run_id DESC LIMIT 1",
            cancellationToken: ct));
    }

    /// <summary>Export set name: the files are published together with linkage.manifest.json (<see cref="ExportSet"/>).</summary>
    public const string SetName = "linkage";

    /// <summary>Writes the three files of the latest successful run into <paramref name="folder"/> (default Storage:ExportPath) and returns their paths.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(string? folder = null, CancellationToken ct = default)
    {
        var run = await LatestRunAsync(ct) ?? throw new InvalidOperationException("No successful match run yet: run 'match' first.");
        return await ExportAsync(run, folder, ct);
    }

    /// <summary>
    /// Writes the three files of <paramref name="run"/> (the linkage tables as they are now) and publishes them
    /// together; returns their paths, the manifest last. The match run calls this before it records itself as done.
    /// </summary>
    public async Task<IReadOnlyList<string>> ExportAsync(ExportedRun run, string? folder = null, CancellationToken ct = default)
    {
        string[] tail = [run.RunId, run.AsOf, run.ModelVersion];
        using var set = ExportSet.Begin(folder ?? storage.ExportPath, SetName, run.RunId);

        // The three files at once, each on its own connection: each is one reading and writing thread, and at
        // national scale (840k links, 510k enterprises) the export is otherwise the run's last 5 s on one core.
        await Task.WhenAll(
            Task.Run(() => WriteEnterprises(set, tail, ct), ct),
            Task.Run(() => WriteLinks(set, tail, ct), ct),
            WriteReviewAsync(set, tail, ct));
        return set.Publish();
    }

    private void WriteEnterprises(ExportSet set, string[] tail, CancellationToken ct)
    {
        using var conn = db.Open();

        // Streamed while the file is written, natively on SQLite: reading through Dapper's dynamic rows took
        // 4.7 of the export's 5.5 s.
        var enterprises = Rows(conn,
            """
            SELECT enterprise_id, name_en, name_km, province, district, moc_registration_nos, tins, nssf_ids, feeds
            FROM enterprises WHERE retired_run_id IS NULL ORDER BY enterprise_id
            """, ct);
        set.Write("enterprises.csv",
            ["enterprise_id", "name_en", "name_km", "province", "district", "moc_registration_no", "tin", "nssf_id", "feeds", .. RunColumns],
            enterprises.Select(e => (IReadOnlyList<string?>)
            [
                (string)e[0]!, (string?)e[1], (string?)e[2], (string?)e[3], (string?)e[4],
                (string?)e[5], (string?)e[6], (string?)e[7], (string?)e[8], .. tail,
            ]));
    }

    private void WriteLinks(ExportSet set, string[] tail, CancellationToken ct)
    {
        using var conn = db.Open();
        var links = Rows(conn, "SELECT enterprise_id, feed, source_key, confidence, method, evidence FROM entity_links ORDER BY enterprise_id, feed, source_key", ct);
        set.Write("links.csv",
            ["enterprise_id", "feed", "source_key", "confidence", "method", "evidence", .. RunColumns],
            links.Select(l => (IReadOnlyList<string?>)
            [
                (string)l[0]!, (string)l[1]!, (string)l[2]!,
                Convert.ToDouble(l[3], CultureInfo.InvariantCulture).ToString("0.####", CultureInfo.InvariantCulture),
                (string)l[4]!, (string)l[5]!, .. tail,
            ]));
    }

    private async Task WriteReviewAsync(ExportSet set, string[] tail, CancellationToken ct)
    {
        var queue = await review.QueueAsync(ReviewExportLimit, ct);
        set.Write("review.csv",
            [
                "rank", "probability", "match_weight",
                "feed_a", "key_a", "name_en_a", "name_km_a", "tin_a", "moc_registration_no_a", "address_a", "phone_a",
                "feed_b", "key_b", "name_en_b", "name_km_b", "tin_b", "moc_registration_no_b", "address_b", "phone_b",
                "evidence", .. RunColumns,
            ],
            queue.Select(q => (IReadOnlyList<string?>)
            [
                q.Rank.ToString(CultureInfo.InvariantCulture), q.Probability.ToString("0.####", CultureInfo.InvariantCulture),
                q.MatchWeight.ToString("0.##", CultureInfo.InvariantCulture),
                q.A.Feed, q.A.SourceKey, q.A.NameEn, q.A.NameKm, q.A.Tin, q.A.MocNo, q.A.Address, q.A.Phone,
                q.B.Feed, q.B.SourceKey, q.B.NameEn, q.B.NameKm, q.B.Tin, q.B.MocNo, q.B.Address, q.B.Phone,
                q.Evidence, .. tail,
            ]));
    }

    /// <summary>A query's rows, one at a time, as string, long, double or null values.</summary>
    private static IEnumerable<object?[]> Rows(DbConnection conn, string sql, CancellationToken ct)
    {
        if (conn is SqliteConnection lite)
        {
            using var query = new SqliteStatement(lite, sql);
            while (query.Step())
            {
                ct.ThrowIfCancellationRequested();
                var row = new object?[query.ColumnCount];
                for (var c = 0; c < row.Length; c++)
                {
                    row[c] = query.Value(c);
                }

                yield return row;
            }

            yield break;
        }

        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            var row = new object?[reader.FieldCount];
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = reader.IsDBNull(c) ? null : reader.GetValue(c);
            }

            yield return row;
        }
    }
}
