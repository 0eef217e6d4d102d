using System.Globalization;
using Integration.Alerts.Model;

namespace Integration.Alerts.Policy;

/// <summary>
/// The licence-check decision of rules.md ("Default decision policy"), as a pure function of the
/// enterprise's facts, the check date and the configured policy numbers.
/// </summary>
public sealed class LicencePolicy(LicencePolicyOptions options)
{
    public LicencePolicyOptions Options { get; } = options;

    /// <summary>Decides for MoC registration <paramref name="moc"/>, whose enterprise facts are <paramref name="facts"/>
    /// (null when the record is not linked to any enterprise yet).</summary>
    public LicenceDecision Decide(MocRecord moc, EnterpriseFacts? facts, DateOnly asOf)
    {
        var ownLink = facts?.LinkOf(Feeds.Moc, moc.RegistrationNo);
        if (facts is null || ownLink is null)
        {
            // Without a link the other registries cannot be consulted: neither block nor clear.
            var lone = new EnterpriseFacts("") { };
            lone.Moc.Add(moc);
            return new LicenceDecision(
                moc.RegistrationNo, null, null, Decisions.Review,
                [new Reason(ReasonCodes.UncertainMatch, "This registration is not linked to an enterprise yet (matching has not placed it), so the NSSF and GDT records cannot be consulted.")],
                null, 0, 0, asOf, null, EvidenceFor(lone, moc, null, null, null, null));
        }

        var employees = EmployeesEvidence.Of(facts, asOf, Options);
        var active = facts.Current(facts.Nssf).Where(n => IsActive(n.Status, Options.NssfActive)).ToList();
        string decision;
        Reason reason;
        ContributionStatus? contributions = null;
        if (active.Count == 0)
        {
            var inactive = facts.Nssf.Count == 0
                ? "No NSSF employer is linked to this enterprise"
                : "No NSSF employer linked to this enterprise is active (" + string.Join(", ", facts.Nssf.Select(n => $"{n.NssfId} {n.Status ?? "no status"}")) + ")";
            if (employees.Workers >= Options.MinEmployeesForRegistration)
            {
                decision = Decisions.Block;
                reason = new Reason(ReasonCodes.NotRegistered, Invariant($"{inactive}, yet it has employees ({employees.Source}): it must register with NSSF."));
            }
            else
            {
                decision = Decisions.Allow;
                reason = new Reason(ReasonCodes.NoEmployeesDeclared, Invariant($"{inactive}, and no registry declares employees (GDT headcount within {Options.GdtHeadcountRecencyMonths} months, MoC declaration, NSSF insured workers)."));
            }
        }
        else
        {
            contributions = ContributionStatus.Of(facts, active, asOf, Options);
            var months = contributions.Unpaid.Select(u => u.Period).Distinct().Order().ToList();
            var window = Invariant($"{Later(contributions.WindowFrom, active)}..{contributions.LatestDue}");
            if (contributions.UnpaidPeriods > Options.AllowedUnpaidMonths)
            {
                var missing = contributions.Unpaid.Count(u => u.Row is null);
                var partial = contributions.Unpaid.Count - missing;
                decision = Decisions.Block;
                reason = new Reason(ReasonCodes.Arrears, Invariant(
                    $"{contributions.UnpaidPeriods} month(s) unpaid in the window {window} ({string.Join(", ", months)}): {partial} paid short, {missing} with no declaration; {contributions.ArrearsKhr:N0} KHR outstanding."));
            }
            else
            {
                decision = Decisions.Allow;
                reason = new Reason(ReasonCodes.Current, contributions.Unpaid.Count == 0
                    ? Invariant($"NSSF employer {string.Join(", ", active.Select(a => a.NssfId))} has paid every month due in the window {window}.")
                    : Invariant($"{contributions.UnpaidPeriods} month(s) unpaid in the window {window}, within the {Options.AllowedUnpaidMonths} allowed."));
            }
        }

        var uncertain = UncertainLinks(facts, ownLink).ToList();
        var reasons = new List<Reason>();
        var finalDecision = decision;
        if (uncertain.Count > 0)
        {
            finalDecision = Decisions.Review;
            var which = string.Join(", ", uncertain.Select(l => Invariant($"{FeedLabel(l.Feed)} {l.SourceKey} ({l.Confidence:0.00})")));
            reasons.Add(new Reason(ReasonCodes.UncertainMatch, $"The decision rests on link(s) in the review band: {which}; a clerk must confirm them. Without review the answer would be {decision} {reason.Code}."));
        }

        reasons.Add(reason);
        var nssfIds = active.Count > 0 ? active.Select(a => a.NssfId) : facts.Nssf.Select(n => n.NssfId);
        return new LicenceDecision(
            moc.RegistrationNo,
            facts.EnterpriseId,
            NullIfEmpty(string.Join('|', nssfIds.Distinct(StringComparer.Ordinal))),
            finalDecision,
            reasons,
            contributions?.PaidThrough,
            contributions?.UnpaidPeriods ?? 0,
            contributions?.ArrearsKhr ?? 0,
            asOf,
            ownLink.RunId,
            EvidenceFor(facts, moc, employees, contributions, ownLink, finalDecision == decision ? null : $"{decision} {reason.Code}"));
    }

    /// <summary>rules.md step 5: R's own link and the links of the enterprise's NSSF and GDT records.</summary>
    private IEnumerable<LinkRow> UncertainLinks(EnterpriseFacts facts, LinkRow ownLink) =>
        facts.Links
            .Where(l => l == ownLink || l.Feed is Feeds.Nssf or Feeds.Gdt)
            .Where(l => Options.Uncertain.Contains(l.Method, StringComparer.OrdinalIgnoreCase));

    public static bool IsActive(string? status, IReadOnlyCollection<string> active) =>
        status is not null && active.Contains(status.Trim(), StringComparer.OrdinalIgnoreCase);

    private static Month Later(Month windowFrom, IReadOnlyList<NssfEmployerRecord> active)
    {
        var earliest = active
            .Select(a => Month.TryParse(a.RegisteredOn, out var m) && m > windowFrom ? m : windowFrom)
            .Min();
        return earliest;
    }

    private CheckEvidence EvidenceFor(EnterpriseFacts facts, MocRecord moc, EmployeesEvidence? employees, ContributionStatus? contributions, LinkRow? ownLink, string? withoutReview)
    {
        var records = new List<EvidenceRecord> { Record(Feeds.Moc, moc.RegistrationNo, moc) };
        records.AddRange(facts.Moc.Where(m => m.RegistrationNo != moc.RegistrationNo).Select(m => Record(Feeds.Moc, m.RegistrationNo, m)));
        records.AddRange(facts.Gdt.Select(g => Record(Feeds.Gdt, g.Tin, g)));
        records.AddRange(facts.Nssf.Select(n => Record(Feeds.Nssf, n.NssfId, n)));
        return new CheckEvidence(
            facts.Links.Select(l => new EvidenceLink(l.Feed, l.SourceKey, l.EnterpriseId, l.Method, l.Confidence, l.RunId)).ToList(),
            records,
            (contributions?.RowsUsed ?? []).Select(c => new EvidenceContribution(c.NssfId, c.Period, c.DueKhr, c.PaidKhr, c.FileId, c.Line)).ToList(),
            employees?.Source,
            contributions?.WindowFrom.ToString(),
            contributions?.LatestDue.ToString(),
            (contributions?.Unpaid ?? []).Select(u => $"{u.NssfId}:{u.Period}").ToList(),
            withoutReview,
            Options);

        static EvidenceRecord Record(string feed, string key, SourceRow r) => new(feed, key, r.Status, r.FileId, r.Line, r.FirstSeenOn, r.IsCurrent != 0);
    }

    private static string FeedLabel(string feed) => feed switch
    {
        Feeds.Moc => "MoC",
        Feeds.Gdt => "GDT",
        Feeds.Nssf => "NSSF",
        _ => feed,
    };

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
