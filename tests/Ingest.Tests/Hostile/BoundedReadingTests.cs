using System.IO.Compression;
using System.Text;

namespace Integration.Ingest.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, rows 1 and 2): reading is bounded by configurable limits on a record, a
/// field and a file's decompressed size; a file past one is rejected naming the file and the limit, and the
/// text that broke it is never copied whole into errors or reports. The limits are set low here to prove the
/// mechanism on small files.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class BoundedReadingTests
{
    private const int RecordLimit = 64 * 1024;

    private static Dictionary<string, string?> Limits(string key, string value) => new() { ["Ingest:Limits:" + key] = value };

    [Fact]
    public async Task A_gzip_that_expands_to_one_endless_line_is_rejected_at_the_record_limit()
    {
        using var h = new IngestHarness(Integration.Core.Database.DatabaseProvider.Sqlite, Limits("MaxRecordChars", RecordLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        h.WriteBytes("moc-licences/2026-10-01.csv.gz", Gzip(new string('a', 8 << 20))); // 8 MB of one line, about 8 KB packed

        var file = Assert.Single((await h.RunAsync()).Files);

        Assert.Equal("REJECTED", file.Status);
        Assert.Equal("moc-licences/2026-10-01.csv.gz line 1: a record longer than 65,536 characters (limit Ingest:Limits:MaxRecordChars): an unclosed quote or a missing line break? (RECORD_TOO_LONG)", file.Error);
    }

    [Fact]
    public async Task A_gzip_that_expands_past_the_decompressed_limit_is_read_no_further()
    {
        using var h = new IngestHarness(Integration.Core.Database.DatabaseProvider.Sqlite, Limits("MaxFileBytes", (256 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var rows = Enumerable.Range(1, 5_000).Select(i => Fixtures.Moc(i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), "Firm " + i)).ToArray();
        h.WriteBytes("moc-licences/2026-10-01.csv.gz", Gzip(Fixtures.MocFile(rows))); // about 1 MB once decompressed

        var file = Assert.Single((await h.RunAsync()).Files);

        Assert.Equal("REJECTED", file.Status);
        Assert.Equal("moc-licences/2026-10-01.csv.gz: more than 262,144 bytes once decompressed (limit Ingest:Limits:MaxFileBytes) (FILE_TOO_LARGE)", file.Error);
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM moc_licences"));
    }

    [Fact]
    public async Task A_file_with_no_line_break_is_rejected_without_its_text_in_the_error_or_the_reports()
    {
        using var h = new IngestHarness(Integration.Core.Database.DatabaseProvider.Sqlite, Limits("MaxRecordChars", RecordLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        h.Write("moc-licences/2026-10-01.csv", "registration_no," + new string('x', 2 << 20));

        var run = await h.RunAsync();

        var file = Assert.Single(run.Files);
        Assert.Equal("REJECTED", file.Status);
        Assert.Contains("(RECORD_TOO_LONG)", file.Error, StringComparison.Ordinal);
        Assert.True(h.Scalar<string>("SELECT error FROM source_files").Length < 300);
        Assert.True(new FileInfo(run.ReportPath!).Length < 8_000, "the markdown report carries the rejected text");
        Assert.True(new FileInfo(run.ReportJsonPath!).Length < 8_000, "the JSON report carries the rejected text");
    }

    [Fact]
    public async Task A_jsonl_line_past_the_record_limit_rejects_the_file()
    {
        using var h = new IngestHarness(Integration.Core.Database.DatabaseProvider.Sqlite, Limits("MaxRecordChars", RecordLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        h.Write("moc-licences/2026-10-01.jsonl", "{\"registration_no\":\"00001\",\"name_en\":\"Alpha\"}\n{\"registration_no\":\"00002\",\"name_en\":\"" + new string('b', 200_000) + "\"}\n");

        var file = Assert.Single((await h.RunAsync()).Files);

        Assert.Equal("moc-licences/2026-10-01.jsonl line 2: a record longer than 65,536 characters (limit Ingest:Limits:MaxRecordChars): an unclosed quote or a missing line break? (RECORD_TOO_LONG)", file.Error);
    }

    [Fact]
    public async Task A_field_past_the_field_limit_quarantines_its_row_with_a_short_message()
    {
        using var h = new IngestHarness(Integration.Core.Database.DatabaseProvider.Sqlite, Limits("MaxFieldChars", "200"));
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", new string('B', 5_000))));

        var file = Assert.Single((await h.RunAsync()).Files);

        Assert.Equal((2L, 1L, 1L), (file.RowsRead, file.RowsLoaded, file.RowsQuarantined));
        var (reason, field, message) = h.Query<(string, string, string)>("SELECT reason, field, message FROM quarantine").Single();
        Assert.Equal(("FIELD_TOO_LONG", "name_en"), (reason, field));
        Assert.EndsWith("… (5,000 characters)' is longer than 200 characters (limit Ingest:Limits:MaxFieldChars) (FIELD_TOO_LONG)", message, StringComparison.Ordinal);
        Assert.True(message.Length < 300);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }
}
