using Integration.Alerts.Data;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Database;
using Microsoft.Extensions.Options;

namespace Integration.Alerts.Checks;

/// <summary>A logged answer: the decision and the id of its row in the check log.</summary>
public sealed record LoggedDecision(long CheckId, LicenceDecision Decision);

/// <summary>
/// On-demand licence checks (HTTP, CLI): reads the facts of one enterprise, applies the policy and
/// records the question and answer in the check log before returning it.
/// </summary>
public sealed class LicenceCheckService(Db db, IOptions<AlertsOptions> options, TimeProvider clock, CheckLogWriter log)
{
    private readonly LicencePolicy _policy = new(options.Value.LicencePolicy);

    public LicencePolicy Policy => _policy;

    /// <summary>Today in the clock's time zone: the default check date.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Decides and logs. Throws <see cref="UnknownRegistrationException"/> for a number not in the MoC register.</summary>
    public async Task<LoggedDecision> CheckAsync(CheckRequest request, CancellationToken ct = default)
    {
        var asOf = request.AsOf ?? Today();
        var registrationNo = request.RegistrationNo.Trim();
        LicenceDecision? decision;
        await using (var conn = await db.OpenAsync(ct))
        {
            decision = Decide(conn, registrationNo, asOf);
        }

        var id = await log.WriteAsync(request with { RegistrationNo = registrationNo }, decision, asOf);
        return decision is null ? throw new UnknownRegistrationException(registrationNo) : new LoggedDecision(id, decision);
    }

    /// <summary>The decision without logging it (evaluation, previews); null for an unknown number.</summary>
    public LicenceDecision? Decide(System.Data.Common.DbConnection conn, string registrationNo, DateOnly asOf)
    {
        if (FactsReader.FindRegistration(conn, registrationNo) is not { } found)
        {
            return null;
        }

        var facts = found.EnterpriseId is null ? null : FactsReader.ForEnterprise(conn, found.EnterpriseId, asOf, _policy.Options);
        return _policy.Decide(found.Moc, facts, asOf);
    }

    /// <summary>Decisions for every MoC record with a pending renewal, from already loaded facts (batch).</summary>
    public IReadOnlyList<LicenceDecision> DecidePendingRenewals(IReadOnlyDictionary<string, EnterpriseFacts> all, IEnumerable<MocRecord> pending, DateOnly asOf)
    {
        var byMoc = new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal);
        foreach (var f in all.Values)
        {
            foreach (var l in f.Links.Where(l => l.Feed == FeedNames.Moc))
            {
                byMoc[l.SourceKey] = f;
            }
        }

        return pending
            .OrderBy(m => m.RegistrationNo, StringComparer.Ordinal)
            .Select(m => _policy.Decide(m, byMoc.GetValueOrDefault(m.RegistrationNo), asOf))
            .ToList();
    }
}
