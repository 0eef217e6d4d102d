using Integration.Core.Dates;
using Integration.Core.Jobs;
using Integration.Core.Storage;

namespace Integration.Alerts.Jobs;

/// <summary>The scheduled <c>alerts</c> job: batch licence checks, leads and targets, exported to Storage:ExportPath.</summary>
public sealed class AlertsJob(AlertsBatch batch, StorageOptions storage) : IPipelineJob
{
    public string Name => "alerts";

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken ct = default)
    {
        var outcome = await batch.RunAsync(null, record: true, context.Trigger, AlertsDetail.Lists, ct);
        if (outcome.MatchRun is null)
        {
            return JobResult.Of("No match run yet: nothing to check.");
        }

        AlertsBatch.Export(storage.ExportPath, outcome);
        var summary = outcome.Recorded
            ? $"Alerts run {outcome.AlertRunId} on match run {outcome.MatchRun.RunId} as of {IsoDate.Format(outcome.AsOf)}: {outcome.CheckRows.Count} checks, {outcome.Leads.Count} leads, {outcome.Targets.Count} targets, {outcome.Duplicates.Count} duplicate NSSF registrations."
            : $"Match run {outcome.MatchRun.RunId} as of {IsoDate.Format(outcome.AsOf)} was already recorded; exports refreshed.";
        return JobResult.Of(
            summary,
            ("checks", outcome.CheckRows.Count),
            ("block", outcome.CheckRows.Count(c => c.Decision == Policy.Decisions.Block)),
            ("review", outcome.CheckRows.Count(c => c.Decision == Policy.Decisions.Review)),
            ("leads", outcome.Leads.Count),
            ("new_leads", outcome.Leads.Count(l => l.IsNew)),
            ("targets", outcome.Targets.Count),
            ("duplicate_registrations", outcome.Duplicates.Count));
    }
}
