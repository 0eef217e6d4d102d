using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Integration.Core.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Integration.Access.Accounts;

/// <summary>
/// People's accounts: created and changed by an admin (or the first-admin CLI), checked at sign-in. Passwords
/// are hashed with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, versioned
/// format); repeated wrong passwords lock the account for a while. Every change renews the stamp, which ends
/// sign-ins issued before it.
/// </summary>
public sealed class AccountStore(Db db, TimeProvider clock, IOptions<AccountOptions> options)
{
    private const string Columns = "user_name, display_name, password_hash, roles, province_code, language, disabled, failed_attempts, locked_until, stamp, created_at, created_by, last_sign_in_at";
    private static readonly PasswordHasher<Account> Hasher = new();

    // Verified against when the name is unknown, so that a wrong name costs as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new Account(), "not a password of anyone"));

    public AccountOptions Options => options.Value;

    public static string Normalise(string userName) => userName.Trim().ToLowerInvariant();

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM accounts ORDER BY user_name", cancellationToken: ct))).Select(r => r.ToAccount()).ToList();
    }

    public async Task<Account?> FindAsync(string userName, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await FindRowAsync(conn, Normalise(userName), ct))?.ToAccount();
    }

    public async Task<bool> AnyAdminAsync(CancellationToken ct = default) =>
        (await ListAsync(ct)).Any(a => !a.Disabled && a.Roles.Contains(Role.Admin));

    /// <summary>Creates an account; <paramref name="password"/> may be null for one that signs in only through the identity provider.</summary>
    public async Task<Account> CreateAsync(AccountSpec spec, string? password, string by, CancellationToken ct = default)
    {
        Validate(spec);
        var hash = password is null ? null : Hash(password);
        var now = Now();
        await using var conn = await db.OpenAsync(ct);
        var name = Normalise(spec.UserName);
        if (await FindRowAsync(conn, name, ct) is not null)
        {
            throw new AccountException($"An account named '{name}' exists already.");
        }

        await conn.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO accounts ({Columns}, updated_at) VALUES (@name, @display, @hash, @roles, @province, @language, @disabled, 0, NULL, @stamp, @now, @by, NULL, @now)",
            new
            {
                name,
                display = spec.DisplayName.Trim(),
                hash,
                roles = Roles.Join(spec.Roles),
                province = spec.ProvinceCode,
                language = spec.Language.Code(),
                disabled = spec.Disabled ? 1 : 0,
                stamp = NewStamp(),
                now,
                by,
            },
            cancellationToken: ct));
        return (await FindAsync(name, ct))!;
    }

    /// <summary>Changes roles, scope, display name, language or status (not the password); null when the account does not exist.</summary>
    public async Task<Account?> UpdateAsync(AccountSpec spec, CancellationToken ct = default)
    {
        Validate(spec);
        await using var conn = await db.OpenAsync(ct);
        var changed = await conn.ExecuteAsync(new CommandDefinition(
            """
            UPDATE accounts SET display_name = @display, roles = @roles, province_code = @province, language = @language,
                disabled = @disabled, stamp = @stamp, updated_at = @now WHERE user_name = @name
            """,
            new
            {
                name = Normalise(spec.UserName),
                display = spec.DisplayName.Trim(),
                roles = Roles.Join(spec.Roles),
                province = spec.ProvinceCode,
                language = spec.Language.Code(),
                disabled = spec.Disabled ? 1 : 0,
                stamp = NewStamp(),
                now = Now(),
            },
            cancellationToken: ct));
        return changed == 0 ? null : await FindAsync(spec.UserName, ct);
    }

    /// <summary>Sets a new password (and unlocks); false when the account does not exist.</summary>
    public async Task<bool> SetPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        var hash = Hash(password);
        await using var conn = await db.OpenAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET password_hash = @hash, failed_attempts = 0, locked_until = NULL, stamp = @stamp, updated_at = @now WHERE user_name = @name",
            new { name = Normalise(userName), hash, stamp = NewStamp(), now = Now() },
            cancellationToken: ct)) > 0;
    }

    /// <summary>The person's language choice, kept for their next sign-in (does not end the current one).</summary>
    public async Task SetLanguageAsync(string userName, Language language, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET language = @language WHERE user_name = @name", new { name = Normalise(userName), language = language.Code() }, cancellationToken: ct));
    }

    /// <summary>Checks a name and password; counts wrong passwords and locks the account after too many.</summary>
    public async Task<SignInResult> VerifyAsync(string userName, string password, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var row = await FindRowAsync(conn, Normalise(userName), ct);
        if (row?.PasswordHash is null)
        {
            Hasher.VerifyHashedPassword(new Account(), DummyHash.Value, password);
            return new SignInResult(SignInOutcome.WrongNameOrPassword, null);
        }

        var account = row.ToAccount();
        if (account.LockedUntil is { } until && until > clock.GetUtcNow())
        {
            return new SignInResult(SignInOutcome.LockedOut, account);
        }

        var verified = Hasher.VerifyHashedPassword(account, row.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var failed = row.FailedAttempts + 1;
            var lockNow = failed >= Options.MaxFailedAttempts;
            await conn.ExecuteAsync(new CommandDefinition(
                "UPDATE accounts SET failed_attempts = @failed, locked_until = @until WHERE user_name = @name",
                new
                {
                    name = row.UserName,
                    failed = lockNow ? 0 : failed,
                    until = lockNow ? clock.GetUtcNow().AddMinutes(Options.LockoutMinutes).UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : row.LockedUntil,
                },
                cancellationToken: ct));
            return new SignInResult(lockNow ? SignInOutcome.LockedOut : SignInOutcome.WrongNameOrPassword, account);
        }

        if (account.Disabled)
        {
            return new SignInResult(SignInOutcome.Disabled, account);
        }

        // A hash in an older format is upgraded now that the password is known.
        var rehash = verified == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(account, password) : row.PasswordHash;
        await conn.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = @now, password_hash = @rehash WHERE user_name = @name",
            new { name = row.UserName, now = Now(), rehash },
            cancellationToken: ct));
        return new SignInResult(SignInOutcome.Succeeded, account);
    }

    private void Validate(AccountSpec spec)
    {
        var name = Normalise(spec.UserName);
        if (name.Length is 0 or > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            throw new AccountException("A user name is 1 to 64 letters, digits, '.', '-', '_' or '@'.");
        }

        if (string.IsNullOrWhiteSpace(spec.DisplayName))
        {
            throw new AccountException("An account needs a display name (the person's name as it appears in the audit log).");
        }

        if (spec.Roles.Count == 0)
        {
            throw new AccountException("An account needs at least one role: " + string.Join(", ", Roles.All.Select(r => r.Name())) + ".");
        }
    }

    private string Hash(string password)
    {
        if (password.Length < Options.MinPasswordLength)
        {
            throw new AccountException($"A password must be at least {Options.MinPasswordLength} characters long.");
        }

        return Hasher.HashPassword(new Account(), password);
    }

    private static async Task<Row?> FindRowAsync(DbConnection conn, string name, CancellationToken ct) =>
        await conn.QueryFirstOrDefaultAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM accounts WHERE user_name = @name", new { name }, cancellationToken: ct));

    private string Now() => clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private sealed class Row
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string? PasswordHash { get; set; }
        public string Roles { get; set; } = "";
        public string? ProvinceCode { get; set; }
        public string Language { get; set; } = "en";
        public long Disabled { get; set; }
        public long FailedAttempts { get; set; }
        public string? LockedUntil { get; set; }
        public string Stamp { get; set; } = "";
        public string CreatedAt { get; set; } = "";
        public string CreatedBy { get; set; } = "";
        public string? LastSignInAt { get; set; }

        public Account ToAccount() => new()
        {
            UserName = UserName,
            DisplayName = DisplayName,
            Roles = Access.Roles.ParseList(Roles),
            ProvinceCode = ProvinceCode,
            Language = Languages.Parse(Language),
            Disabled = Disabled != 0,
            HasPassword = PasswordHash is not null,
            LockedUntil = DateTimeOffset.TryParse(LockedUntil, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null,
            Stamp = Stamp,
            CreatedAt = CreatedAt,
            CreatedBy = CreatedBy,
            LastSignInAt = LastSignInAt,
        };
    }
}
