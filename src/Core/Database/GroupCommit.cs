using System.Threading.Channels;

namespace Integration.Core.Database;

/// <summary>
/// Group commit: concurrent callers hand their item to one writer, which writes every item waiting at that
/// moment in one go (one transaction) and completes each caller's task with its result only once the batch is
/// committed, or with the batch's exception. One writer instead of one transaction per request keeps SQLite's
/// single write lock uncontended and PostgreSQL's commits few. Used by the check log and the audit log.
/// The writer runs on a thread of its own, not the thread pool: SQLite's calls block for the whole commit, fsync
/// included (tens of milliseconds while a job writes gigabytes to the same disk), and on 2 cores the pool starts
/// with 2 threads; with both writers blocked on a pool thread every request waited for the pool to add one
/// (about 2 a second), which put p99 at 0.5 s at national scale (docs/alerts.md, "Check latency").
/// </summary>
internal sealed class GroupCommit<TItem, TResult> : IAsyncDisposable, IDisposable
{
    private readonly Func<IReadOnlyList<TItem>, Task<TResult[]>> _write;
    private readonly int _maxBatch;
    private readonly string _name;
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Done)> _queue =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Thread _loop;

    /// <param name="write">Writes a batch in one transaction; returns one result per item, in order.</param>
    public GroupCommit(string name, int maxBatch, Func<IReadOnlyList<TItem>, Task<TResult[]>> write)
    {
        _name = name;
        _maxBatch = maxBatch;
        _write = write;
        _loop = new Thread(Run) { IsBackground = true, Name = name + " writer" };
        _loop.Start();
    }

    /// <summary>Queues the item; completes once it is committed.</summary>
    public Task<TResult> WriteAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((item, done)))
        {
            throw new InvalidOperationException($"The {_name} is closed (the application is shutting down).");
        }

        return done.Task;
    }

    /// <summary>
    /// The writer's loop, blocking on purpose: it owns its thread, and ChannelReader.WaitToReadAsync's continuation or
    /// an awaited write would otherwise move the loop onto the thread pool.
    /// </summary>
    private void Run()
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>(_maxBatch);
        while (WaitToRead())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
            }

            try
            {
                var results = _write(batch.Select(b => b.Item).ToList()).GetAwaiter().GetResult();
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                // The callers see the failure: what could not be recorded is not answered.
                foreach (var p in batch)
                {
                    p.Done.TrySetException(e);
                }
            }
        }
    }

    private bool WaitToRead()
    {
        var wait = _queue.Reader.WaitToReadAsync();
        return wait.IsCompleted ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.Factory.StartNew(_loop.Join, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _loop.Join();
    }
}
