using System.Threading.Channels;

namespace Integration.Core.Database;

/// <summary>
/// Group commit: concurrent callers hand their item to one writer, which writes every item waiting at that
/// moment in one go (one transaction) and completes each caller's task with its result only once the batch is
/// committed, or with the batch's exception. One writer instead of one transaction per request keeps SQLite's
/// single write lock uncontended and PostgreSQL's commits few. Used by the check log and the audit log.
/// </summary>
public sealed class GroupCommit<TItem, TResult> : IAsyncDisposable, IDisposable
{
    private readonly Func<IReadOnlyList<TItem>, Task<TResult[]>> _write;
    private readonly int _maxBatch;
    private readonly string _name;
    private readonly Channel<(TItem Item, TaskCompletionSource<TResult> Done)> _queue =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource<TResult>)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _loop;

    /// <param name="write">Writes a batch in one transaction; returns one result per item, in order.</param>
    public GroupCommit(string name, int maxBatch, Func<IReadOnlyList<TItem>, Task<TResult[]>> write)
    {
        _name = name;
        _maxBatch = maxBatch;
        _write = write;
        _loop = Task.Run(RunAsync);
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

    private async Task RunAsync()
    {
        var batch = new List<(TItem Item, TaskCompletionSource<TResult> Done)>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
            }

            try
            {
                var results = await _write(batch.Select(b => b.Item).ToList());
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
}
