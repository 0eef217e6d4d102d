using System.Globalization;

namespace Integration.Matching.Incremental;

/// <summary>What a match run is asked to be.</summary>
public enum MatchMode
{
    /// <summary>Incremental when <see cref="MatchPlanner"/> allows it, else a full rebuild (the scheduler's job, <c>integration match</c>).</summary>
    Auto,

    /// <summary>A full rebuild: every record standardised, the model estimated again (<c>match --full</c>).</summary>
    Full,

    /// <summary>
    /// Every record standardised, but the last full run's model held fixed (<c>match --full --keep-model</c>): what an
    /// incremental run must equal, the reference of the equality test and the benchmark.
    /// </summary>
    FullWithSavedModel,

    /// <summary>Only the changed records standardised, the last full run's model held fixed.</summary>
    Incremental,
}

/// <summary>The kind of run decided on and why, recorded in match_runs.summary and printed by the CLI.</summary>
internal sealed record MatchPlan(MatchMode Mode, string Reason)
{
    public bool HoldsModel => Mode is MatchMode.Incremental or MatchMode.FullWithSavedModel;
}

/// <summary>
/// When a run is incremental and when a full rebuild: incremental only if a full run saved its model under the
/// same settings less than <see cref="IncrementalOptions.FullRebuildDays"/> ago, the saved records were made by this
/// build with this gazetteer, and at most <see cref="IncrementalOptions.MaxChangedShare"/> of the records changed.
/// Decided in two steps: before reading (model, settings, age) and once the changes are known (saved records, share).
/// </summary>
internal static class MatchPlanner
{
    public static MatchPlan Before(MatchMode requested, IncrementalOptions options, ModelState? saved, string settingsFingerprint, DateTimeOffset now)
    {
        if (requested == MatchMode.Full)
        {
            return new(MatchMode.Full, "full rebuild requested");
        }

        if (requested == MatchMode.Auto && !options.Enabled)
        {
            return new(MatchMode.Full, "Matching:Incremental:Enabled is false");
        }

        if (saved is null)
        {
            return new(MatchMode.Full, "no full run has saved a model yet");
        }

        if (saved.SettingsFingerprint != settingsFingerprint)
        {
            return new(MatchMode.Full, $"the matching settings changed since the full run {saved.RunId}");
        }

        if (requested == MatchMode.FullWithSavedModel)
        {
            return new(MatchMode.FullWithSavedModel, $"full run with the model of {saved.RunId} held fixed, as requested");
        }

        var started = DateTimeOffset.Parse(saved.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        if (requested == MatchMode.Auto && now - started >= TimeSpan.FromDays(options.FullRebuildDays))
        {
            return new(MatchMode.Full, $"the last full run {saved.RunId} is {(now - started).TotalDays:0.#} days old (Matching:Incremental:FullRebuildDays = {options.FullRebuildDays})");
        }

        return new(MatchMode.Incremental, $"incremental on the model of {saved.RunId}");
    }

    /// <param name="changes">What reading found, or null when the saved records are missing or were made by another build or gazetteer.</param>
    public static MatchPlan After(MatchPlan plan, IncrementalOptions options, RecordChanges? changes)
    {
        if (plan.Mode != MatchMode.Incremental)
        {
            return plan;
        }

        if (changes is null)
        {
            return new(MatchMode.Full, "no standardised records saved by this build with this gazetteer");
        }

        if (changes.Share > options.MaxChangedShare)
        {
            return new(MatchMode.Full, string.Create(CultureInfo.InvariantCulture,
                $"{changes.Share:P1} of the records changed, came or went (Matching:Incremental:MaxChangedShare = {options.MaxChangedShare:P1})"));
        }

        return plan with { Reason = plan.Reason + $": {changes.Changed:N0} changed or new, {changes.Removed:N0} gone, {changes.Reused:N0} unchanged" };
    }
}

/// <summary>How the current records differ from those the last run matched.</summary>
public sealed record RecordChanges(int Reused, int Changed, int Removed)
{
    public double Share => (Changed + Removed) / (double)Math.Max(1, Reused + Changed);
}
