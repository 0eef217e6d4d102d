using Integration.Core.Jobs;

namespace Integration.Matching;

/// <summary>
/// The scheduled matching step ("match"): runs after ingest; re-running with nothing new keeps every id. Incremental
/// or a full rebuild as <see cref="Incremental.MatchPlanner"/> decides (full first, weekly, when the settings, the build
/// or the gazetteer changed or too much changed).
/// </summary>
internal sealed class MatchJob(MatchRunner runner) : IPipelineJob
{
    public string Name => "match";

    public async Task<JobResult> RunAsync(JobContext context, CancellationToken ct = default)
    {
        var s = await runner.RunAsync(ct: ct);
        var counts = new List<(string, long)> { ("records", s.Records), ("enterprises", s.Enterprises), ("review_pairs", s.ReviewPairs) };
        counts.AddRange(s.LinksByMethod.Select(kv => ("links_" + kv.Key, (long)kv.Value)));
        return JobResult.Of($"{s.RunId} ({s.Mode}: {s.ModeReason}): {s.Records} records into {s.Enterprises} enterprises, {s.ReviewPairs} pairs to review", counts.ToArray());
    }
}
