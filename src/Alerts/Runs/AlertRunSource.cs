using System.Data.Common;
using System.Globalization;
using Integration.Alerts.Data;
using Integration.Alerts.Jobs;
using Integration.Core.Database;
using Integration.Core.Dates;

namespace Integration.Alerts.Runs;

/// <summary>Where a lead or target list is read from: a stored alerts run, or lists computed for another date.</summary>
/// <param name="Stored">The run to read (lead_snapshots / target_snapshots).</param>
/// <param name="Computed">Lists computed on demand, not recorded (a date no stored run covers).</param>
public sealed record ListSource(AlertRunRef? Stored, AlertsOutcome? Computed);

/// <summary>A list answer and the run it comes from (the API says which).</summary>
public sealed record ListAnswer<T>(IReadOnlyList<T> Rows, string? AlertRunId, string? MatchRunId, string? AsOf)
{
    public static ListAnswer<T> Empty { get; } = new([], null, null, null);
}

/// <summary>
/// Decides which alerts run answers a list request. The latest run recorded on the current match run
/// (for the date asked, when one is) answers it. When the current match run has none yet, the batch runs
/// once and is recorded, and its lists answer this and later requests. A date no stored run covers is
/// computed on demand and not recorded.
/// </summary>
public sealed class AlertRunSource(Db db, AlertsBatch batch) : IDisposable
{
    // One on-demand recording at a time: concurrent first requests wait for it instead of each running the batch.
    private readonly SemaphoreSlim _recording = new(1, 1);

    /// <summary>
    /// A list answer: <paramref name="stored"/> reads it from the stored run, <paramref name="computed"/> takes
    /// it from lists computed for a date no stored run covers; empty when there is no match run yet.
    /// </summary>
    /// <param name="snapshots">The stored lists the answer needs (<see cref="RunSnapshots.Version"/> 2 for the duplicates).</param>
    public async Task<ListAnswer<T>> ReadAsync<T>(DateOnly? asOf, Func<DbConnection, AlertRunRef, IReadOnlyList<T>> stored, Func<AlertsOutcome, IReadOnlyList<T>> computed, int snapshots = 1, CancellationToken ct = default)
    {
        switch (await ResolveAsync(asOf, snapshots, ct))
        {
            case { Stored: { } run }:
                await using (var conn = await db.OpenAsync(ct))
                {
                    return new ListAnswer<T>(stored(conn, run), run.AlertRunId, run.MatchRunId, run.AsOf);
                }

            case { Computed: { MatchRun: { } match } outcome }:
                return new ListAnswer<T>(computed(outcome), null, match.RunId, IsoDate.Format(outcome.AsOf));
            default:
                return ListAnswer<T>.Empty;
        }
    }

    /// <summary>The source of the lists; null when there is no match run yet (nothing to list).</summary>
    public async Task<ListSource?> ResolveAsync(DateOnly? asOf, int snapshots = 1, CancellationToken ct = default)
    {
        MatchRunInfo? match;
        await using (var conn = await db.OpenAsync(ct))
        {
            match = LinkageReader.CurrentRun(conn);
            if (match is null)
            {
                return null;
            }

            if (AlertRunRef.Latest(conn, match.RunId, asOf, snapshots) is { } stored)
            {
                return new ListSource(stored, null);
            }
        }

        if (asOf is not null && asOf != batch.DefaultAsOf(match))
        {
            return new ListSource(null, await batch.RunAsync(asOf, record: false, "on-demand", AlertsDetail.Lists, ct));
        }

        await _recording.WaitAsync(ct);
        try
        {
            await using (var conn = await db.OpenAsync(ct))
            {
                if (AlertRunRef.Latest(conn, match.RunId, asOf, snapshots) is { } meanwhile)
                {
                    return new ListSource(meanwhile, null);
                }
            }

            var outcome = await batch.RunAsync(asOf, record: true, "on-demand", AlertsDetail.Lists, ct);
            await using (var conn = await db.OpenAsync(ct))
            {
                // Recorded now, or by another process on the same match run and date since.
                var recorded = outcome.MatchRun is { } m ? AlertRunRef.Latest(conn, m.RunId, outcome.AsOf, snapshots) : null;
                return recorded is null ? new ListSource(null, outcome) : new ListSource(recorded, null);
            }
        }
        finally
        {
            _recording.Release();
        }
    }

    public void Dispose() => _recording.Dispose();
}
