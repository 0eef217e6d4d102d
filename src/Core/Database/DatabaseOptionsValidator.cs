using Integration.Core.Settings;

namespace Integration.Core.Database;

/// <summary>Start-up check of the <c>Database</c> section: a known provider and a connection string.</summary>
internal sealed class DatabaseOptionsValidator() : SettingsValidator<DatabaseOptions>(DatabaseOptions.Section)
{
    protected override void Check(DatabaseOptions options, SettingsProblems problems)
    {
        problems.Defined(nameof(options.Provider), options.Provider);
        problems.NotEmpty(nameof(options.ConnectionString), options.ConnectionString);
    }
}
