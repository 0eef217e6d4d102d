using Integration.Alerts.Checks;
using Integration.Alerts.Data;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Database;
using Microsoft.Extensions.Options;

namespace Integration.Alerts.Firms;

/// <summary>A firm as the registers know it: its records in every register (with file and line), its links and
/// contributions in the look-back window, and the headcount that makes it liable.</summary>
public sealed record FirmProfile(EnterpriseFacts Facts, EmployeesEvidence Employees, DateOnly AsOf);

/// <summary>Reads one enterprise's records in all registers, for the lead and check pages.</summary>
public sealed class FirmService(Db db, IOptions<AlertsOptions> options, LicenceCheckService checks)
{
    /// <summary>The firm's profile on <paramref name="asOf"/> (default today); null when the enterprise id has no links.</summary>
    public async Task<FirmProfile?> ReadAsync(string enterpriseId, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var date = asOf ?? checks.Today();
        await using var conn = await db.OpenAsync(ct);
        var facts = FactsReader.ForEnterprise(conn, enterpriseId, date, options.Value.LicencePolicy);
        return facts.Links.Count == 0 && facts.Enterprise is null
            ? null
            : new FirmProfile(facts, EmployeesEvidence.Of(facts, date, options.Value.LicencePolicy), date);
    }
}
