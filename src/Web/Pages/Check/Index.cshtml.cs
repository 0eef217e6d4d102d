using System.Globalization;
using Integration.Access;
using Integration.Access.Audit;
using Integration.Alerts.Checks;
using Integration.Alerts.Policy;
using Integration.Core.Dates;
using Integration.Ingest.Runs;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Check;

/// <summary>
/// The licensing officer's page: one box for a registration number or a name; the answer in large type with
/// each reason as a sentence, the months unpaid with amounts, the records it rests on (register, file, line),
/// a printable slip, and the officer's recent checks. Every check is logged (check log and audit log).
/// </summary>
public sealed class IndexModel(LicenceCheckService checks, CheckLogReader log, IngestRunQueries files, TimeProvider clock) : WebPage
{
    public string? Query { get; private set; }

    public string? AsOfText { get; private set; }

    public IReadOnlyList<RegistrationMatch> Matches { get; private set; } = [];

    public LoggedDecision? Result { get; private set; }

    public RegistrationInfo? Registration { get; private set; }

    public string? CheckedAt { get; private set; }

    public IReadOnlyDictionary<long, string> FilePaths { get; private set; } = new Dictionary<long, string>();

    public IReadOnlyList<LoggedCheck> Recent { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? q)
    {
        Query = q?.Trim();
        if (!string.IsNullOrEmpty(Query))
        {
            Matches = await log.SearchAsync(Query, Caller.ProvinceCode, 20, HttpContext.RequestAborted);
            if (Matches.Count == 0)
            {
                Error = Ui.Texts.NoMatch.Format(Query);
            }
        }

        await LoadRecentAsync();
    }

    /// <summary>Suggestions while typing: registration numbers and names (JSON).</summary>
    public async Task<IActionResult> OnGetSuggestAsync(string? q) =>
        new JsonResult((await log.SearchAsync(q ?? "", Caller.ProvinceCode, 10, HttpContext.RequestAborted))
            .Select(m => new { registration_no = m.RegistrationNo, name = Ui.Text.KhmerNow ? m.NameKm ?? m.NameEn : m.NameEn ?? m.NameKm, province = m.Province }));

    public async Task<IActionResult> OnPostAsync(string? q, string? asOf)
    {
        Query = q?.Trim();
        AsOfText = asOf?.Trim();
        var ct = HttpContext.RequestAborted;
        DateOnly? date = null;
        if (!string.IsNullOrEmpty(AsOfText))
        {
            if (!IsoDate.TryParse(AsOfText, out var d))
            {
                Error = IsoDate.Pattern;
                await LoadRecentAsync();
                return PageWithStatus(400);
            }

            date = d;
        }

        if (string.IsNullOrEmpty(Query))
        {
            await LoadRecentAsync();
            return Page();
        }

        Registration = await log.FindAsync(Query, ct);
        if (Registration is null)
        {
            // Not a number: a name search, shown as a list to choose from.
            Matches = await log.SearchAsync(Query, Caller.ProvinceCode, 20, ct);
            Error = Matches.Count == 0 ? Ui.Texts.UnknownRegistration.Format(Query) : null;
            await LoadRecentAsync();
            return Matches.Count == 0 ? PageWithStatus(404) : Page();
        }

        if (!InScope(Registration))
        {
            Error = Ui.Texts.NotInScope;
            await LoadRecentAsync();
            return PageWithStatus(403);
        }

        Result = await checks.CheckAsync(new CheckRequest(Registration.RegistrationNo, date, Caller.Name, "web"), ct);
        CheckedAt = clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        await AuditAsync(AuditAction.LicenceCheck, Registration.RegistrationNo, new
        {
            decision = Result.Decision.Decision,
            reasons = Result.Decision.ReasonCodes,
            check_id = Result.CheckId,
            as_of = IsoDate.Format(Result.Decision.AsOf),
            enterprise_id = Result.Decision.EnterpriseId,
        });
        var e = Result.Decision.Evidence;
        FilePaths = await files.PathsAsync(e.Records.Select(r => r.FileId).Concat(e.Contributions.Select(c => c.FileId)), ct);
        await LoadRecentAsync();
        return Page();
    }

    /// <summary>The unpaid months with what was due and paid (no row: nothing declared).</summary>
    public IEnumerable<(string NssfId, string Period, long? Due, long? Paid, long Outstanding)> UnpaidRows()
    {
        var d = Result!.Decision;
        foreach (var u in d.Evidence.UnpaidMonths)
        {
            var colon = u.IndexOf(':', StringComparison.Ordinal);
            var (nssf, period) = colon < 0 ? ("", u) : (u[..colon], u[(colon + 1)..]);
            var row = d.Evidence.Contributions.FirstOrDefault(c => c.NssfId == nssf && c.Period == period);
            yield return (nssf, period, row?.DueKhr, row?.PaidKhr, Math.Max(0, (row?.DueKhr ?? 0) - (row?.PaidKhr ?? 0)));
        }
    }

    public string DecisionClass => Result?.Decision.Decision switch
    {
        Decisions.Allow => "allow",
        Decisions.Block => "block",
        _ => "review",
    };

    private bool InScope(RegistrationInfo r) =>
        Caller.IsNational
        || Caller.Sees(r.EnterpriseProvinceCode)
        || (r.EnterpriseProvinceCode is null && ProvinceScope.Resolve(r.Province, Gazetteer)?.Code == Caller.ProvinceCode);

    private async Task LoadRecentAsync() => Recent = await log.RecentAsync(Caller.Name, 15, HttpContext.RequestAborted);
}
