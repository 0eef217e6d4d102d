using Dapper;
using Integration.Core.Database;
using Integration.Core.Reference;
using Integration.Core.Storage;
using Integration.Ingest;
using Integration.Matching.Export;
using Integration.Matching.Persistence;
using Integration.Matching.Records;
using Integration.Matching.Review;
using Integration.TestSupport;
using Microsoft.Extensions.Options;

namespace Integration.Matching.Tests;

/// <summary>A migrated database with the real matching services wired to it.</summary>
public sealed class MatchHarness : IDisposable
{
    private static readonly Lazy<Gazetteer> FullGazetteer = Gazetteer.Shipped;

    public MatchHarness(DatabaseProvider provider, MatchingOptions? options = null)
    {
        Database = TestDatabase.Create(provider, IngestMigrations.Set, MatchingMigrations.Set);
        Exports = new TempFolder("exports");
        Review = new ReviewService(Db, TimeProvider.System);
        Exporter = new LinkageExporter(Db, new StorageOptions { ExportPath = Exports.Path }, Review);
        Runner = new MatchRunner(new RecordStore(Db), new LinkageStore(Db), FullGazetteer.Value,
            Options.Create(options ?? new MatchingOptions()), TimeProvider.System, Exporter);
    }

    public TestDatabase Database { get; }

    public Db Db => Database.Db;

    public TempFolder Exports { get; }

    public ReviewService Review { get; }

    public LinkageExporter Exporter { get; }

    public MatchRunner Runner { get; }

    public Task<MatchRunSummary> MatchAsync() => Runner.RunAsync();

    public Dictionary<(string Feed, string Key), (string EnterpriseId, string Method)> Links()
    {
        using var conn = Db.Open();
        return conn.Query<(string Feed, string SourceKey, string EnterpriseId, string Method)>(
                "SELECT feed, source_key, enterprise_id, method FROM entity_links")
            .ToDictionary(l => (l.Feed, l.SourceKey), l => (l.EnterpriseId, l.Method));
    }

    public string EnterpriseOf(string feed, string key) => Links()[(feed, key)].EnterpriseId;

    public List<(string Kind, string EnterpriseId, string? RelatedIds)> Events()
    {
        using var conn = Db.Open();
        return conn.Query<(string, string, string?)>("SELECT kind, enterprise_id, related_ids FROM enterprise_events ORDER BY id").ToList();
    }

    public void Dispose()
    {
        Exports.Dispose();
        Database.Dispose();
    }
}
