using Integration.Core.Jobs;
using Integration.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Core.Tests.Settings;

public sealed class SettingsValidationTests
{
    [Fact]
    public void Valid_settings_pass_the_start_up_check()
    {
        using var services = Provider(new() { ["Schedule:Jobs:ingest"] = "0 0 2 * * *" });

        services.ValidateSettings();
    }

    [Fact]
    public void Every_wrong_setting_of_every_section_is_named_with_its_key_in_one_exception()
    {
        using var services = Provider(new()
        {
            ["Schedule:Jobs:ingest"] = "every night",
            ["Schedule:LeaseSeconds"] = "0",
            ["Sample:Low"] = "5",
            ["Sample:High"] = "2",
        });

        var e = Assert.Throws<OptionsValidationException>(services.ValidateSettings);

        Assert.Equal(
            [
                "Sample:High is 2, below Sample:Low (5); it must be at or above it.",
                "Schedule:Jobs:ingest: 'every night' has 2 fields; expected 6 (sec min hour day month weekday) or 5.",
                "Schedule:LeaseSeconds is 0; it must be at least 1.",
            ],
            e.Failures.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_wrong_setting_is_found_at_start_not_when_first_read()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sample:Low"] = "-1" }).Build();
        var collection = new ServiceCollection();
        collection.AddValidatedOptions<SampleOptions, SampleValidator>(configuration.GetSection("Sample"));
        using var services = collection.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(services.ValidateSettings);

        Assert.Equal(["Sample:Low is -1; it must lie between 0 and 100."], e.Failures);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddJobRunner(configuration);
        collection.AddValidatedOptions<SampleOptions, SampleValidator>(configuration.GetSection("Sample"));
        return collection.BuildServiceProvider();
    }

    private sealed class SampleOptions
    {
        public double Low { get; set; }

        public double High { get; set; } = 10;
    }

    private sealed class SampleValidator() : SettingsValidator<SampleOptions>("Sample")
    {
        protected override void Check(SampleOptions options, SettingsProblems problems)
        {
            problems.InRange(nameof(options.Low), options.Low, 0, 100);
            problems.NotBelow(nameof(options.High), options.High, nameof(options.Low), options.Low);
        }
    }
}
