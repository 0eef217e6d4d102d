using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Dapper;
using Integration.Core.Database;
using Microsoft.Extensions.Options;

namespace Integration.Access.Audit;

/// <summary>
/// Appends to the audit log. Concurrent callers hand their event to one writer, which chains every event
/// waiting at that moment and commits them in one transaction; a caller's task completes only once its entry
/// is committed, so nothing is shown or changed without its record. The chain's head is read inside the
/// write transaction under a lock (PostgreSQL advisory lock; SQLite's write lock), so several hosts on one
/// database still extend one chain.
/// </summary>
public sealed class AuditLog : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 256;
    private const long ChainLock = 7401002;
    private readonly Db _db;
    private readonly TimeProvider _clock;
    private readonly AuditChain _chain;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public AuditLog(Db db, TimeProvider clock, IOptions<AuditOptions> options)
    {
        _db = db;
        _clock = clock;
        _chain = new AuditChain(options.Value.Key);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Records the event; completes with its sequence number once committed.</summary>
    public Task<long> AppendAsync(AuditEvent e)
    {
        var pending = new Pending(e, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit log is closed (the application is shutting down).");
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
                var seqs = await WriteAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(seqs[i]);
                }
            }
            catch (Exception e)
            {
                // The callers see the failure: an action that could not be recorded is not carried out.
                foreach (var p in batch)
                {
                    p.Done.TrySetException(e);
                }
            }
        }
    }

    private async Task<long[]> WriteAsync(List<Pending> batch)
    {
        await using var conn = await _db.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        if (_db.Dialect.IsPostgres)
        {
            await conn.ExecuteAsync("SELECT pg_advisory_xact_lock(@k)", new { k = ChainLock }, tx);
        }

        var (seq, prev) = Head(conn, tx);
        var seqs = new long[batch.Count];
        var at = _clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i].Event;
            seq++;
            var action = e.Action.ToString();
            var hash = _chain.Hash(seq, at, e.Actor, e.Channel, action, e.Subject, e.ProvinceCode, e.Detail, prev);
            await conn.ExecuteAsync(
                """
                INSERT INTO audit_log (seq, at, actor, channel, action, subject, province_code, detail, prev_hash, hash)
                VALUES (@seq, @at, @Actor, @Channel, @action, @Subject, @ProvinceCode, @Detail, @prev, @hash)
                """,
                new { seq, at, e.Actor, e.Channel, action, e.Subject, e.ProvinceCode, e.Detail, prev, hash },
                tx);
            seqs[i] = seq;
            prev = hash;
        }

        await tx.CommitAsync();
        return seqs;
    }

    private static (long Seq, string Hash) Head(DbConnection conn, DbTransaction tx) =>
        conn.QueryFirstOrDefault<HeadRow>("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: tx) is { } h
            ? (h.Seq, h.Hash)
            : (0, AuditChain.Genesis);

    private sealed class HeadRow
    {
        public long Seq { get; set; }

        public string Hash { get; set; } = "";
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

    private sealed record Pending(AuditEvent Event, TaskCompletionSource<long> Done);
}
