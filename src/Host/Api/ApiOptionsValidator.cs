using Integration.Core.Settings;

namespace Integration.Host.Api;

/// <summary>
/// Start-up check of <c>Api:Limits</c>: every bound at least 1 (0 would refuse every request). The keys themselves
/// are checked where they are hashed, by <see cref="ApiKeyTable"/>, which also resolves their province scopes.
/// </summary>
internal sealed class ApiOptionsValidator() : SettingsValidator<ApiOptions>(ApiOptions.Section)
{
    protected override void Check(ApiOptions options, SettingsProblems problems)
    {
        var limits = options.Limits;
        const string L = nameof(ApiOptions.Limits) + ":";
        problems.AtLeast(L + nameof(limits.MaxBodyBytes), limits.MaxBodyBytes, 1);
        problems.AtLeast(L + nameof(limits.MaxNoteChars), limits.MaxNoteChars, 1);
        problems.AtLeast(L + nameof(limits.MaxNameChars), limits.MaxNameChars, 1);
        problems.AtLeast(L + nameof(limits.MaxIdChars), limits.MaxIdChars, 1);
        problems.AtLeast(L + nameof(limits.MaxFilterChars), limits.MaxFilterChars, 1);
        problems.AtLeast(L + nameof(limits.Recomputations), limits.Recomputations, 1);
        problems.AtLeast(L + nameof(limits.RecomputationQueue), limits.RecomputationQueue, 0);
    }
}
