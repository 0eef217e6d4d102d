using System.Globalization;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Dates;

namespace Integration.Alerts.Duplicates;

/// <summary>
/// The NSSF registrations to clean up: every enterprise that matching found to hold several current NSSF
/// records is one employer registered more than once (a re-registration after a closure, a second office's
/// registration, a clerk's double entry). Pure: an enterprise's facts in, its rows out, the registration to
/// keep first, with the pair evidence matching published for it (registration_duplicates).
/// </summary>
internal sealed class DuplicateFinder(LicencePolicyOptions policy)
{
    /// <param name="pairs">Matching's duplicate pairs of the enterprise's NSSF registrations (evidence for each row); may be empty.</param>
    public IReadOnlyList<DuplicateRow> Rows(EnterpriseFacts facts, DateOnly asOf, IReadOnlyList<DuplicatePair> pairs)
    {
        if (facts.Nssf.Count < 2)
        {
            return []; // nearly every enterprise: no list made
        }

        var records = facts.Current(facts.Nssf).DistinctBy(n => n.NssfId, StringComparer.Ordinal).ToList();
        if (records.Count < 2)
        {
            return [];
        }

        var from = ContributionStatus.WindowStart(asOf, policy);
        var latestDue = ContributionStatus.LatestDueMonth(asOf, policy);
        int Declared(NssfEmployerRecord n) => (facts.Contributions.GetValueOrDefault(n.NssfId) ?? [])
            .Count(r => Month.TryParse(r.Period, out var m) && m >= from && m <= latestDue);

        // Keep the registration the employer lives under: active, paying most recently, declaring most, largest, oldest.
        var keep = records
            .OrderByDescending(n => LicencePolicy.IsActive(n.Status, policy.NssfActive))
            .ThenByDescending(n => facts.LastFullyPaid.GetValueOrDefault(n.NssfId) ?? "", StringComparer.Ordinal)
            .ThenByDescending(Declared)
            .ThenByDescending(n => n.InsuredWorkers ?? 0)
            .ThenBy(n => n.RegisteredOn ?? "9999", StringComparer.Ordinal)
            .ThenBy(n => n.NssfId, StringComparer.Ordinal)
            .First();
        var joined = LinkageCertainty.Of(facts, new RecordKey(FeedNames.Nssf, keep.NssfId), policy.Uncertain).Certain;
        var rows = new List<DuplicateRow>();
        foreach (var n in records.OrderBy(n => n == keep ? 0 : 1).ThenBy(n => n.NssfId, StringComparer.Ordinal))
        {
            var declared = Declared(n);
            var certain = joined.Contains(new RecordKey(FeedNames.Nssf, n.NssfId));
            var active = LicencePolicy.IsActive(n.Status, policy.NssfActive);
            var (action, reason) = n == keep
                ? (DuplicateAction.Keep, Invariant($"The registration to keep: {Describe(n, declared)}; {records.Count - 1} other registration(s) of this employer."))
                : !certain
                    ? (DuplicateAction.ConfirmMatch, Invariant($"Joined to {keep.NssfId} only through a review-band link: confirm they are one employer before any clean-up ({Describe(n, declared)})."))
                    : !active
                        ? (DuplicateAction.Superseded, Invariant($"{Status(n)}: record that {keep.NssfId} superseded it."))
                        : declared > 0
                            ? (DuplicateAction.Merge, Invariant($"Active duplicate of {keep.NssfId} with {declared} month(s) declared in {from}..{latestDue}: move its contributions to {keep.NssfId}, then close it."))
                            : (DuplicateAction.Close, Invariant($"Active duplicate of {keep.NssfId} with no declaration in {from}..{latestDue}: close it."));
            var pair = n == keep ? null : pairs.FirstOrDefault(p => (p.KeyA == n.NssfId && p.KeyB == keep.NssfId) || (p.KeyB == n.NssfId && p.KeyA == keep.NssfId));
            rows.Add(DuplicateRow.Of(facts, n) with
            {
                MatchProbability = pair?.Probability,
                MatchEvidence = pair?.Evidence,
                Action = action.Text(),
                KeepNssfId = keep.NssfId,
                MonthsDeclared = declared,
                CertainlyJoined = certain,
                Reason = reason,
            });
        }

        return rows;

        string Describe(NssfEmployerRecord n, int declared) =>
            Invariant($"{Status(n)}, registered {n.RegisteredOn ?? "on an unknown date"}, {declared} month(s) declared in {from}..{latestDue}, paid through {facts.LastFullyPaid.GetValueOrDefault(n.NssfId) ?? "never"}");

        static string Status(NssfEmployerRecord n) => n.Status is { Length: > 0 } s ? s.Trim() : "no status";
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
