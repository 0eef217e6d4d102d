namespace Integration.Access.Accounts;

/// <summary>Section <c>Access:Accounts</c>: password rules and lockout.</summary>
public sealed class AccountOptions
{
    public const string Section = "Access:Accounts";

    public int MinPasswordLength { get; set; } = 10;

    /// <summary>Wrong passwords in a row before the account is locked for <see cref="LockoutMinutes"/>.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}
