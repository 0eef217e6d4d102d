using Integration.Core.Settings;
using Integration.Host.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Host.Tests.Settings;

/// <summary>
/// Every options class the host binds is checked at start (<see cref="SettingsServiceCollectionExtensions.ValidateSettings"/>):
/// one wrong setting per rule family stops start-up with a message that begins with the setting's full key.
/// </summary>
public sealed class StartupSettingsTests
{
    [Fact]
    public void The_shipped_defaults_pass()
    {
        using var services = Provider([]);

        services.ValidateSettings();
    }

    [Theory]
    [InlineData("Database:ConnectionString", "", "Database:ConnectionString is empty")]
    [InlineData("Database:Provider", "7", "Database:Provider is 7; it must be one of Sqlite, Postgres.")]
    [InlineData("Storage:ExportPath", " ", "Storage:ExportPath is empty")]
    [InlineData("Storage:Kind", "AzureBlob", "Storage:Azure needs exactly one of ConnectionString, AccountKey, SasToken or Credential")]
    [InlineData("Dates:BuddhistEraOffset", "500", "Dates:BuddhistEraOffset is 500; it must be 543, 544 or empty.")]
    [InlineData("Dates:EarliestYear", "0", "Dates:EarliestYear is 0")]
    [InlineData("Schedule:LeaseSeconds", "0", "Schedule:LeaseSeconds is 0; it must be at least 1.")]
    [InlineData("Schedule:BatchPriority", "3", "Schedule:BatchPriority is 3; it must be one of ")]
    [InlineData("Schedule:Heartbeat:HoldMilliseconds", "-1", "Schedule:Heartbeat:HoldMilliseconds is -1")]
    [InlineData("Ingest:Limits:MaxFieldChars", "0", "Ingest:Limits:MaxFieldChars is 0; it must be at least 1.")]
    [InlineData("Ingest:RemovalGuard:MaxShare", "1.5", "Ingest:RemovalGuard:MaxShare is 1.5; it must lie between 0 and 1.")]
    [InlineData("Pull:Sources:moc-licences:Url", "ftp://ministry/extract", "Pull:Sources:moc-licences:Url is 'ftp://ministry/extract'")]
    [InlineData("Pull:Sources:moc-licences:MaxAttempts", "0", "Pull:Sources:moc-licences:MaxAttempts is 0; it must be at least 1.")]
    [InlineData("Pull:Sources:moc-licence:Url", "https://ministry/extract", "Pull:Sources:moc-licence is not a feed")]
    [InlineData("Matching:AutoLinkThreshold", "0.5", "Matching:AutoLinkThreshold is 0.5, below Matching:ReviewThreshold (0.8)")]
    [InlineData("Matching:Incremental:MaxChangedShare", "0", "Matching:Incremental:MaxChangedShare is 0; it must be above 0.")]
    [InlineData("Matching:MaxBlockSize", "1", "Matching:MaxBlockSize is 1; it must be at least 2.")]
    [InlineData("Alerts:LicencePolicy:DueDay", "31", "Alerts:LicencePolicy:DueDay is 31; it must lie between 1 and 28.")]
    [InlineData("Alerts:BatchAsOf", "2026-13-01", "Alerts:BatchAsOf is '2026-13-01'")]
    [InlineData("Alerts:Targets:MaxScore", "0", "Alerts:Targets:MaxScore is 0, below Alerts:Targets:MinScore (1)")]
    [InlineData("Access:Accounts:MinPasswordLength", "4", "Access:Accounts:MinPasswordLength is 4; it must be at least 8.")]
    [InlineData("Access:Accounts:MaxFailedAttempts", "0", "Access:Accounts:MaxFailedAttempts is 0; it must be at least 1.")]
    [InlineData("Api:Limits:MaxBodyBytes", "0", "Api:Limits:MaxBodyBytes is 0; it must be at least 1.")]
    public void A_wrong_setting_stops_start_up_naming_its_key(string key, string value, string expected)
    {
        using var services = Provider(new() { [key] = value });

        var e = Assert.Throws<OptionsValidationException>(services.ValidateSettings);

        var failure = Assert.Single(e.Failures);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddIntegration(configuration);
        services.AddApiSecurity(configuration);
        return services.BuildServiceProvider();
    }
}
