using Integration.Alerts.Checks;
using Integration.Alerts.Duplicates;
using Integration.Alerts.Leads;
using Integration.Alerts.Targets;
using Integration.Core.Export;

namespace Integration.Alerts.Export;

/// <summary>Writes licence-checks.csv, leads.csv, targets.csv and duplicates.csv (formula-escaped) into one folder, published together with alerts.manifest.json.</summary>
public static class AlertsExport
{
    public const string SetName = "alerts";
    public const string LicenceChecksFile = "licence-checks.csv";
    public const string LeadsFile = "leads.csv";
    public const string TargetsFile = "targets.csv";
    public const string DuplicatesFile = "duplicates.csv";

    /// <summary>Writes the four files of run <paramref name="runId"/> and returns their paths, the manifest last.</summary>
    public static IReadOnlyList<string> Write(string folder, string runId, IEnumerable<LicenceCheckRow> checks, IEnumerable<LeadRow> leads, IEnumerable<TargetRow> targets, IEnumerable<DuplicateRow> duplicates)
    {
        using var set = ExportSet.Begin(folder, SetName, runId);
        set.Write(LicenceChecksFile, LicenceCheckRow.Columns, checks.Select(c => c.Cells()));
        set.Write(LeadsFile, LeadRow.Columns, leads.Select(l => l.Cells()));
        set.Write(TargetsFile, TargetRow.Columns, targets.Select(t => t.Cells()));
        set.Write(DuplicatesFile, DuplicateRow.Columns, duplicates.Select(d => d.Cells()));
        return set.Publish();
    }
}
