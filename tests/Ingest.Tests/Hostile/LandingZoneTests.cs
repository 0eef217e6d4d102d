using System.Diagnostics;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Ingest.Tests.Hostile;

/// <summary>
/// Hostile input and faults (issue 12, rows 5 and 6): one bad entry in the landing zone (a name that is not
/// UTF-8, a FIFO, a link out of the zone) is reported and never stops the other files or feeds; only regular
/// files inside the landing zone are read.
/// </summary>
[Trait("Suite", "Hostile")]
public sealed class LandingZoneTests
{
    private static readonly string Moc = Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"));
    private static readonly string Gdt = Fixtures.GdtHeader + "\n" + Fixtures.Gdt("K001-100000001", "Alpha") + "\n";

    [Fact]
    public async Task A_file_name_that_is_not_utf8_is_reported_and_every_other_file_and_feed_loads()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-10-01.csv", Moc);
        h.Write("gdt-taxpayers/2026-10-01.csv", Gdt);
        Shell("printf 'registration_no\\n1\\n' > \"$1/moc-licences/$(printf 'moc_\\377\\376.csv')\"", h.Landing); // bytes FF FE: not UTF-8

        var run = await h.RunAsync();

        Assert.Equal("SUCCEEDED", run.Outcome);
        Assert.Equal(2, run.FilesLoaded);
        Assert.Equal((2L, 1L), (h.Scalar<long>("SELECT COUNT(*) FROM moc_licences"), h.Scalar<long>("SELECT COUNT(*) FROM gdt_taxpayers")));
        var ignored = Assert.Single(run.IgnoredFiles);
        Assert.Contains("the name is not valid UTF-8", ignored, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", File.ReadAllText(run.ReportPath!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_in_the_landing_folder_is_never_opened_and_the_run_completes()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        h.Write("moc-licences/2026-10-01.csv", Moc);
        Directory.CreateDirectory(Path.Combine(h.Landing, "gdt-taxpayers"));
        Shell("mkfifo \"$1/gdt-taxpayers/2026-10-01.csv\"", h.Landing);

        var running = h.RunAsync();
        var finished = await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.True(finished == running, "ingest blocked on the FIFO");
        var run = await running;
        Assert.Equal("SUCCEEDED", run.Outcome);
        Assert.Equal(2, h.Scalar<long>("SELECT COUNT(*) FROM moc_licences"));
        var fifo = Assert.Single(run.Files, f => f.Feed == "gdt-taxpayers");
        Assert.Equal("REJECTED", fifo.Status);
        Assert.Contains("not a regular file", fifo.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_to_a_file_outside_the_landing_zone_is_not_read()
    {
        using var h = new IngestHarness(DatabaseProvider.Sqlite);
        using var outside = new TempFolder("outside");
        File.WriteAllText(outside.Combine("secret.csv"), Moc);
        Directory.CreateDirectory(outside.Combine("more"));
        File.WriteAllText(outside.Combine("more", "2026-10-02.csv"), Moc);
        Directory.CreateDirectory(Path.Combine(h.Landing, "moc-licences"));
        File.CreateSymbolicLink(Path.Combine(h.Landing, "moc-licences", "2026-10-01.csv"), outside.Combine("secret.csv"));
        Directory.CreateSymbolicLink(Path.Combine(h.Landing, "moc-licences", "more"), outside.Combine("more"));
        h.Write("gdt-taxpayers/2026-10-01.csv", Gdt);
        File.CreateSymbolicLink(Path.Combine(h.Landing, "gdt-taxpayers", "2026-10-02.csv"), Path.Combine(h.Landing, "gdt-taxpayers", "2026-10-01.csv"));

        var run = await h.RunAsync();

        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM moc_licences"));
        Assert.Equal(
            [
                "moc-licences/2026-10-01.csv (a symbolic link to something outside the landing zone: not read)",
                "moc-licences/more (a symbolic link to something outside the landing zone: not read)",
            ],
            run.IgnoredFiles.Order(StringComparer.Ordinal));
        Assert.Equal(1, h.Scalar<long>("SELECT COUNT(*) FROM gdt_taxpayers")); // a link inside the zone is read (and is a duplicate delivery)
        Assert.Equal(["DUPLICATE", "LOADED"], run.Files.Where(f => f.Feed == "gdt-taxpayers").Select(f => f.Status).Order(StringComparer.Ordinal));
    }

    private static void Shell(string script, string arg)
    {
        using var p = Process.Start(new ProcessStartInfo("bash", ["-c", script, "_", arg]) { RedirectStandardError = true, UseShellExecute = false })!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
    }
}
