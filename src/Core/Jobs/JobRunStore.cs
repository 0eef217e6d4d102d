using Dapper;
using Integration.Core.Database;

namespace Integration.Core.Jobs;

/// <summary>One recorded execution of a job occurrence (a row of job_runs). Timestamps as stored (see <see cref="Instants"/>).</summary>
public sealed record JobRunRecord
{
    public long Id { get; init; }

    public string Job { get; init; } = "";

    public string ScheduledFor { get; init; } = "";

    public string TriggeredBy { get; init; } = "";

    public string Host { get; init; } = "";

    public long Attempt { get; init; }

    public string StartedAt { get; init; } = "";

    public string? FinishedAt { get; init; }

    public string Outcome { get; init; } = "";

    public string? Summary { get; init; }

    public string? Error { get; init; }
}

/// <summary>
/// The job_runs table: the claim that makes an occurrence run once across hosts, and the record of how it went.
/// </summary>
public sealed class JobRunStore(Db db)
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>
    /// Claims an occurrence. A row left <c>running</c> or <c>cancelled</c> by a host that died or stopped is
    /// taken over; the caller must hold the job's lease, which is what makes that takeover safe.
    /// An occurrence that a later one has overtaken is not run (every trigger is a schedule's: the self-hosted
    /// scheduler's or the Functions timer's): a host whose timer fired late (a loaded
    /// machine) would otherwise run a stale occurrence after, or while, another host runs the next one, and
    /// occurrences that pass unrun collapse into the latest one anyway (ScheduledJob.Advance).
    /// Returns the run id, or null when the occurrence already ran (or is done) elsewhere or was overtaken.
    /// </summary>
    public async Task<long?> TryClaimAsync(string job, DateTimeOffset scheduledFor, string trigger, string host, DateTimeOffset now, CancellationToken ct = default)
    {
        const string sql = """
            INSERT INTO job_runs (job, scheduled_for, triggered_by, host, attempt, started_at, outcome)
            SELECT @job, @scheduledFor, @trigger, @host, 0, @now, 'running'
            WHERE NOT EXISTS (SELECT 1 FROM job_runs later WHERE later.job = @job AND later.scheduled_for > @scheduledFor)
            ON CONFLICT (job, scheduled_for) DO UPDATE
                SET host = excluded.host, triggered_by = excluded.triggered_by, started_at = excluded.started_at,
                    finished_at = NULL, outcome = 'running', error = NULL
                WHERE job_runs.outcome IN ('running', 'cancelled')
            """;
        var args = new { job, scheduledFor = Instants.ToText(scheduledFor), trigger, host, now = Instants.ToText(now) };
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
        if (rows != 1)
        {
            return null;
        }

        return await conn.QuerySingleAsync<long>(new CommandDefinition(
            "SELECT id FROM job_runs WHERE job = @job AND scheduled_for = @scheduledFor",
            args,
            cancellationToken: ct));
    }

    public async Task StartAttemptAsync(long id, int attempt, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE job_runs SET attempt = @attempt WHERE id = @id",
            new { id, attempt },
            cancellationToken: ct));
    }

    public async Task FinishAsync(long id, string outcome, string? summary, string? error, DateTimeOffset now)
    {
        // Not cancellable: a run that stops must still say how it ended.
        await using var conn = await db.OpenAsync();
        await conn.ExecuteAsync(
            "UPDATE job_runs SET outcome = @outcome, summary = @summary, error = @error, finished_at = @now WHERE id = @id",
            new { id, outcome, summary, error, now = Instants.ToText(now) });
    }

    /// <summary>The latest occurrence of the job that finished (successfully or not): the base for catch-up.</summary>
    public async Task<DateTimeOffset?> LastFinishedOccurrenceAsync(string job, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var text = await conn.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT MAX(scheduled_for) FROM job_runs WHERE job = @job AND outcome IN ('succeeded', 'failed')",
            new { job },
            cancellationToken: ct));
        return text is null ? null : Instants.Parse(text);
    }

    /// <summary>True when the occurrence is claimed and not abandoned: some host runs it or ran it.</summary>
    public async Task<bool> IsTakenAsync(string job, DateTimeOffset scheduledFor, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return await conn.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM job_runs WHERE job = @job AND scheduled_for = @scheduledFor AND outcome <> 'cancelled'",
            new { job, scheduledFor = Instants.ToText(scheduledFor) },
            cancellationToken: ct)) > 0;
    }

    public async Task<IReadOnlyList<JobRunRecord>> ListAsync(string? job = null, int limit = 100, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<JobRunRecord>(new CommandDefinition(
            """
            SELECT id, job, scheduled_for, triggered_by, host, attempt, started_at, finished_at, outcome, summary, error
            FROM job_runs
            """ + (job is null ? "" : " WHERE job = @job") + " ORDER BY scheduled_for DESC, id DESC LIMIT @limit",
            new { job, limit },
            cancellationToken: ct));
        return rows.ToList();
    }
}
