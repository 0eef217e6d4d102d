using Dapper;
using Integration.Access;
using Integration.Access.Accounts;
using Integration.Core.Database;
using Integration.TestSupport;
using Microsoft.Extensions.Options;

namespace Integration.Web.Tests;

/// <summary>Accounts on both databases: hashed passwords, lockout after wrong passwords, stamps that end older sign-ins.</summary>
public sealed class AccountStoreTests
{
    private static readonly AccountSpec Officer = new("Dara.Officer", "Dara", [Role.Licensing], "12", Language.Km);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_password_is_stored_hashed_and_verified(DatabaseProvider provider)
    {
        using var db = TestDatabase.Create(provider, AccessMigrations.Set);
        var store = new AccountStore(db.Db, TimeProvider.System, Options.Create(new AccountOptions()));
        var account = await store.CreateAsync(Officer, "correct horse battery", "admin");
        Assert.Equal("dara.officer", account.UserName);
        Assert.Equal("12", account.ProvinceCode);
        await using (var conn = await db.Db.OpenAsync())
        {
            var hash = await conn.ExecuteScalarAsync<string>("SELECT password_hash FROM accounts");
            Assert.DoesNotContain("horse", hash, StringComparison.Ordinal);
            Assert.True(hash!.Length > 40);
        }

        Assert.Equal(SignInOutcome.Succeeded, (await store.VerifyAsync("DARA.officer", "correct horse battery")).Outcome);
        Assert.Equal(SignInOutcome.WrongNameOrPassword, (await store.VerifyAsync("dara.officer", "wrong")).Outcome);
        Assert.Equal(SignInOutcome.WrongNameOrPassword, (await store.VerifyAsync("nobody", "correct horse battery")).Outcome);
        await Assert.ThrowsAsync<AccountException>(() => store.CreateAsync(Officer, "another password", "admin"));
        await Assert.ThrowsAsync<AccountException>(() => store.CreateAsync(Officer with { UserName = "x" }, "short", "admin"));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_any_change_renews_its_stamp()
    {
        using var db = TestDatabase.Create(DatabaseProvider.Sqlite, AccessMigrations.Set);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));
        var store = new AccountStore(db.Db, clock, Options.Create(new AccountOptions { MaxFailedAttempts = 3, LockoutMinutes = 10 }));
        var created = await store.CreateAsync(Officer, "correct horse battery", "admin");
        for (var i = 0; i < 3; i++)
        {
            await store.VerifyAsync("dara.officer", "wrong");
        }

        Assert.Equal(SignInOutcome.LockedOut, (await store.VerifyAsync("dara.officer", "correct horse battery")).Outcome);
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(SignInOutcome.Succeeded, (await store.VerifyAsync("dara.officer", "correct horse battery")).Outcome);

        var changed = await store.UpdateAsync(Officer with { Roles = [Role.Licensing, Role.Registration], Disabled = true });
        Assert.NotEqual(created.Stamp, changed!.Stamp);
        Assert.Equal(SignInOutcome.Disabled, (await store.VerifyAsync("dara.officer", "correct horse battery")).Outcome);
    }
}
