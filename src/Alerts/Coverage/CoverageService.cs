using System.Collections.Concurrent;
using Dapper;
using Integration.Alerts.Data;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Database;
using Integration.Core.Dates;
using Integration.Ingest.Contracts;
using Integration.Matching.Contracts;
using Microsoft.Extensions.Options;

namespace Integration.Alerts.Coverage;

/// <summary>Workers on GDT salary-tax returns against NSSF insured workers, for one group of firms.</summary>
/// <param name="Firms">Firms with a recent GDT headcount.</param>
/// <param name="GdtWorkers">Their workers on the latest salary-tax returns.</param>
/// <param name="NssfInsured">Workers their active NSSF employers insure.</param>
/// <param name="Uncovered">Sum over the firms of GDT workers beyond NSSF insured (never negative per firm).</param>
/// <param name="UnregisteredFirms">Firms with no active NSSF employer at all.</param>
public sealed record CoverageFigures(long Firms, long GdtWorkers, long NssfInsured, long Uncovered, long UnregisteredFirms)
{
    public static CoverageFigures Zero { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Share of GDT workers without NSSF cover (0..1).</summary>
    public double UncoveredShare => GdtWorkers == 0 ? 0 : (double)Uncovered / GdtWorkers;

    public CoverageFigures Plus(CoverageFigures o) =>
        new(Firms + o.Firms, GdtWorkers + o.GdtWorkers, NssfInsured + o.NssfInsured, Uncovered + o.Uncovered, UnregisteredFirms + o.UnregisteredFirms);
}

/// <summary>One cell of the coverage table: a province (gazetteer code) and ISIC division.</summary>
public sealed record CoverageCell(string? ProvinceCode, string? Province, string? Division, CoverageFigures Figures);

/// <summary>NSSF declared workers in one contribution month, national or within a province.</summary>
public sealed record CoverageMonth(string Period, long DeclaredWorkers, long Employers);

/// <summary>The coverage report: the cells, the months, the data date and the match run it rests on.</summary>
public sealed record CoverageReport(IReadOnlyList<CoverageCell> Cells, IReadOnlyList<CoverageMonth> Months, string AsOf, string? MatchRunId)
{
    public CoverageFigures Total => Cells.Aggregate(CoverageFigures.Zero, (a, c) => a.Plus(c.Figures));

    /// <summary>The report limited to one province (a scoped reader sees only theirs).</summary>
    public CoverageReport Within(string? provinceCode, IReadOnlyList<CoverageMonth> months) =>
        provinceCode is null ? this : this with { Cells = Cells.Where(c => c.ProvinceCode == provinceCode).ToList(), Months = months };
}

/// <summary>
/// NSSF management's coverage figure: for every enterprise with a recent GDT salary-tax headcount (the same
/// recency rule as the licence policy), its GDT workers against the workers its active NSSF employers insure,
/// summed by province and ISIC division; plus NSSF's declared workers by contribution month. Computed in SQL
/// over the current records and links, and kept per match run (the figures change only with new data).
/// </summary>
public sealed class CoverageService(Db db, IOptions<AlertsOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CoverageReport>>> _byRun = new(StringComparer.Ordinal);

    public async Task<CoverageReport> ReadAsync(string? provinceCode = null, CancellationToken ct = default)
    {
        MatchRunInfo? run;
        await using (var conn = await db.OpenAsync(ct))
        {
            run = LinkageReader.CurrentRun(conn);
        }

        var key = run?.RunId ?? "";
        var report = await _byRun.GetOrAdd(key, _ => new Lazy<Task<CoverageReport>>(() => ComputeAsync(run))).Value;
        if (_byRun.Count > 4)
        {
            foreach (var old in _byRun.Keys.Where(k => k != key))
            {
                _byRun.TryRemove(old, out _);
            }
        }

        return provinceCode is null ? report : report.Within(provinceCode, await MonthsAsync(provinceCode, ct));
    }

    private async Task<CoverageReport> ComputeAsync(MatchRunInfo? run)
    {
        var policy = options.Value.LicencePolicy;
        var asOf = IsoDate.TryParseStart(run?.AsOf, out var runAsOf) ? runAsOf : DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var newest = Month.Of(asOf).AddMonths(-1);
        var oldest = Month.Of(asOf).AddMonths(-policy.GdtHeadcountRecencyMonths);
        var args = new DynamicParameters(new { from = oldest.ToString(), to = newest.ToString() });
        await using var conn = await db.OpenAsync();
        var sql = $"""
            WITH gdt AS (
                SELECT l.enterprise_id, CAST(SUM(g.employees) AS BIGINT) AS workers, MIN(g.isic_code) AS isic
                FROM ({FeedRowSql.CurrentTaxpayers}) g JOIN ({LinkageSql.RecordEnterprises}) l ON l.feed = '{FeedNames.Gdt}' AND l.source_key = g.source_key
                WHERE g.employees > 0 AND g.employees_period >= @from AND g.employees_period <= @to
                  AND {KeySet.In(conn, args, "ra", "UPPER(TRIM(g.status))", Upper(policy.RegistryActive))}
                GROUP BY l.enterprise_id),
            nssf AS (
                SELECT l.enterprise_id, CAST(SUM(COALESCE(n.insured_workers, 0)) AS BIGINT) AS insured
                FROM ({FeedRowSql.CurrentEmployers}) n JOIN ({LinkageSql.RecordEnterprises}) l ON l.feed = '{FeedNames.Nssf}' AND l.source_key = n.source_key
                WHERE {KeySet.In(conn, args, "na", "UPPER(TRIM(n.status))", Upper(policy.NssfActive))}
                GROUP BY l.enterprise_id)
            SELECT e.province_code, MIN(e.province) AS province, SUBSTR(gdt.isic, 1, 2) AS division, COUNT(*) AS firms,
                CAST(SUM(gdt.workers) AS BIGINT) AS gdt_workers, CAST(SUM(COALESCE(nssf.insured, 0)) AS BIGINT) AS nssf_insured,
                CAST(SUM(CASE WHEN gdt.workers > COALESCE(nssf.insured, 0) THEN gdt.workers - COALESCE(nssf.insured, 0) ELSE 0 END) AS BIGINT) AS uncovered,
                CAST(SUM(CASE WHEN nssf.enterprise_id IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS unregistered_firms
            FROM gdt JOIN ({LinkageSql.Enterprises}) e ON e.enterprise_id = gdt.enterprise_id
            LEFT JOIN nssf ON nssf.enterprise_id = gdt.enterprise_id
            WHERE e.retired_into IS NULL
            GROUP BY e.province_code, SUBSTR(gdt.isic, 1, 2)
            """;
        var cells = (await conn.QueryAsync<CellRow>(sql, args)).Select(r => new CoverageCell(
            r.ProvinceCode, r.Province, r.Division, new CoverageFigures(r.Firms, r.GdtWorkers, r.NssfInsured, r.Uncovered, r.UnregisteredFirms))).ToList();
        return new CoverageReport(cells, await MonthsAsync(null), IsoDate.Format(asOf), run?.RunId);
    }

    /// <summary>NSSF declared workers per contribution month (the last 24), nationally or for the employers of one province.</summary>
    private async Task<IReadOnlyList<CoverageMonth>> MonthsAsync(string? provinceCode, CancellationToken ct = default)
    {
        var sql = $"SELECT c.period, CAST(SUM(COALESCE(c.insured_workers, 0)) AS BIGINT) AS declared_workers, COUNT(DISTINCT c.source_key) AS employers FROM ({FeedRowSql.Contributions}) c";
        if (provinceCode is not null)
        {
            sql += $"""
                 JOIN ({LinkageSql.RecordEnterprises}) l ON l.feed = '{FeedNames.Nssf}' AND l.source_key = c.source_key
                 JOIN ({LinkageSql.Enterprises}) e ON e.enterprise_id = l.enterprise_id AND e.province_code = @provinceCode
                """;
        }

        sql += " GROUP BY c.period ORDER BY c.period DESC LIMIT 24";
        await using var conn = await db.OpenAsync(ct);
        var months = (await conn.QueryAsync<CoverageMonth>(new CommandDefinition(sql, new { provinceCode }, cancellationToken: ct))).AsList();
        months.Reverse();
        return months;
    }

    // The policy's status lists compare trimmed and upper-cased, as the registers' status text is read.
    private static IEnumerable<string> Upper(IEnumerable<string> values) => values.Select(v => v.Trim().ToUpperInvariant());

    private sealed class CellRow
    {
        public string? ProvinceCode { get; set; }
        public string? Province { get; set; }
        public string? Division { get; set; }
        public long Firms { get; set; }
        public long GdtWorkers { get; set; }
        public long NssfInsured { get; set; }
        public long Uncovered { get; set; }
        public long UnregisteredFirms { get; set; }
    }
}
