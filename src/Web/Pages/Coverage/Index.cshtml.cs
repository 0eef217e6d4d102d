using Integration.Alerts;
using Integration.Alerts.Coverage;
using Integration.Alerts.Model;
using Microsoft.Extensions.Options;

namespace Integration.Web.Pages.Coverage;

/// <summary>NSSF management's figure: GDT salary-tax workers against NSSF insured workers by province and sector,
/// the estimated uncovered workers, and NSSF's declared workers by month. A scoped account sees its province.</summary>
public sealed class IndexModel(CoverageService coverage, IOptions<AlertsOptions> options) : WebPage
{
    public CoverageReport? Report { get; private set; }

    public int RecencyMonths => options.Value.LicencePolicy.GdtHeadcountRecencyMonths;

    public IReadOnlyList<(string Label, CoverageFigures Figures)> ByProvince { get; private set; } = [];

    public IReadOnlyList<(Sector Sector, CoverageFigures Figures)> BySector { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Report = await coverage.ReadAsync(Caller.ProvinceCode, HttpContext.RequestAborted);
        ByProvince = Report.Cells.GroupBy(c => c.ProvinceCode, StringComparer.Ordinal)
            .Select(g => (Ui.Labels.Province(Gazetteer, g.Key, g.First().Province), Sum(g)))
            .OrderByDescending(x => x.Item2.Uncovered).ToList();
        var sections = Report.Cells.GroupBy(c => Sectors.SectionOf(c.Division))
            .Select(g => (g.Key, Sum(g))).OrderByDescending(x => x.Item2.Uncovered).ToList();
        var garment = Report.Cells.Where(c => Sectors.IsGarment(c.Division)).ToList();
        if (garment.Count > 0)
        {
            sections.Insert(0, (Sectors.Find(Sectors.Garment)!, Sum(garment)));
        }

        BySector = sections;
    }

    private static CoverageFigures Sum(IEnumerable<CoverageCell> cells) => cells.Aggregate(CoverageFigures.Zero, (a, c) => a.Plus(c.Figures));
}
