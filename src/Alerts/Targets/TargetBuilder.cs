using Integration.Alerts.Data;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Dates;
using Microsoft.Extensions.Options;

namespace Integration.Alerts.Targets;

/// <summary>Computes the inspectors' target list from facts read by the batch, a chunk at a time: every liable enterprise scored, then all ranked.</summary>
public sealed class TargetBuilder(IOptions<AlertsOptions> options)
{
    private readonly TargetScorer _scorer = new(options.Value.Targets, options.Value.LicencePolicy);

    /// <summary>The target rows of the liable enterprises among <paramref name="chunk"/> (scored at or above Alerts:Targets:MinScore), not ranked yet.</summary>
    public IEnumerable<TargetRow> Score(IEnumerable<EnterpriseFacts> chunk, DateOnly asOf, MatchRunInfo run)
    {
        var asOfText = IsoDate.Format(asOf);
        var policy = options.Value.LicencePolicy;
        foreach (var facts in chunk)
        {
            if (_scorer.Score(facts, asOf) is not { } s || s.Score < options.Value.Targets.MinScore)
            {
                continue;
            }

            var nssf = facts.Current(facts.Nssf).Where(n => LicencePolicy.IsActive(n.Status, policy.NssfActive)).Select(n => n.NssfId).ToList();
            yield return TargetRow.Of(facts, s, nssf) with { RunId = run.RunId, AsOf = asOfText };
        }
    }

    /// <summary>Ranks scored rows (score, then workers, then arrears, then enterprise id), filters by province/district and cuts to capacity.</summary>
    public IReadOnlyList<TargetRow> Rank(IEnumerable<TargetRow> rows, TargetQuery query) =>
        Select(
            rows.OrderByDescending(r => r.RiskScore)
                .ThenByDescending(r => r.Workers)
                .ThenByDescending(r => r.ArrearsKhr)
                .ThenBy(r => r.EnterpriseId, StringComparer.Ordinal),
            query);

    /// <summary>From a ranked list: the rows in the place asked for, cut to capacity, ranked from 1.</summary>
    public IReadOnlyList<TargetRow> Select(IEnumerable<TargetRow> ranked, TargetQuery query)
    {
        var capacity = Capacity(query);
        var inPlace = ranked.Where(r => Location.Matches(r, query.Province, query.District));
        return (capacity > 0 ? inPlace.Take(capacity) : inPlace)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
    }

    /// <summary>Rows to keep: the query's capacity, else Alerts:Targets:DefaultCapacity; 0 keeps all.</summary>
    public int Capacity(TargetQuery query) => query.Capacity ?? options.Value.Targets.DefaultCapacity;
}
