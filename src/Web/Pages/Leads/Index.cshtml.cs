using Integration.Access.Audit;
using Integration.Alerts.Leads;
using Integration.Web.Exports;
using Microsoft.AspNetCore.Mvc;

namespace Integration.Web.Pages.Leads;

/// <summary>The filters of the lead list as they travel in the query string (bookmarkable, and what an export exports).</summary>
public sealed class LeadFilter
{
    public string? Province { get; set; }

    public string? District { get; set; }

    public bool New { get; set; }

    public string? Status { get; set; }

    public string? Sector { get; set; }

    public long? Min { get; set; }

    public long? Max { get; set; }

    public LeadSort Sort { get; set; }

    public bool Desc { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>The query string of these filters, with <paramref name="page"/> (and extra pairs) replaced.</summary>
    public string Query(int? page = null, params (string Key, string? Value)[] extra)
    {
        var pairs = new List<(string, string?)>
        {
            ("province", Province), ("district", District), ("new", New ? "true" : null), ("status", Status), ("sector", Sector),
            ("min", Min?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("max", Max?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("sort", Sort == LeadSort.Newest ? null : Sort.ToString().ToLowerInvariant()), ("desc", Desc ? "true" : null),
            ("page", (page ?? Page) > 1 ? (page ?? Page).ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
        };
        pairs.AddRange(extra);
        return "?" + string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
    }
}

/// <summary>
/// The NSSF registration division's lead list: filtered by place (a province-scoped account sees its
/// province only), new only, status, sector and headcount; sorted; paged; exported as CSV or Excel.
/// </summary>
public sealed class IndexModel(LeadPages leads) : WebPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public LeadFilter F { get; set; } = new();

    public Page<LeadRow> Result { get; private set; } = new([], 0, null, null, null);

    public int Pages => (int)Math.Max(1, (Result.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Query() is not { } q)
        {
            return PageWithStatus(403);
        }

        F.Page = Math.Max(1, F.Page);
        Result = await leads.PageAsync(q with { Offset = (F.Page - 1) * PageSize, Limit = PageSize }, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format)
    {
        if (!ListExport.TryParse(format, out var f) || Query() is not { } q)
        {
            return BadRequest();
        }

        var all = await leads.AllAsync(q, HttpContext.RequestAborted);
        await AuditAsync(AuditAction.Export, "leads", new { format = f.ToString().ToLowerInvariant(), filter = F.Query(1), rows = all.Rows.Count, alert_run_id = all.AlertRunId });
        return ListExport.File(f, "leads", LeadRow.Columns, all.Rows.Select(r => r.Cells()));
    }

    /// <summary>The query with the caller's province scope applied; null when a scoped caller asked for another province.</summary>
    private LeadPageQuery? Query()
    {
        var province = Caller.Province(F.Province, Gazetteer, out var refused);
        if (refused)
        {
            return null;
        }

        F.Province = Caller.IsNational ? F.Province : Caller.ProvinceCode;
        return new LeadPageQuery(
            new LeadQuery(province, F.District, F.New, LeadStatuses.Normalise(F.Status)),
            F.Sector, F.Min, F.Max, F.Sort, F.Desc);
    }
}
