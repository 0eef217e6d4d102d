using Dapper;
using Integration.Alerts.Model;
using Integration.Alerts.Runs;
using Integration.Core.Database;
using Integration.Core.Dates;
using Integration.Matching.Contracts;

namespace Integration.Alerts.Leads;

/// <summary>What the lead list can be sorted by.</summary>
public enum LeadSort
{
    /// <summary>The run's own order: newest first (first seen), then enterprise id.</summary>
    Newest,
    Name,
    Province,
    District,
    Workers,
    Status,
}

/// <summary>One page of the lead list: the filters of <see cref="LeadQuery"/> plus sector, headcount, sort and paging.</summary>
public sealed record LeadPageQuery(
    LeadQuery Filter,
    string? Sector = null,
    long? MinWorkers = null,
    long? MaxWorkers = null,
    LeadSort Sort = LeadSort.Newest,
    bool Descending = false,
    int Offset = 0,
    int Limit = 50);

/// <summary>A page of rows, the length of the whole filtered list, and the run it comes from.</summary>
public sealed record Page<T>(IReadOnlyList<T> Rows, long Total, string? AlertRunId, string? MatchRunId, string? AsOf);

/// <summary>A status the division set on a lead, as the history keeps it.</summary>
public sealed record LeadStatusEntry(string Status, string SetBy, string SetAt, string? Note);

/// <summary>
/// The division's working views of the stored lead list: filtered, sorted and paged in SQL (a national list
/// has tens of thousands of leads), one lead by enterprise id, and a lead's status history.
/// </summary>
public sealed class LeadPages(Db db, AlertRunSource runs)
{
    public async Task<Page<LeadRow>> PageAsync(LeadPageQuery q, CancellationToken ct = default)
    {
        switch (await runs.ResolveAsync(null, ct: ct))
        {
            case { Stored: { } run }:
                await using (var conn = await db.OpenAsync(ct))
                {
                    var (where, args) = Where(run, q);
                    var total = await conn.ExecuteScalarAsync<long>(new CommandDefinition(CountSql(where, q), args, cancellationToken: ct));
                    args.Add("limit", (long)Math.Max(1, q.Limit));
                    args.Add("offset", (long)Math.Max(0, q.Offset));
                    var rows = await conn.QueryAsync<LeadRow>(new CommandDefinition(where + " ORDER BY " + OrderBy(q) + " LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
                    return new Page<LeadRow>(rows.AsList(), total, run.AlertRunId, run.MatchRunId, run.AsOf);
                }

            case { Computed: { MatchRun: { } match } outcome }:
                var all = LeadBuilder.Filter(outcome.Leads, q.Filter).Where(r => InMemory(r, q)).ToList();
                return new Page<LeadRow>(Sorted(all, q).Skip(Math.Max(0, q.Offset)).Take(q.Limit).ToList(), all.Count, null, match.RunId, IsoDate.Format(outcome.AsOf));
            default:
                return new Page<LeadRow>([], 0, null, null, null);
        }
    }

    /// <summary>Every row of the filtered list in order (exports): the page's offset and limit are ignored.</summary>
    public Task<Page<LeadRow>> AllAsync(LeadPageQuery q, CancellationToken ct = default) =>
        PageAsync(q with { Offset = 0, Limit = int.MaxValue }, ct);

    /// <summary>The lead of this enterprise in the latest stored list; null when it is not a lead there.</summary>
    public async Task<LeadRow?> FindAsync(string enterpriseId, CancellationToken ct = default)
    {
        if (await runs.ResolveAsync(null, ct: ct) is not { Stored: { } run })
        {
            return null;
        }

        await using var conn = await db.OpenAsync(ct);
        return await conn.QueryFirstOrDefaultAsync<LeadRow>(new CommandDefinition(
            LeadService.Select + " AND l.enterprise_id = @id", new { run = run.AlertRunId, id = enterpriseId }, cancellationToken: ct));
    }

    /// <summary>Every status set on this enterprise (or an id merged into it), newest first. The history is read by
    /// its index and joined to enterprises by key (enterprises.retired_into has no index).</summary>
    public async Task<IReadOnlyList<LeadStatusEntry>> HistoryAsync(string enterpriseId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        return (await conn.QueryAsync<LeadStatusEntry>(new CommandDefinition(
            $"""
            SELECT status, set_by, set_at, note FROM (
                SELECT h.id, h.status, h.set_by, h.set_at, h.note FROM lead_status_history h WHERE h.enterprise_id = @id
                UNION ALL
                SELECT h.id, h.status, h.set_by, h.set_at, h.note FROM lead_status_history h CROSS JOIN ({LinkageSql.Enterprises}) e
                WHERE e.enterprise_id = h.enterprise_id AND e.retired_into = @id) x
            ORDER BY set_at DESC, id DESC
            """,
            new { id = enterpriseId }, cancellationToken: ct))).AsList();
    }

    /// <summary>The count of the filtered list; without a status filter the statuses need not be joined.</summary>
    private static string CountSql(string where, LeadPageQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.Filter.Status))
        {
            return "SELECT COUNT(*) FROM (" + where + ") x";
        }

        var from = where.IndexOf("WHERE l.alert_run_id = @run", StringComparison.Ordinal);
        return "SELECT COUNT(*) FROM lead_snapshots l " + where[from..];
    }

    private static (string Sql, DynamicParameters Args) Where(AlertRunRef run, LeadPageQuery q)
    {
        var f = q.Filter;
        var args = new DynamicParameters(new { run = run.AlertRunId });
        var sql = LeadService.Select;
        if (f.OnlyNew)
        {
            sql += " AND l.is_new = 1";
        }

        if (!string.IsNullOrWhiteSpace(f.Status))
        {
            sql += " AND COALESCE(s.status, m.status, 'NEW') = @status";
            args.Add("status", f.Status.Trim().ToUpperInvariant());
        }

        if (Location.SqlFilter("l", f.Province, f.District) is { } place)
        {
            sql += " AND " + place;
            args.Add("province", Location.Fold(f.Province));
            args.Add("district", Location.Fold(f.District));
        }

        if (Sectors.Find(q.Sector) is { } sector)
        {
            sql += " AND " + Sectors.SqlFilter(sector, "l.isic_code", args);
        }

        if (q.MinWorkers is { } min)
        {
            sql += " AND l.workers >= @min";
            args.Add("min", min);
        }

        if (q.MaxWorkers is { } max)
        {
            sql += " AND l.workers <= @max";
            args.Add("max", max);
        }

        return (sql, args);
    }

    // NULLs last either way, the same on SQLite and PostgreSQL; the run's order breaks ties.
    private static string OrderBy(LeadPageQuery q)
    {
        var dir = q.Descending ? " DESC" : "";
        string Col(string c) => $"CASE WHEN {c} IS NULL THEN 1 ELSE 0 END, {c}{dir}, l.list_no";
        return q.Sort switch
        {
            LeadSort.Name => Col("COALESCE(l.name_en, l.name_km)"),
            LeadSort.Province => Col("l.province"),
            LeadSort.District => Col("l.district"),
            LeadSort.Workers => Col("l.workers"),
            LeadSort.Status => Col("COALESCE(s.status, m.status, 'NEW')"),
            _ => "l.list_no" + dir,
        };
    }

    private static bool InMemory(LeadRow r, LeadPageQuery q) =>
        (Sectors.Find(q.Sector) is not { } s || (Sectors.Division(r.IsicCode) is { } d && s.Divisions.Contains(d, StringComparer.Ordinal)))
        && (q.MinWorkers is null || r.Workers >= q.MinWorkers)
        && (q.MaxWorkers is null || r.Workers <= q.MaxWorkers);

    private static IEnumerable<LeadRow> Sorted(List<LeadRow> rows, LeadPageQuery q)
    {
        IEnumerable<LeadRow> sorted = q.Sort switch
        {
            LeadSort.Name => rows.OrderBy(r => r.NameEn ?? r.NameKm, StringComparer.OrdinalIgnoreCase),
            LeadSort.Province => rows.OrderBy(r => r.Province, StringComparer.OrdinalIgnoreCase),
            LeadSort.District => rows.OrderBy(r => r.District, StringComparer.OrdinalIgnoreCase),
            LeadSort.Workers => rows.OrderBy(r => r.Workers),
            LeadSort.Status => rows.OrderBy(r => r.Status, StringComparer.Ordinal),
            _ => rows,
        };
        return q.Descending ? sorted.Reverse() : sorted;
    }
}
