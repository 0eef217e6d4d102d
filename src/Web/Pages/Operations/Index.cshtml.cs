using Dapper;
using Integration.Alerts.Runs;
using Integration.Core.Database;
using Integration.Ingest.Runs;
using Integration.Matching.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Integration.Web.Pages.Operations;

/// <summary>Operators' overview: health, scheduled jobs with their last outcome, and the latest ingest, match and alerts runs.</summary>
public sealed class IndexModel(Db db, IngestRunQueries ingest, MatchRunQueries match, AlertRunQueries alerts) : WebPage
{
    public (bool Healthy, string Database, long Versions, string? Error) Health { get; private set; }

    public IReadOnlyList<JobStatus> Jobs { get; private set; } = [];

    public IReadOnlyList<IngestRunRow> IngestRuns { get; private set; } = [];

    public IReadOnlyList<MatchRunRow> MatchRuns { get; private set; } = [];

    public IReadOnlyList<AlertRunRow> AlertRuns { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        try
        {
            await using var conn = await db.OpenAsync(ct);
            Health = (true, db.Describe(), await conn.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations", cancellationToken: ct)), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Health = (false, db.Describe(), 0, e.GetType().Name + ": " + e.Message);
        }

        if (HttpContext.RequestServices.GetService<IJobsView>() is { } jobs)
        {
            Jobs = await jobs.JobsAsync(ct);
        }

        IngestRuns = await ingest.RunsAsync(15, ct);
        MatchRuns = await match.RunsAsync(10, ct);
        AlertRuns = await alerts.RunsAsync(10, ct);
    }
}
