using System.Threading.Channels;
using Integration.Alerts.Policy;
using Integration.Core.Database;

namespace Integration.Alerts.Checks;

/// <summary>
/// Group commit for the check log. Concurrent checks hand their row to one writer, which inserts every row
/// waiting at that moment in a single transaction; each caller gets its check id only once its row is
/// committed, so no answer leaves before it is recorded. One writer instead of one transaction per request
/// keeps SQLite's single write lock uncontended (its busy handler sleeps in milliseconds) and PostgreSQL's
/// commits few.
/// </summary>
public sealed class CheckLogWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;
    private readonly Db _db;
    private readonly TimeProvider _clock;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public CheckLogWriter(Db db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a decision for the log and returns its check id once committed.</summary>
    public Task<long> WriteAsync(CheckRequest request, LicenceDecision? decision, DateOnly asOf)
    {
        var pending = new Pending(request, decision, asOf, _clock.GetUtcNow(), new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The check log is closed (the application is shutting down).");
        }

        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
            }

            try
            {
                var ids = new long[batch.Count];
                await using (var conn = await _db.OpenAsync())
                {
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
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(ids[i]);
                }
            }
            catch (Exception e)
            {
                // The callers see the failure: an answer that could not be recorded is not given.
                foreach (var p in batch)
                {
                    p.Done.TrySetException(e);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
    }

    private sealed record Pending(CheckRequest Request, LicenceDecision? Decision, DateOnly AsOf, DateTimeOffset At, TaskCompletionSource<long> Done);
}
