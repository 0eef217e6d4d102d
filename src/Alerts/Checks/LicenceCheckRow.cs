using System.Globalization;
using Integration.Alerts.Policy;
using Integration.Core.Dates;

namespace Integration.Alerts.Checks;

/// <summary>One row of licence-checks.csv, and the JSON of GET /api/licence-checks/{registration_no}.</summary>
public sealed record LicenceCheckRow(
    string RegistrationNo,
    string? EnterpriseId,
    string? NssfId,
    string Decision,
    string Reasons,
    string? PaidThrough,
    int UnpaidPeriods,
    long ArrearsKhr,
    string AsOf,
    string? RunId,
    long? CheckId = null)
{
    public static readonly string[] Columns =
        ["registration_no", "enterprise_id", "nssf_id", "decision", "reasons", "paid_through", "unpaid_periods", "arrears_khr", "as_of", "run_id"];

    public static LicenceCheckRow From(LicenceDecision d, long? checkId = null) => new(
        d.RegistrationNo, d.EnterpriseId, d.NssfId, d.Decision, d.ReasonText, d.PaidThrough, d.UnpaidPeriods, d.ArrearsKhr,
        IsoDate.Format(d.AsOf), d.RunId, checkId);

    public IReadOnlyList<string?> Cells() =>
    [
        RegistrationNo, EnterpriseId, NssfId, Decision, Reasons, PaidThrough,
        UnpaidPeriods.ToString(CultureInfo.InvariantCulture), ArrearsKhr.ToString(CultureInfo.InvariantCulture), AsOf, RunId,
    ];
}
