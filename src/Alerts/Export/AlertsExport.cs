using Integration.Alerts.Checks;
using Integration.Alerts.Duplicates;
using Integration.Alerts.Leads;
using Integration.Alerts.Targets;
using Integration.Core.Export;

namespace Integration.Alerts.Export;

/// <summary>Writes licence-checks.csv, leads.csv, targets.csv and duplicates.csv (atomic, formula-escaped) into one folder.</summary>
public static class AlertsExport
{
    public const string LicenceChecksFile = "licence-checks.csv";
    public const string LeadsFile = "leads.csv";
    public const string TargetsFile = "targets.csv";
    public const string DuplicatesFile = "duplicates.csv";

    public static IReadOnlyList<string> Write(string folder, IEnumerable<LicenceCheckRow> checks, IEnumerable<LeadRow> leads, IEnumerable<TargetRow> targets, IEnumerable<DuplicateRow> duplicates)
    {
        var paths = new[] { LicenceChecksFile, LeadsFile, TargetsFile, DuplicatesFile }.Select(f => Path.Combine(folder, f)).ToArray();
        CsvExport.Write(paths[0], LicenceCheckRow.Columns, checks.Select(c => c.Cells()));
        CsvExport.Write(paths[1], LeadRow.Columns, leads.Select(l => l.Cells()));
        CsvExport.Write(paths[2], TargetRow.Columns, targets.Select(t => t.Cells()));
        CsvExport.Write(paths[3], DuplicateRow.Columns, duplicates.Select(d => d.Cells()));
        return paths;
    }
}
