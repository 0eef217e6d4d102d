namespace Integration.Access.Accounts;

/// <summary>The languages of the product's pages.</summary>
public enum Language
{
    En,
    Km,
}

public static class Languages
{
    public static string Code(this Language language) => language == Language.Km ? "km" : "en";

    public static Language Parse(string? code) =>
        string.Equals(code?.Trim(), "km", StringComparison.OrdinalIgnoreCase) || (code?.StartsWith("km-", StringComparison.OrdinalIgnoreCase) ?? false)
            ? Language.Km
            : Language.En;
}

/// <summary>One person's account, as stored (never the password itself).</summary>
public sealed record Account
{
    public string UserName { get; init; } = "";

    public string DisplayName { get; init; } = "";

    public IReadOnlyList<Role> Roles { get; init; } = [];

    /// <summary>Gazetteer province code the person is limited to; null = national.</summary>
    public string? ProvinceCode { get; init; }

    public Language Language { get; init; }

    public bool Disabled { get; init; }

    public bool HasPassword { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public string Stamp { get; init; } = "";

    public string CreatedAt { get; init; } = "";

    public string CreatedBy { get; init; } = "";

    public string? LastSignInAt { get; init; }
}

/// <summary>What an admin (or the first-admin CLI) gives to create or change an account.</summary>
public sealed record AccountSpec(string UserName, string DisplayName, IReadOnlyList<Role> Roles, string? ProvinceCode, Language Language, bool Disabled = false);

public enum SignInOutcome
{
    Succeeded,
    WrongNameOrPassword,
    LockedOut,
    Disabled,
}

public sealed record SignInResult(SignInOutcome Outcome, Account? Account);

/// <summary>An account change that cannot be made (a duplicate name, no role, a short password); the message says why.</summary>
public sealed class AccountException(string message) : Exception(message);
