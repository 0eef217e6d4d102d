using Dapper;
using Integration.Core.Database;
using Microsoft.Extensions.Options;

namespace Integration.Access.Audit;

/// <summary>What <see cref="AuditReader.VerifyAsync"/> found wrong at one entry.</summary>
public enum AuditProblemKind
{
    /// <summary>The entry's fields no longer give its hash: it was edited.</summary>
    Edited,

    /// <summary>Sequence numbers are missing before this entry: entries were deleted.</summary>
    Deleted,

    /// <summary>The entry does not point at the hash of the one before it (an entry replaced or re-chained).</summary>
    Broken,

    /// <summary>The head recorded earlier (--expect) is not in the chain any more: the end was cut off or rewritten.</summary>
    HeadMissing,
}

public sealed record AuditProblem(long Seq, AuditProblemKind Kind, string Message);

/// <summary>The outcome of a verification: entries checked, the head (last seq and hash) and what was wrong.</summary>
public sealed record AuditVerification(long Entries, long HeadSeq, string HeadHash, bool Keyed, IReadOnlyList<AuditProblem> Problems)
{
    public bool Intact => Problems.Count == 0;
}

/// <summary>Reads the audit log: the admin's filtered pages, and the whole chain for verification.</summary>
public sealed class AuditReader(Db db, IOptions<AuditOptions> options)
{
    private const string Columns = "seq, at, actor, channel, action, subject, province_code, detail, prev_hash, hash";
    private const int MaxProblems = 100;

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var where = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            where.Add("actor = @actor");
        }

        if (filter.Action is not null)
        {
            where.Add("action = @action");
        }

        if (!string.IsNullOrWhiteSpace(filter.Subject))
        {
            where.Add("subject = @subject");
        }

        if (!string.IsNullOrWhiteSpace(filter.From))
        {
            where.Add("at >= @from");
        }

        if (!string.IsNullOrWhiteSpace(filter.To))
        {
            // A date means the whole day: every timestamp of that day sorts before the next character.
            where.Add("at < @to");
        }

        if (filter.BeforeSeq is not null)
        {
            where.Add("seq < @before");
        }

        var sql = $"SELECT {Columns} FROM audit_log" + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where)) + " ORDER BY seq DESC LIMIT @limit";
        await using var conn = await db.OpenLogAsync(ct);
        return (await conn.QueryAsync<AuditEntry>(new CommandDefinition(sql, new
        {
            actor = filter.Actor?.Trim(),
            action = filter.Action?.ToString(),
            subject = filter.Subject?.Trim(),
            from = filter.From?.Trim(),
            to = filter.To is { } t ? t.Trim() + "\uffff" : null,
            before = filter.BeforeSeq,
            limit = (long)Math.Clamp(filter.Limit, 1, 1000),
        }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Recomputes the whole chain in order (streamed: memory stays flat however long the log). With
    /// <paramref name="expectHead"/> ("seq:hash", printed by an earlier verify and kept elsewhere) also checks that
    /// the log still holds that entry unchanged, which finds entries cut off the end.
    /// </summary>
    public async Task<AuditVerification> VerifyAsync(string? expectHead = null, CancellationToken ct = default)
    {
        var chain = new AuditChain(options.Value.Key);
        var problems = new List<AuditProblem>();
        var expected = ParseHead(expectHead);
        var expectedSeen = false;
        long count = 0, last = 0;
        var prev = AuditChain.Genesis;
        await using var conn = await db.OpenLogAsync(ct);
        foreach (var e in conn.Query<AuditEntry>($"SELECT {Columns} FROM audit_log ORDER BY seq", buffered: false))
        {
            ct.ThrowIfCancellationRequested();
            count++;
            if (e.Seq != last + 1)
            {
                Add(new AuditProblem(e.Seq, AuditProblemKind.Deleted, e.Seq > last + 1
                    ? $"entries {last + 1}..{e.Seq - 1} are missing before entry {e.Seq}"
                    : $"entry {e.Seq} repeats or goes back after {last}"));
            }
            else if (e.PrevHash != prev)
            {
                Add(new AuditProblem(e.Seq, AuditProblemKind.Broken, $"entry {e.Seq} does not follow the hash of entry {last}"));
            }

            if (chain.Hash(e) != e.Hash)
            {
                Add(new AuditProblem(e.Seq, AuditProblemKind.Edited, $"entry {e.Seq} ({e.At} {e.Actor} {e.Action} {e.Subject}) was changed after it was written"));
            }

            if (expected is { } h && h.Seq == e.Seq)
            {
                expectedSeen = true;
                if (!string.Equals(h.Hash, e.Hash, StringComparison.OrdinalIgnoreCase))
                {
                    Add(new AuditProblem(e.Seq, AuditProblemKind.HeadMissing, $"entry {e.Seq} is not the one recorded earlier (hash {h.Hash[..12]}...)"));
                }
            }

            last = e.Seq;
            prev = e.Hash;
        }

        if (expected is { } x && !expectedSeen)
        {
            Add(new AuditProblem(x.Seq, AuditProblemKind.HeadMissing, $"entry {x.Seq} recorded earlier is gone: the log ends at {last}"));
        }

        return new AuditVerification(count, last, prev, chain.Keyed, problems);

        void Add(AuditProblem p)
        {
            if (problems.Count < MaxProblems)
            {
                problems.Add(p);
            }
        }
    }

    private static (long Seq, string Hash)? ParseHead(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(text[..colon], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq) && text.Length - colon - 1 == 64
            ? (seq, text[(colon + 1)..])
            : throw new ArgumentException($"--expect takes seq:hash as verify printed it, e.g. 1234:{AuditChain.Genesis}; got '{text}'.");
    }
}
