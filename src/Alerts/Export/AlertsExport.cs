using Integration.Alerts.Checks;
using Integration.Alerts.Leads;
using Integration.Alerts.Targets;
using Integration.Core.Export;

namespace Integration.Alerts.Export;

/// <summary>Writes licence-checks.csv, leads.csv and targets.csv (atomic, formula-escaped) into one folder.</summary>
public static class AlertsExport
{
    public const string LicenceChecksFile = "licence-checks.csv";
    public const string LeadsFile = "leads.csv";
    public const string TargetsFile = "targets.csv";

    public static IReadOnlyList<string> Write(string folder, IEnumerable<LicenceCheckRow> checks, IEnumerable<LeadRow> leads, IEnumerable<TargetRow> targets)
    {
        var paths = new[] { LicenceChecksFile, LeadsFile, TargetsFile }.Select(f => Path.Combine(folder, f)).ToArray();
        CsvExport.Write(paths[0], LicenceCheckRow.Columns, checks.Select(c => c.Cells()));
        CsvExport.Write(paths[1], LeadRow.Columns, leads.Select(l => l.Cells()));
        CsvExport.Write(paths[2], TargetRow.Columns, targets.Select(t => t.Cells()));
        return paths;
    }
}
