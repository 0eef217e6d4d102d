using Integration.Core.Settings;

namespace Integration.Matching;

/// <summary>
/// Start-up check of the <c>Matching</c> section. The thresholds are probabilities and the auto-link threshold is the
/// top of the review band: an auto-link threshold below the review threshold would link pairs no clerk sees.
/// </summary>
internal sealed class MatchingOptionsValidator() : SettingsValidator<MatchingOptions>(MatchingOptions.Section)
{
    protected override void Check(MatchingOptions options, SettingsProblems problems)
    {
        problems.InRange(nameof(options.ReviewThreshold), options.ReviewThreshold, 0, 1);
        problems.InRange(nameof(options.AutoLinkThreshold), options.AutoLinkThreshold, 0, 1);
        problems.InRange(nameof(options.UnattachedCandidateThreshold), options.UnattachedCandidateThreshold, 0, 1);
        problems.InRange(nameof(options.SecondChanceThreshold), options.SecondChanceThreshold, 0, 1);
        problems.NotBelow(nameof(options.AutoLinkThreshold), options.AutoLinkThreshold, nameof(options.ReviewThreshold), options.ReviewThreshold);
        problems.AtLeast(nameof(options.MaxBlockSize), options.MaxBlockSize, 2);
        problems.AtLeast(nameof(options.BlockWindow), options.BlockWindow, 1);
        if (options.BlockingKeys.Count == 0)
        {
            problems.Add(nameof(options.BlockingKeys), "is empty; at least one blocking key must be on, or no pair is ever compared.");
        }

        problems.AtLeast(nameof(options.RareTokensPerRecord), options.RareTokensPerRecord, 0);
        problems.AtLeast(nameof(options.RandomPairsForU), options.RandomPairsForU, 1);
        problems.AtLeast(nameof(options.EmMaxIterations), options.EmMaxIterations, 1);
        problems.AtLeast(nameof(options.MaxRecordsPerFeed), options.MaxRecordsPerFeed, 1);
        problems.NotBelow(nameof(options.MaxMocRecordsPerEnterprise), options.MaxMocRecordsPerEnterprise, nameof(options.MaxRecordsPerFeed), options.MaxRecordsPerFeed);
        problems.NotEmpty(nameof(options.ModelVersion), options.ModelVersion);
        problems.NotEmpty(nameof(options.EnterpriseIdPrefix), options.EnterpriseIdPrefix);
        problems.AtLeast("Incremental:FullRebuildDays", options.Incremental.FullRebuildDays, 1);
        // A share of 0 would make every run a full rebuild while Incremental:Enabled says otherwise; Enabled=false says that.
        problems.Above("Incremental:MaxChangedShare", options.Incremental.MaxChangedShare, 0);
        problems.InRange("Incremental:MaxChangedShare", options.Incremental.MaxChangedShare, 0, 1);
    }
}
