using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Ingest.Tests;

/// <summary>Snapshot feeds: NEW, CHANGED (with fields), REMOVED, REAPPEARED; an older snapshot never rolls state back.</summary>
public class SnapshotHistoryTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Snapshots_applied_in_as_of_order_record_history(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        // Delivered out of order on purpose: the as-of in the name decides the order.
        h.Write("moc-licences/moc_20261101.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Company", status: "SUSPENDED"), Fixtures.Moc("00003", "Gamma Co"), Fixtures.Moc("00004", "Delta Co")));
        h.Write("moc-licences/moc_2026-09-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co"), Fixtures.Moc("00003", "Gamma Co")));
        h.Write("moc-licences/moc_2026-10-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Company", status: "SUSPENDED"), Fixtures.Moc("00004", "Delta Co")));

        var run = await h.RunAsync();

        Assert.Equal(["moc-licences/moc_2026-09-01.csv", "moc-licences/moc_2026-10-01.csv", "moc-licences/moc_20261101.csv"], run.Files.Select(f => f.LandingPath));
        var history = h.Query<(string Key, string AsOf, string Change, string? Fields)>(
            "SELECT source_key, as_of, change, changed_fields FROM record_history ORDER BY as_of, source_key, change");
        Assert.Equal(
            [
                ("00001", "2026-09-01", "NEW", null),
                ("00002", "2026-09-01", "NEW", null),
                ("00003", "2026-09-01", "NEW", null),
                ("00002", "2026-10-01", "CHANGED", "name_en|status"),
                ("00003", "2026-10-01", "REMOVED", null),
                ("00004", "2026-10-01", "NEW", null),
                ("00003", "2026-11-01", "REAPPEARED", null),
            ],
            history);
        var rows = h.Query<(string RegNo, string NameEn, string First, string Last, long Current)>(
            "SELECT registration_no, name_en, first_seen_on, last_seen_on, is_current FROM moc_licences ORDER BY registration_no");
        Assert.Equal(
            [
                ("00001", "Alpha Co", "2026-09-01", "2026-11-01", 1L),
                ("00002", "Beta Company", "2026-09-01", "2026-11-01", 1L),
                ("00003", "Gamma Co", "2026-09-01", "2026-11-01", 1L),
                ("00004", "Delta Co", "2026-10-01", "2026-11-01", 1L),
            ],
            rows);
        var run2 = h.Query<(long Line, string Path)>(
            "SELECT m.line, s.landing_path FROM moc_licences m JOIN source_files s ON s.file_id = m.file_id WHERE m.registration_no = '00002'").Single();
        Assert.Equal((3L, "moc-licences/moc_2026-10-01.csv"), run2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Removed_record_stays_in_the_table_as_not_current(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-09-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co")));
        await h.RunAsync();
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co")));

        await h.RunAsync();

        var removed = h.Query<(long Current, string Last)>("SELECT is_current, last_seen_on FROM moc_licences WHERE registration_no = '00002'").Single();
        Assert.Equal((0L, "2026-09-01"), removed);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Quarantined_row_does_not_remove_its_record(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-09-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co")));
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co", registeredOn: "2026-02-30")));

        await h.RunAsync();

        Assert.Equal(2, h.Scalar<long>("SELECT COUNT(*) FROM moc_licences WHERE is_current = 1"));
        Assert.Equal(0, h.Scalar<long>("SELECT COUNT(*) FROM record_history WHERE change = 'REMOVED'"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Older_snapshot_arriving_late_does_not_roll_state_back(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("moc-licences/2026-10-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Co"), Fixtures.Moc("00002", "Beta Co")));
        await h.RunAsync();
        h.Write("moc-licences/2026-08-01.csv", Fixtures.MocFile(Fixtures.Moc("00001", "Alpha Old Name"), Fixtures.Moc("00009", "Zeta Co"), Fixtures.Moc("00002", "Beta Co", status: "bad")));

        var run = await h.RunAsync();

        var file = Assert.Single(run.Files, f => f.LandingPath.EndsWith("2026-08-01.csv", StringComparison.Ordinal));
        Assert.Equal("STALE", file.Status);
        Assert.Equal((3L, 2L, 1L), (file.RowsRead, file.RowsLoaded, file.RowsQuarantined));
        var rows = h.Query<(string RegNo, string NameEn, string First, string Last, long Current)>(
            "SELECT registration_no, name_en, first_seen_on, last_seen_on, is_current FROM moc_licences ORDER BY registration_no");
        Assert.Equal(
            [
                ("00001", "Alpha Co", "2026-08-01", "2026-10-01", 1L), // known earlier than we thought, values untouched
                ("00002", "Beta Co", "2026-10-01", "2026-10-01", 1L),
            ],
            rows);
        Assert.Equal(2, h.Scalar<long>("SELECT COUNT(*) FROM record_history")); // the two NEW of 2026-10-01, nothing from the stale file
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Append_feed_later_row_wins_and_is_recorded_as_corrected(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("nssf-contributions/contrib-2026-09-05.csv", Fixtures.ContributionHeader + "\nN0001,2026-08,10,5000000,130000,0,\nN0002,2026-08,4,2000000,52000,52000,2026-09-01\n");
        h.Write("nssf-contributions/contrib-2026-10-05.csv", Fixtures.ContributionHeader + "\nN0001,2026-08,10,5000000,130000,130000,03/10/2026\nN0001,2026-09,11,5500000,143000,0,\nN0002,2026-08,4,2000000,52000,52000,2026-09-01\n");

        var run = await h.RunAsync();

        Assert.All(run.Files, f => Assert.Equal("LOADED", f.Status));
        var rows = h.Query<(string Id, string Period, long Paid, string? PaidOn, string First, string Last)>(
            "SELECT nssf_id, period, paid_khr, paid_on, first_seen_on, last_seen_on FROM nssf_contributions ORDER BY nssf_id, period");
        Assert.Equal(
            [
                ("N0001", "2026-08", 130000L, "2026-10-03", "2026-09-05", "2026-10-05"),
                ("N0001", "2026-09", 0L, null, "2026-10-05", "2026-10-05"),
                ("N0002", "2026-08", 52000L, "2026-09-01", "2026-09-05", "2026-10-05"),
            ],
            rows);
        var corrected = h.Query<(string Key, string Change, string? Fields)>("SELECT source_key, change, changed_fields FROM record_history WHERE change <> 'NEW'").Single();
        Assert.Equal(("N0001|2026-08", "CORRECTED", "paid_khr|paid_on"), corrected);

        // A late file older than what we hold does not overwrite the later row.
        h.Write("nssf-contributions/contrib-2026-09-20.csv", Fixtures.ContributionHeader + "\nN0001,2026-08,10,5000000,130000,1000,2026-09-19\n");
        await h.RunAsync();
        Assert.Equal(130000L, h.Scalar<long>("SELECT paid_khr FROM nssf_contributions WHERE nssf_id = 'N0001' AND period = '2026-08'"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Inspections_key_on_either_identifier_and_the_visit_date(DatabaseProvider provider)
    {
        using var h = new IngestHarness(provider);
        h.Write("nssf-inspections/2026-10-01.csv", "nssf_id,registration_no,inspected_on,outcome,inspector,notes\nN0001,,2026-03-04,COMPLIANT,Dara,\n,00007,04/05/2026,non_compliant,Sophea,no contract\n,,2026-05-06,CLOSED,Dara,\n");
        h.Write("nssf-inspections/2026-11-01.csv", "nssf_id,registration_no,inspected_on,outcome,inspector,notes\n,00007,2026-05-04,NON_COMPLIANT,Sophea,no contracts shown\n");

        await h.RunAsync();

        var rows = h.Query<(string Key, string Outcome, string Notes)>("SELECT inspection_key, outcome, notes FROM nssf_inspections ORDER BY inspection_key");
        Assert.Equal([("N0001||2026-03-04", "COMPLIANT", null!), ("|00007|2026-05-04", "NON_COMPLIANT", "no contracts shown")], rows);
        var missing = h.Query<(string Field, string Reason)>("SELECT field, reason FROM quarantine").Single();
        Assert.Equal(("nssf_id|registration_no", "MISSING_KEY"), missing);
        Assert.Equal("notes", h.Scalar<string>("SELECT changed_fields FROM record_history WHERE change = 'CORRECTED'"));
    }
}
