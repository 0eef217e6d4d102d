using Integration.Alerts.Policy;
using Integration.Core.Database;

namespace Integration.Alerts.Checks;

/// <summary>
/// Group commit for the check log (<see cref="GroupCommit{TItem, TResult}"/>): concurrent checks hand their row
/// to one writer, which inserts every row waiting at that moment in a single transaction; each caller gets its
/// check id only once its row is committed, so no answer leaves before it is recorded.
/// </summary>
public sealed class CheckLogWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;
    private readonly Db _db;
    private readonly TimeProvider _clock;
    private readonly GroupCommit<Pending, long> _writer;

    public CheckLogWriter(Db db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
        _writer = new GroupCommit<Pending, long>("check log", MaxBatch, WriteAsync);
    }

    /// <summary>Queues a decision for the log and returns its check id once committed.</summary>
    public Task<long> WriteAsync(CheckRequest request, LicenceDecision? decision, DateOnly asOf) =>
        _writer.WriteAsync(new Pending(request, decision, asOf, _clock.GetUtcNow()));

    private async Task<long[]> WriteAsync(IReadOnlyList<Pending> batch)
    {
        var ids = new long[batch.Count];
        await using var conn = await _db.OpenLogAsync();
        var tx = await conn.BeginTransactionAsync();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var p = batch[i];
                ids[i] = p.Decision is null
                    ? CheckLog.WriteNotFound(conn, p.Request, p.AsOf, p.At, tx)
                    : CheckLog.Write(conn, p.Request, p.Decision, p.At, tx);
            }

            await tx.CommitAsync();
        }
        catch
        {
            await tx.AbandonAsync(); // a full disk is reported as such, not as "cannot rollback"
            throw;
        }
        finally
        {
            await tx.DisposeAsync();
        }

        return ids;
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();

    private sealed record Pending(CheckRequest Request, LicenceDecision? Decision, DateOnly AsOf, DateTimeOffset At);
}
