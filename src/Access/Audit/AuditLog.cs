using System.Data.Common;
using System.Globalization;
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
    private const long ChainLock = 7401002;
    private readonly Db _db;
    private readonly TimeProvider _clock;
    private readonly AuditChain _chain;
    private readonly GroupCommit<AuditEvent, long> _writer;

    public AuditLog(Db db, TimeProvider clock, IOptions<AuditOptions> options)
    {
        _db = db;
        _clock = clock;
        _chain = new AuditChain(options.Value.Key);
        _writer = new GroupCommit<AuditEvent, long>("audit log", 256, WriteAsync);
    }

    /// <summary>Records the event; completes with its sequence number once committed.</summary>
    public Task<long> AppendAsync(AuditEvent e) => _writer.WriteAsync(e);

    private async Task<long[]> WriteAsync(IReadOnlyList<AuditEvent> batch)
    {
        await using var conn = await _db.OpenLogAsync();
        var tx = await conn.BeginTransactionAsync();
        var seqs = new long[batch.Count];
        try
        {
            if (_db.Dialect.IsPostgres)
            {
                await conn.ExecuteAsync("SELECT pg_advisory_xact_lock(@k)", new { k = ChainLock }, tx);
            }

            var (seq, prev) = Head(conn, tx);
            var at = _clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            for (var i = 0; i < batch.Count; i++)
            {
                var e = batch[i];
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
        }
        catch
        {
            await tx.AbandonAsync(); // the error that stopped the batch is reported, not a failed rollback
            throw;
        }
        finally
        {
            await tx.DisposeAsync();
        }

        return seqs;
    }

    private static (long Seq, string Hash) Head(DbConnection conn, DbTransaction tx) =>
        conn.QueryFirstOrDefault<HeadRow>("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: tx) is { } h
            ? (h.Seq, h.Hash)
            : (0, AuditChain.Genesis);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    public void Dispose() => _writer.Dispose();

    private sealed class HeadRow
    {
        public long Seq { get; set; }

        public string Hash { get; set; } = "";
    }
}
