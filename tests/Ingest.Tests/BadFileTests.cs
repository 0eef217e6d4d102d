using System.Text;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Ingest.Tests;

/// <summary>
/// Whole-file rejections: the file is REJECTED with an error naming it (and the line where there is one),
/// nothing of it is applied, and the same bytes delivered again are not retried.
/// </summary>
public class BadFileTests
{
    private static readonly string Good = Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"));

    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Not_utf8_is_rejected_naming_the_line(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        var latin1 = Encoding.Latin1.GetBytes(Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co", nameKm: "ក"), Fixtures.Moc("00002", "Café Co")).Replace("ក", "x"));
        h.WriteBytes("moc-licences/2026-10-01.csv", latin1);

        var error = await RejectedAsync(h);

        Assert.Equal("moc-licences/2026-10-01.csv line 3: not UTF-8 (invalid byte sequence at byte " + (Array.IndexOf(latin1, (byte)0xE9)) + "); re-export the file as UTF-8 (NOT_UTF8)", error);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Missing_key_column_is_rejected(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.csv", "licence_no,name_en\nL-1,Alpha\n");

        var error = await RejectedAsync(h);

        Assert.StartsWith("moc-licences/2026-10-01.csv line 1: header has no registration_no column (MISSING_HEADER)", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task File_for_another_feed_is_rejected(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.csv", Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001-100000001", "Alpha") + "\n");

        var error = await RejectedAsync(h);

        Assert.Equal("moc-licences/2026-10-01.csv line 1: header looks like a gdt-taxpayers file, not moc-licences (WRONG_FEED)", error);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Nssf_employers_file_in_the_gdt_folder_is_rejected_although_it_has_a_tin_column(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("gdt-taxpayers/2026-10-01.csv", "nssf_id,name_km,name_en,tin,moc_registration_no,registered_on,status,insured_workers\nN-1,ក,Alpha,K001-1,00001,2020-01-01,ACTIVE,5\n");

        var error = await RejectedAsync(h, "gdt_taxpayers");

        Assert.Contains("looks like a nssf-employers file", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Truncated_last_line_inside_a_quote_is_rejected(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.csv", Good + "00003,L-3,ក,\"Gamma, Co");

        var error = await RejectedAsync(h);

        Assert.Equal("moc-licences/2026-10-01.csv line 4: truncated last line (the file ends inside a quoted field) (TRUNCATED)", error);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Short_last_line_without_newline_is_rejected(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.csv", Good + "00003,L-3,ក,Gamma");

        var error = await RejectedAsync(h);

        Assert.Equal("moc-licences/2026-10-01.csv line 4: truncated last line (4 of 16 fields and no line break at the end) (TRUNCATED)", error);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Full_last_line_without_newline_is_fine(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.csv", Good.TrimEnd('\n'));

        var run = await h.RunAsync();

        Assert.Equal(2, Assert.Single(run.Files).RowsLoaded);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Empty_file_is_rejected(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.csv", "");

        var error = await RejectedAsync(h);

        Assert.Equal("moc-licences/2026-10-01.csv: the file is empty, or not a regular file (a pipe, socket or device is not opened) (EMPTY_FILE)", error);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Header_only_snapshot_is_rejected_rather_than_removing_everything(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-09-01.csv", Good);
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocHeader + "\n");

        var run = await h.RunAsync();

        Assert.Equal("REJECTED", run.Files[1].Status);
        Assert.Contains("would remove every moc-licences record (EMPTY_FILE)", run.Files[1].Error, StringComparison.Ordinal);
        Assert.Equal(2, h.Scalar<long>("SELECT COUNT(*) FROM moc_licences WHERE is_current = 1"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Invalid_jsonl_is_rejected_naming_the_line(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.jsonl", "{\"registration_no\":\"00001\",\"name_en\":\"Alpha\"}\n{\"registration_no\":\"00002\",\"name_en\":\"Beta\"\n{\"registration_no\":\"00003\",\"name_en\":\"Gamma\"}\n");

        var error = await RejectedAsync(h);

        Assert.StartsWith("moc-licences/2026-10-01.jsonl line 2: invalid JSONL: ", error, StringComparison.Ordinal);
        Assert.EndsWith("(INVALID_JSONL)", error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Bad_gzip_is_rejected(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.csv.gz", Good);

        var error = await RejectedAsync(h);

        Assert.StartsWith("moc-licences/2026-10-01.csv.gz: not a valid gzip file", error, StringComparison.Ordinal);
    }

    /// <summary>Runs, expects one REJECTED file with nothing applied and the error stored; a re-run skips it.</summary>
    private static async Task<string> RejectedAsync(IngestHarness h, string table = "moc_licences")
    {
        var run = await h.RunAsync();
        var file = Assert.Single(run.Files);
        Assert.Equal("REJECTED", file.Status);
        Assert.Equal(0, h.Scalar<long>($"SELECT COUNT(*) FROM {table}"));
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM quarantine"));
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM record_history"));
        var stored = h.Query<(string Status, string Error)>("SELECT status, error FROM source_files").Single();
        Assert.Equal(("REJECTED", file.Error!), stored);
        Assert.Equal(1, h.Scalar<long>("SELECT files_rejected FROM ingest_runs"));

        var again = await h.RunAsync();
        Assert.Equal("NOTHING_NEW", again.Outcome);
        Assert.Equal("SKIPPED", Assert.Single(again.Files).Status);
        return file.Error!;
    }
}
