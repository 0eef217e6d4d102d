using Dapper;
using Integration.Access;
using Integration.Access.Audit;
using Integration.Core.Database;
using Integration.TestSupport;
using Microsoft.Extensions.Options;

namespace Integration.Web.Tests;

/// <summary>The audit log's hash chain on both databases: intact as written; an edited, deleted or cut-off entry is found.</summary>
public sealed class AuditChainTests
{
    private static async Task<(TestDatabase Db, AuditReader Reader)> WriteAsync(DatabaseProvider provider, int entries, string? key = null)
    {
        var db = TestDatabase.Create(provider, AccessMigrations.Set);
        var options = Options.Create(new AuditOptions { Key = key });
        await using (var log = AuditLog.Own(db.Db, TimeProvider.System, options))
        {
            // Concurrent appends, as requests make them: one chain, no gap.
            await Task.WhenAll(Enumerable.Range(1, entries).Select(i =>
                log.AppendAsync(new AuditEvent("officer" + (i % 3), "web", i % 2 == 0 ? AuditAction.LicenceCheck : AuditAction.FirmRead, "E" + i, i % 4 == 0 ? "03" : null, "{\"n\":" + i + "}"))));
        }

        return (db, new AuditReader(db.Db, options));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_log_as_written_verifies_intact_with_contiguous_entries(DatabaseProvider provider)
    {
        var (db, reader) = await WriteAsync(provider, 60);
        using (db)
        {
            var v = await reader.VerifyAsync();
            Assert.True(v.Intact, string.Join("; ", v.Problems));
            Assert.Equal(60, v.Entries);
            Assert.Equal(60, v.HeadSeq);
            Assert.Equal(60, (await reader.ListAsync(new AuditFilter(Limit: 1000))).Count);
            Assert.Equal(20, (await reader.ListAsync(new AuditFilter(Actor: "officer1", Limit: 1000))).Count);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Editing_an_entry_in_the_database_is_found_at_that_entry(DatabaseProvider provider)
    {
        var (db, reader) = await WriteAsync(provider, 30);
        using (db)
        {
            await using (var conn = await db.Db.OpenLogAsync()) // the audit log is a log table: on SQLite in the log database
            {
                await conn.ExecuteAsync("UPDATE audit_log SET subject = 'E999' WHERE seq = 17");
            }

            var v = await reader.VerifyAsync();
            Assert.False(v.Intact);
            Assert.Equal([(17L, AuditProblemKind.Edited)], v.Problems.Select(p => (p.Seq, p.Kind)));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Deleting_an_entry_is_found_where_it_was(DatabaseProvider provider)
    {
        var (db, reader) = await WriteAsync(provider, 30);
        using (db)
        {
            await using (var conn = await db.Db.OpenLogAsync()) // the audit log is a log table: on SQLite in the log database
            {
                await conn.ExecuteAsync("DELETE FROM audit_log WHERE seq = 9");
            }

            var v = await reader.VerifyAsync();
            Assert.False(v.Intact);
            Assert.Contains(v.Problems, p => p.Seq == 10 && p.Kind == AuditProblemKind.Deleted && p.Message.Contains("9..9", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_rewritten_chain_does_not_verify_without_the_key_and_a_cut_end_is_found_against_a_kept_head()
    {
        var (db, reader) = await WriteAsync(DatabaseProvider.Sqlite, 20, key: "secret-kept-outside-the-database");
        using (db)
        {
            var head = await reader.VerifyAsync();
            Assert.True(head.Intact);

            // Someone with write access edits entry 5 and recomputes every hash from there without the key.
            var unkeyed = new AuditChain(null);
            await using (var conn = await db.Db.OpenLogAsync()) // the audit log is a log table: on SQLite in the log database
            {
                await conn.ExecuteAsync("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5");
                var rows = (await conn.QueryAsync<AuditEntry>("SELECT seq, at, actor, channel, action, subject, province_code, detail, prev_hash, hash FROM audit_log ORDER BY seq")).ToList();
                var prev = rows[3].Hash;
                foreach (var e in rows.Skip(4))
                {
                    var hash = unkeyed.Hash(e with { PrevHash = prev });
                    await conn.ExecuteAsync("UPDATE audit_log SET prev_hash = @prev, hash = @hash WHERE seq = @Seq", new { prev, hash, e.Seq });
                    prev = hash;
                }

                await conn.ExecuteAsync("DELETE FROM audit_log WHERE seq > 18");
            }

            var v = await reader.VerifyAsync($"{head.HeadSeq}:{head.HeadHash}");
            Assert.Contains(v.Problems, p => p.Seq == 5 && p.Kind == AuditProblemKind.Edited);
            Assert.Contains(v.Problems, p => p.Seq == 20 && p.Kind == AuditProblemKind.HeadMissing);
        }
    }
}
