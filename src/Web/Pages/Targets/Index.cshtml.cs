using Integration.Access.Audit;
using Integration.Alerts.Runs;
using Integration.Alerts.Targets;
using Integration.Web.Exports;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Targets;

/// <summary>
/// The inspector's ranked list for a province or district, cut to capacity, each factor with its points and
/// both headcounts; a chart of targets and uncovered workers by district; a printable visit sheet; exports.
/// A province-scoped inspector's list is always their province's.
/// </summary>
public sealed class IndexModel(TargetService targets, TargetDistricts districts) : WebPage
{
    public const int DefaultCapacity = 20;

    [BindProperty(SupportsGet = true)]
    public string? Province { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? District { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Capacity { get; set; }

    public ListAnswer<TargetRow> Result { get; private set; } = ListAnswer<TargetRow>.Empty;

    public IReadOnlyList<DistrictTargets> ByDistrict { get; private set; } = [];

    public bool Sheet { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(sheet: false);

    /// <summary>The visit sheet: the same list laid out for printing, with space for the visit's outcome.</summary>
    public async Task<IActionResult> OnGetSheetAsync() => await LoadAsync(sheet: true);

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        if (!ListExport.TryParse(format, out var f) || Scope() is not { } q)
        {
            return BadRequest();
        }

        var answer = await targets.ReadAsync(q, ct: HttpContext.RequestAborted);
        await AuditAsync(AuditAction.Export, "targets", new { format = f.ToString().ToLowerInvariant(), province = q.Province, district = q.District, capacity = q.Capacity, rows = answer.Rows.Count });
        return ListExport.File(f, "targets", TargetRow.Columns, answer.Rows.Select(r => r.Cells()),
            new HashSet<string>(StringComparer.Ordinal) { "rank", "risk_score", "employees_gdt", "insured_workers_nssf", "unpaid_periods", "arrears_khr" });
    }

    public string Query(params (string Key, string? Value)[] extra) =>
        "?" + string.Join("&", new[] { ("province", Province), ("district", District), ("capacity", Capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Concat(extra).Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));

    private async Task<IActionResult> LoadAsync(bool sheet)
    {
        Sheet = sheet;
        if (Scope() is not { } q)
        {
            return PageWithStatus(403);
        }

        Result = await targets.ReadAsync(q, ct: HttpContext.RequestAborted);
        if (!sheet && q.Province is not null)
        {
            ByDistrict = await districts.ByDistrictAsync(q.Province, HttpContext.RequestAborted);
        }

        return Page();
    }

    private TargetQuery? Scope()
    {
        var province = Caller.Province(Province, Gazetteer, out var refused);
        if (refused)
        {
            return null;
        }

        Province = province;
        Capacity ??= DefaultCapacity;
        return new TargetQuery(province, string.IsNullOrWhiteSpace(District) ? null : District, Math.Max(0, Capacity.Value));
    }
}
