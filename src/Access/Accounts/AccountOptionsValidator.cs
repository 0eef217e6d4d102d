using Integration.Core.Settings;

namespace Integration.Access.Accounts;

/// <summary>
/// Start-up check of <c>Access:Accounts</c>. A lockout of 0 attempts would lock every account at its first wrong
/// password; 0 minutes would make the lockout no brake at all on guessing.
/// </summary>
internal sealed class AccountOptionsValidator() : SettingsValidator<AccountOptions>(AccountOptions.Section)
{
    protected override void Check(AccountOptions options, SettingsProblems problems)
    {
        problems.AtLeast(nameof(options.MinPasswordLength), options.MinPasswordLength, 8);
        problems.AtLeast(nameof(options.MaxFailedAttempts), options.MaxFailedAttempts, 1);
        problems.AtLeast(nameof(options.LockoutMinutes), options.LockoutMinutes, 1);
    }
}
