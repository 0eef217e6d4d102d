using Integration.Alerts.Data;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Database;
using Microsoft.Extensions.Options;

namespace Integration.Alerts.Targets;

/// <summary>Inspectors' target lists: every liable enterprise scored, ranked, filtered by place and cut to capacity.</summary>
public sealed class TargetService(Db db, IOptions<AlertsOptions> options, TimeProvider clock)
{
    private readonly TargetScorer _scorer = new(options.Value.Targets, options.Value.LicencePolicy);

    public async Task<IReadOnlyList<TargetRow>> ListAsync(TargetQuery query, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var date = asOf ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await using var conn = await db.OpenAsync(ct);
        var run = MatchRunInfo.Current(conn);
        if (run is null)
        {
            return [];
        }

        return Build(FactsReader.All(conn, date, options.Value.LicencePolicy), date, run, query);
    }

    /// <summary>Scores, filters by province/district, ranks (score, then workers, then arrears) and cuts to capacity.</summary>
    public IReadOnlyList<TargetRow> Build(IReadOnlyDictionary<string, EnterpriseFacts> all, DateOnly asOf, MatchRunInfo run, TargetQuery query)
    {
        var asOfText = asOf.ToString("yyyy-MM-dd");
        var rows = new List<TargetRow>();
        foreach (var facts in all.Values)
        {
            if (!Location.Matches(facts.Enterprise, query.Province, query.District))
            {
                continue;
            }

            if (_scorer.Score(facts, asOf) is not { } s || s.Score < options.Value.Targets.MinScore)
            {
                continue;
            }

            var e = facts.Enterprise;
            var nssf = facts.Current(facts.Nssf).Where(n => LicencePolicy.IsActive(n.Status, options.Value.LicencePolicy.NssfActive)).Select(n => n.NssfId).ToList();
            rows.Add(new TargetRow(
                0,
                facts.EnterpriseId,
                nssf.Count > 0 ? string.Join('|', nssf) : e?.NssfIds,
                e?.MocRegistrationNos,
                e?.Tins,
                e?.NameEn ?? facts.Pick(r => r.NameEn),
                e?.NameKm ?? facts.Pick(r => r.NameKm),
                e?.Province ?? facts.Pick(r => r.Province),
                e?.District ?? facts.Pick(r => r.District),
                facts.Pick(r => r.AddressLine()),
                facts.Pick(r => r.Phone),
                s.Score,
                string.Join("; ", s.Factors),
                s.Employees.GdtWorkers > 0 ? s.Employees.GdtWorkers : null,
                s.InsuredWorkers,
                s.Contributions?.UnpaidPeriods ?? 0,
                s.Contributions?.ArrearsKhr ?? 0,
                facts.LastInspectedOn,
                run.RunId,
                asOfText)
            {
                Workers = Math.Max(s.Employees.Workers, s.InsuredWorkers ?? 0),
            });
        }

        var capacity = query.Capacity ?? options.Value.Targets.DefaultCapacity;
        var ranked = rows
            .OrderByDescending(r => r.RiskScore)
            .ThenByDescending(r => r.Workers)
            .ThenByDescending(r => r.ArrearsKhr)
            .ThenBy(r => r.EnterpriseId, StringComparer.Ordinal);
        return (capacity > 0 ? ranked.Take(capacity) : ranked)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
    }
}
