using System.Text.Json;
using System.Text.RegularExpressions;
using Integration.Generator.Output;
using Integration.TestSupport;

namespace Integration.Generator.Tests;

public class FeedFileTests
{
    /// <summary>Canonical columns of a feed table in the ingest migration (the contract both sides share).</summary>
    private static List<string> MigrationColumns(string table)
    {
        var sql = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Ingest", "Migrations", "0001_feeds.sql"));
        var body = Regex.Match(sql, $@"CREATE TABLE {table} \((.*?)\n\);", RegexOptions.Singleline).Groups[1].Value;
        var bookkeeping = new HashSet<string> { "file_id", "line", "row_hash", "first_seen_on", "last_seen_on", "is_current", "inspection_key", "PRIMARY" };
        return body.Split('\n')
            .Select(l => l.Trim().Split(' ')[0])
            .Where(c => c.Length > 0 && !bookkeeping.Contains(c))
            .ToList();
    }

    [Fact]
    public void Every_feed_is_present_with_the_canonical_header()
    {
        using var landing = new GeneratedLanding();

        foreach (var (feed, table) in new[] { ("moc-licences", "moc_licences"), ("gdt-taxpayers", "gdt_taxpayers"), ("nssf-employers", "nssf_employers"), ("nssf-contributions", "nssf_contributions"), ("nssf-inspections", "nssf_inspections") })
        {
            var files = landing.Files(feed).ToList();
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                Assert.Equal(MigrationColumns(table), GeneratedLanding.HeaderOf(file));
            }
        }
    }

    [Fact]
    public void Snapshots_are_named_for_the_as_of_date_and_contributions_arrive_monthly_on_the_16th()
    {
        using var landing = new GeneratedLanding();

        foreach (var feed in new[] { "moc-licences", "gdt-taxpayers", "nssf-employers" })
        {
            Assert.Equal($"{feed}_2026-10-01.csv", Path.GetFileName(Assert.Single(landing.Files(feed))));
        }

        var months = landing.Files("nssf-contributions").Select(Path.GetFileName).ToList();
        Assert.Equal(24, months.Count);
        Assert.Equal("nssf-contributions_2024-10-16.csv", months[0]);
        Assert.Equal("nssf-contributions_2026-09-16.csv", months[^1]);

        // Each file holds its period plus late corrections of the period before, never a later period.
        foreach (var row in landing.Rows("nssf-contributions"))
        {
            var delivered = DateOnly.Parse(row.File.Split('_')[1][..10], System.Globalization.CultureInfo.InvariantCulture);
            var period = row["period"];
            if (period.Length == 7 && DateOnly.TryParse(period + "-01", System.Globalization.CultureInfo.InvariantCulture, out var p))
            {
                Assert.True(p < delivered.AddDays(-delivered.Day + 1), $"{row.File}:{row.Line} period {period}");
                Assert.True(p >= delivered.AddDays(-delivered.Day + 1).AddMonths(-2), $"{row.File}:{row.Line} period {period}");
            }
        }
    }

    [Fact]
    public void Jsonl_gzip_output_has_one_object_per_line_with_canonical_field_names()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 300, Seed = 4, AsOf = GeneratedLanding.AsOf, Format = FeedFormat.Jsonl, Gzip = true, BadRows = new BadRowRates { Rate = 0 } });

        var file = Path.Combine(landing.Dir, "moc-licences", "moc-licences_2026-10-01.jsonl.gz");
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(file), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.All(doc.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, FeedLayout.Moc.Columns));
            Assert.True(doc.RootElement.TryGetProperty("registration_no", out _));
            count++;
        }

        Assert.Equal(landing.Summary.RowsByFeed["moc-licences"], count);
    }

    [Fact]
    public void Bad_files_are_written_and_listed_only_when_asked()
    {
        using var plain = new GeneratedLanding(new GeneratorOptions { Scale = 200, Seed = 1, AsOf = GeneratedLanding.AsOf });
        using var demo = new GeneratedLanding(new GeneratorOptions { Scale = 200, Seed = 1, AsOf = GeneratedLanding.AsOf, BadFiles = true });

        Assert.False(File.Exists(Path.Combine(plain.Dir, "ground-truth", "bad-files.csv")));
        var listed = GeneratedLanding.Read(Path.Combine(demo.Dir, "ground-truth", "bad-files.csv")).Select(r => r["file"]).ToList();
        Assert.Equal(6, listed.Count);
        Assert.All(listed, f => Assert.True(File.Exists(Path.Combine(demo.Dir, f)), f));

        var empty = listed.Single(f => f.Contains("_empty", StringComparison.Ordinal));
        Assert.Equal(0, new FileInfo(Path.Combine(demo.Dir, empty)).Length);
        var latin1 = File.ReadAllBytes(Path.Combine(demo.Dir, listed.Single(f => f.Contains("legacy-encoding", StringComparison.Ordinal))));
        Assert.Throws<System.Text.DecoderFallbackException>(() => new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(latin1));
        var resent = listed.Single(f => f.Contains("resent", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(Path.Combine(demo.Dir, resent)), File.ReadAllBytes(Path.Combine(demo.Dir, resent.Replace("-resent", "", StringComparison.Ordinal))));
        var truncated = File.ReadAllText(Path.Combine(demo.Dir, listed.Single(f => f.Contains("truncated", StringComparison.Ordinal))));
        Assert.False(truncated.EndsWith('\n'));
    }

    [Fact]
    public void An_output_folder_with_an_earlier_run_is_refused_unless_overwrite_is_asked()
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = 50, Seed = 1, AsOf = GeneratedLanding.AsOf });
        var unrelated = Path.Combine(landing.Dir, "notes.txt");
        File.WriteAllText(unrelated, "keep me");

        var error = Assert.Throws<IOException>(() => OutputFolder.Prepare(landing.Dir, overwrite: false));
        Assert.Contains("--overwrite", error.Message, StringComparison.Ordinal);

        OutputFolder.Prepare(landing.Dir, overwrite: true);
        Assert.False(Directory.Exists(Path.Combine(landing.Dir, "moc-licences")));
        Assert.True(File.Exists(unrelated));
    }
}

public class EdgeCaseTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 3)]
    public void Tiny_runs_still_write_every_feed_and_a_loadable_ground_truth(int scale, int months)
    {
        using var landing = new GeneratedLanding(new GeneratorOptions { Scale = scale, Seed = 1, AsOf = new DateOnly(2026, 3, 17), Months = months, BadFiles = true, BadRows = new BadRowRates { Rate = 0.5 } });

        foreach (var feed in FeedLayout.All)
        {
            Assert.NotEmpty(landing.Files(feed.Name));
        }

        Assert.Equal(months, landing.Files("nssf-contributions").Count());
        Assert.Equal("nssf-contributions_2026-03-16.csv", Path.GetFileName(landing.Files("nssf-contributions").Last()));
        var truth = Integration.Core.Truth.GroundTruth.Load(landing.Dir);
        Assert.Equal(new DateOnly(2026, 3, 17), truth.AsOf);
    }
}
