using Microsoft.Extensions.Options;

namespace Integration.Core.Settings;

/// <summary>
/// Checks one options class when the process starts (<see cref="SettingsServiceCollectionExtensions.AddValidatedOptions{T,TValidator}"/>),
/// so a wrong setting stops the host with the configuration key it concerns ("Matching:AutoLinkThreshold ...")
/// instead of starting fine and deciding wrongly later.
/// </summary>
public abstract class SettingsValidator<T> : IValidateOptions<T>
    where T : class
{
    /// <param name="section">The configuration section the options are bound from; every message starts with it.</param>
    protected SettingsValidator(string section) => Section = section;

    protected string Section { get; }

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = new SettingsProblems(Section);
        Check(options, problems);
        return problems.Failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Failures);
    }

    /// <summary>Adds a problem for every setting of <paramref name="options"/> that cannot work.</summary>
    protected abstract void Check(T options, SettingsProblems problems);
}
