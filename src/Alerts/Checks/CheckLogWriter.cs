using Integration.Alerts.Policy;
using Integration.Core.Database;

namespace Integration.Alerts.Checks;

/// <summary>
/// Writes each answered check to the check log through the process's one log writer (<see cref="LogWriter"/>, group
/// commit): concurrent checks, and the audit entries of the moment, share one transaction; each caller gets its check
/// id only once its row is committed, so no answer leaves before it is recorded.
/// </summary>
public sealed class CheckLogWriter(LogWriter log, TimeProvider clock)
{
    /// <summary>Queues a decision for the log and returns its check id once committed.</summary>
    public Task<long> WriteAsync(CheckRequest request, LicenceDecision? decision, DateOnly asOf)
    {
        var at = clock.GetUtcNow();
        return log.WriteAsync((conn, tx) => decision is null
            ? CheckLog.WriteNotFound(conn, request, asOf, at, tx)
            : CheckLog.Write(conn, request, decision, at, tx));
    }
}
