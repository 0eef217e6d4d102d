using System.Data.Common;
using System.Globalization;
using Dapper;
using Integration.Core.Database;
using Microsoft.Extensions.Options;

namespace Integration.Access.Audit;

/// <summary>
/// Appends to the audit log. Concurrent callers hand their event to the process's one log writer
/// (<see cref="LogWriter"/>), which writes every entry waiting at that moment, audit entries and check-log rows alike,
/// in one transaction; a caller's task completes only once its entry is committed, so nothing is shown or changed
/// without its record. Each entry reads the chain's head inside the write transaction under a lock (PostgreSQL
/// advisory lock; SQLite's write lock), so several hosts on one database still extend one chain.
/// </summary>
public sealed class AuditLog : IAsyncDisposable, IDisposable
{
    private const long ChainLock = 7401002;
    private readonly LogWriter _log;
    private readonly LogWriter? _owned;
    private readonly TimeProvider _clock;
    private readonly AuditChain _chain;

    /// <summary>On the process's log writer (the services' one).</summary>
    public AuditLog(LogWriter log, TimeProvider clock, IOptions<AuditOptions> options)
    {
        _log = log;
        _clock = clock;
        _chain = new AuditChain(options.Value.Key);
    }

    /// <summary>With a log writer of its own, disposed with it (tools and tests without the services).</summary>
    public static AuditLog Own(Db db, TimeProvider clock, IOptions<AuditOptions> options)
    {
        var writer = new LogWriter(db);
        return new AuditLog(writer, clock, options, writer);
    }

    private AuditLog(LogWriter log, TimeProvider clock, IOptions<AuditOptions> options, LogWriter owned)
        : this(log, clock, options) => _owned = owned;

    /// <summary>Records the event; completes with its sequence number once committed.</summary>
    public Task<long> AppendAsync(AuditEvent e) => _log.WriteAsync((conn, tx) => Append(conn, tx, e));

    private long Append(DbConnection conn, DbTransaction tx, AuditEvent e)
    {
        if (_log.Db.Dialect.IsPostgres)
        {
            conn.Execute("SELECT pg_advisory_xact_lock(@k)", new { k = ChainLock }, tx); // re-entrant within the transaction
        }

        var (seq, prev) = Head(conn, tx);
        seq++;
        var at = _clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        var action = e.Action.ToString();
        var hash = _chain.Hash(seq, at, e.Actor, e.Channel, action, e.Subject, e.ProvinceCode, e.Detail, prev);
        conn.Execute(
            """
            INSERT INTO audit_log (seq, at, actor, channel, action, subject, province_code, detail, prev_hash, hash)
            VALUES (@seq, @at, @Actor, @Channel, @action, @Subject, @ProvinceCode, @Detail, @prev, @hash)
            """,
            new { seq, at, e.Actor, e.Channel, action, e.Subject, e.ProvinceCode, e.Detail, prev, hash },
            tx);
        return seq;
    }

    private static (long Seq, string Hash) Head(DbConnection conn, DbTransaction tx) =>
        conn.QueryFirstOrDefault<HeadRow>("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: tx) is { } h
            ? (h.Seq, h.Hash)
            : (0, AuditChain.Genesis);

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;

    public void Dispose() => _owned?.Dispose();

    private sealed class HeadRow
    {
        public long Seq { get; set; }

        public string Hash { get; set; } = "";
    }
}
