using System.Globalization;
using Integration.Alerts.Export;
using Integration.Core.Csv;
using Integration.Core.Truth;
using Spectre.Console;

namespace Integration.Host.Cli;

/// <summary>The demo's closing page: what a manager would ask, answered from the exports just written.</summary>
internal static class DemoSummary
{
    public static void Print(string exports, IReadOnlyList<EvaluationSection> evaluation, TimeSpan elapsed)
    {
        var enterprises = CsvTable.Read(Path.Combine(exports, "enterprises.csv"));
        var checks = CsvTable.Read(Path.Combine(exports, AlertsExport.LicenceChecksFile));
        var leads = CsvTable.Read(Path.Combine(exports, AlertsExport.LeadsFile));
        var targets = CsvTable.Read(Path.Combine(exports, AlertsExport.TargetsFile));
        var duplicates = CsvTable.Read(Path.Combine(exports, AlertsExport.DuplicatesFile));

        var inAll = enterprises.Rows.Count(r => enterprises.Get(r, "feeds").Split('|').Length == 3);
        AnsiConsole.WriteLine();
        AnsiConsole.Write(new Rule("[bold]Summary[/]").LeftJustified());
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{enterprises.Rows.Count:N0}[/] enterprises resolved from the three registers; {inAll:N0} are known to all three.");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{leads.Rows.Count:N0}[/] firms employ people but are not registered with NSSF (leads for the registration division).");
        var twice = duplicates.Rows.Select(r => duplicates.Get(r, "enterprise_id")).Distinct(StringComparer.Ordinal).Count();
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[bold]{twice:N0}[/] employers are registered more than once with NSSF ({duplicates.Rows.Count(r => duplicates.Get(r, "action") != "KEEP"):N0} registrations to clean up, duplicates.csv).");

        var decisions = checks.Rows.GroupBy(r => checks.Get(r, "decision"), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        AnsiConsole.MarkupLineInterpolated(
            CultureInfo.InvariantCulture, $"[bold]{checks.Rows.Count:N0}[/] licence renewals pending: {decisions.GetValueOrDefault("ALLOW"):N0} ALLOW, {decisions.GetValueOrDefault("BLOCK"):N0} BLOCK, {decisions.GetValueOrDefault("REVIEW"):N0} REVIEW.");
        var blockReasons = checks.Rows
            .Where(r => checks.Get(r, "decision") == "BLOCK")
            .GroupBy(r => ReasonCode(checks.Get(r, "reasons")), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count());
        foreach (var g in blockReasons)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"    blocked for {g.Key}: {g.Count():N0}");
        }

        var table = new Table().Title("Top inspection targets").AddColumns("rank", "enterprise", "province / district", "score", "why");
        foreach (var r in targets.Rows.Take(5))
        {
            var name = targets.Get(r, "name_en") is { Length: > 0 } en ? en : targets.Get(r, "name_km");
            table.AddRow(
                Markup.Escape(targets.Get(r, "rank")),
                Markup.Escape(name),
                Markup.Escape($"{targets.Get(r, "province")} / {targets.Get(r, "district")}"),
                Markup.Escape(targets.Get(r, "risk_score")),
                Markup.Escape(targets.Get(r, "reasons")));
        }

        AnsiConsole.Write(table);

        foreach (var section in evaluation)
        {
            var metrics = string.Join(", ", section.Metrics.Where(m => Headline(m.Key)).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.####}")));
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]accuracy against the sample's ground truth ({section.Name}): {metrics}[/]");
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"All exports in {exports} ({elapsed.TotalSeconds:F0} s in all).");
    }

    /// <summary>The figures the issues set targets for; the full set is in reports/evaluation.md.</summary>
    private static bool Headline(string metric) =>
        metric.EndsWith(".f1", StringComparison.Ordinal)
        || metric is "auto_link_error_rate" or "review_band_share" or "cluster_purity"
            or "lead_precision" or "lead_recall" or "wrong_blocks_per_1000" or "wrong_allows_per_1000";

    /// <summary>"ARREARS: 3 months unpaid...; ..." becomes "ARREARS".</summary>
    private static string ReasonCode(string reasons)
    {
        var end = reasons.IndexOfAny([':', ';', ' ']);
        return end < 0 ? reasons : reasons[..end];
    }
}
