using System.Globalization;
using Dapper;
using Integration.Core.Csv;
using Integration.Core.Database;
using Integration.TestSupport;

namespace Integration.Matching.Tests;

public class ExportTests
{
    /// <summary>The exports after a run hold exactly the stored linkage (read natively on SQLite, through ADO.NET on PostgreSQL).</summary>
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Links_and_enterprises_csv_are_the_stored_linkage_in_enterprise_order(DatabaseProvider provider)
    {
        using var h = new MatchHarness(provider);
        FeedRows.Background(h.Db, 30);
        FeedRows.Moc(h.Db, "MOC-COMMA", new Firm("=Comma, \"Quoted\" Trading"));
        var summary = await h.MatchAsync();

        using var conn = h.Db.Open();
        var stored = conn.Query<(string EnterpriseId, string Feed, string SourceKey, double Confidence, string Method, string Evidence)>(
            "SELECT enterprise_id, feed, source_key, confidence, method, evidence FROM entity_links").ToList();
        var links = CsvTable.Read(h.Exports.Combine("links.csv"));
        Assert.Equal(["enterprise_id", "feed", "source_key", "confidence", "method", "evidence", "run_id", "as_of", "model_version"], links.Header);
        var expected = stored
            .OrderBy(l => l.EnterpriseId, StringComparer.Ordinal).ThenBy(l => l.Feed, StringComparer.Ordinal).ThenBy(l => l.SourceKey, StringComparer.Ordinal)
            .Select(l => string.Join('\u0001', l.EnterpriseId, l.Feed, l.SourceKey, l.Confidence.ToString("0.####", CultureInfo.InvariantCulture), l.Method, l.Evidence, summary.RunId, summary.AsOf, summary.ModelVersion))
            .ToList();
        Assert.Equal(expected, links.Rows.Select(r => string.Join('\u0001', r)).ToList());

        var enterprises = CsvTable.Read(h.Exports.Combine("enterprises.csv"));
        var rows = conn.Query<(string EnterpriseId, string? NameEn, string? Tins, string? Feeds)>(
            "SELECT enterprise_id, name_en, tins, feeds FROM enterprises WHERE retired_run_id IS NULL").OrderBy(e => e.EnterpriseId, StringComparer.Ordinal).ToList();
        Assert.Equal(rows.Count, enterprises.Rows.Count);
        Assert.Equal(rows.Select(r => r.EnterpriseId), enterprises.Rows.Select(r => r[0]));
        Assert.Equal(rows.Select(r => r.NameEn is null ? "" : r.NameEn.StartsWith('=') ? "'" + r.NameEn : r.NameEn), enterprises.Rows.Select(r => r[1]));
        Assert.Equal(rows.Select(r => r.Tins ?? ""), enterprises.Rows.Select(r => r[6]));
        Assert.Equal(rows.Select(r => r.Feeds ?? ""), enterprises.Rows.Select(r => r[8]));
        Assert.Contains(enterprises.Rows, r => r[1] == "'=Comma, \"Quoted\" Trading");
    }
}
