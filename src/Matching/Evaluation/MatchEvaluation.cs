using System.Globalization;
using System.Text;
using Dapper;
using Integration.Core.Database;
using Integration.Core.Truth;
using Integration.Matching.Records;

namespace Integration.Matching.Evaluation;

/// <summary>Scores the stored linkage against ground truth (see <see cref="LinkageMetrics"/>).</summary>
public sealed class MatchEvaluation(Db db) : IEvaluation
{
    public string Name => "matching";

    public async Task<EvaluationSection> EvaluateAsync(GroundTruth truth, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var links = (await conn.QueryAsync<StoredLink>(new CommandDefinition(
            "SELECT feed AS Feed, source_key AS SourceKey, enterprise_id AS EnterpriseId, method AS Method FROM entity_links", cancellationToken: ct))).ToList();
        var pairs = (await conn.QueryAsync<StoredPair>(new CommandDefinition(
            "SELECT feed_a AS FeedA, key_a AS KeyA, feed_b AS FeedB, key_b AS KeyB, band AS Band FROM match_pairs", cancellationToken: ct))).ToList();
        var m = LinkageMetrics.Compute(truth.Records, links, pairs);
        return new EvaluationSection(Name, m, Describe(m));
    }

    private static readonly (string Label, string Title)[] Rows =
    [
        ("moc-gdt", "moc-gdt"), ("moc-nssf", "moc-nssf"), ("gdt-nssf", "gdt-nssf"),
        ("duplicates", "within one register (duplicates)"), ("pairwise", "all pairs"),
    ];

    public static string Describe(IReadOnlyDictionary<string, double> m)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| record pairs | precision | recall | F1 | true pairs | predicted pairs |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var (label, title) in Rows)
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {title} | {m[label + ".precision"]:0.0000} | {m[label + ".recall"]:0.0000} | {m[label + ".f1"]:0.0000} | {m[label + ".true_pairs"]:0} | {m[label + ".predicted_pairs"]:0} |");
        }

        sb.AppendLine();
        var perFeed = Feeds.Short
            .Where(f => m[$"duplicates.{f}.true_pairs"] + m[$"duplicates.{f}.predicted_pairs"] > 0)
            .Select(f => string.Create(CultureInfo.InvariantCulture,
                $"{f} recall {m[$"duplicates.{f}.recall"]:0.000} of {m[$"duplicates.{f}.true_pairs"]:0}, precision {m[$"duplicates.{f}.precision"]:0.000} of {m[$"duplicates.{f}.predicted_pairs"]:0}"))
            .ToList();
        if (perFeed.Count > 0)
        {
            sb.AppendLine("- duplicates by register: " + string.Join("; ", perFeed));
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"- records linked: {m["records"]:0} ({m["labelled_records"]:0} labelled in the answer key), enterprises: {m["enterprises"]:0}, cluster purity: {m["cluster_purity"]:0.0000}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- auto-links: {m["auto_links"]:0}, wrong: {m["auto_link_error_rate"] * 1000:0.000} per 1,000");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- review band: {m["review_pairs"]:0} pairs, {m["review_records"]:0} records ({m["review_band_share"]:0.00%} of records)");
        return sb.ToString();
    }
}
