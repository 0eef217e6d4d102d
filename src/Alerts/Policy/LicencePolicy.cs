using System.Globalization;
using Integration.Alerts.Model;

namespace Integration.Alerts.Policy;

/// <summary>What rules.md steps 1 to 4 say for one set of records taken as the firm's.</summary>
public sealed record Assessment(
    string Decision,
    Reason Reason,
    EmployeesEvidence Employees,
    IReadOnlyList<NssfEmployerRecord> ActiveNssf,
    ContributionStatus? Contributions)
{
    public string Answer => $"{Decision} {Reason.Code}";
}

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
        if (moc.IsCurrent == 0)
        {
            return NotInCurrentRegister(moc, asOf);
        }

        var ownLink = facts?.LinkOf(FeedNames.Moc, moc.RegistrationNo);
        if (facts is null || ownLink is null)
        {
            // Without a link the other registries cannot be consulted: neither block nor clear.
            return Unanswered(moc, asOf, new Reason(ReasonCodes.UncertainMatch,
                "This registration is not linked to an enterprise yet (matching has not placed it), so the NSSF and GDT records cannot be consulted."));
        }

        var own = ownLink.Record;
        var linkage = LinkageCertainty.Of(facts, own, Options.Uncertain);
        var asLinked = Assess(facts, asOf);
        var doubt = Doubt(facts, linkage, asLinked, asOf) ?? NameOnly(facts, linkage, asLinked);

        var reasons = new List<Reason>();
        var decision = asLinked.Decision;
        var reason = asLinked.Reason;
        if (doubt is not null)
        {
            decision = Decisions.Review;
            reasons.Add(new Reason(ReasonCodes.UncertainMatch, doubt.Sentence));
        }
        else if (linkage.Groups.Count > 0)
        {
            // Decided although uncertain links exist: say so, and that the answer does not rest on them.
            reason = reason with { Text = $"{reason.Text} This holds whether or not the review-band link(s) are confirmed: {string.Join("; ", linkage.Groups)}." };
        }

        reasons.Add(reason);
        var active = asLinked.ActiveNssf;
        var nssfIds = active.Count > 0 ? active.Select(a => a.NssfId) : facts.Nssf.Select(n => n.NssfId);
        return new LicenceDecision(
            moc.RegistrationNo,
            facts.EnterpriseId,
            NullIfEmpty(string.Join('|', nssfIds.Distinct(StringComparer.Ordinal))),
            decision,
            reasons,
            asLinked.Contributions?.PaidThrough,
            asLinked.Contributions?.UnpaidPeriods ?? 0,
            asLinked.Contributions?.ArrearsKhr ?? 0,
            asOf,
            ownLink.RunId,
            EvidenceFor(facts, moc, asLinked, linkage, doubt));
    }

    /// <summary>
    /// rules.md steps 2 to 4 on <paramref name="firm"/>'s records: employees evidence, an active NSSF employer,
    /// the window's unpaid months.
    /// </summary>
    public Assessment Assess(EnterpriseFacts firm, DateOnly asOf)
    {
        var employees = EmployeesEvidence.Of(firm, asOf, Options);
        var active = firm.Current(firm.Nssf).Where(n => IsActive(n.Status, Options.NssfActive)).ToList();
        if (active.Count == 0)
        {
            var inactive = firm.Nssf.Count == 0
                ? "No NSSF employer is linked to this enterprise"
                : "No NSSF employer linked to this enterprise is active (" + string.Join(", ", firm.Nssf.Select(n => $"{n.NssfId} {n.Status ?? "no status"}")) + ")";
            return employees.Workers >= Options.MinEmployeesForRegistration
                ? new Assessment(Decisions.Block, new Reason(ReasonCodes.NotRegistered, Invariant($"{inactive}, yet it has employees ({employees.Source}): it must register with NSSF.")), employees, active, null)
                : new Assessment(Decisions.Allow, new Reason(ReasonCodes.NoEmployeesDeclared, Invariant($"{inactive}, and no registry declares employees (GDT headcount within {Options.GdtHeadcountRecencyMonths} months, MoC declaration, NSSF insured workers).")), employees, active, null);
        }

        var contributions = ContributionStatus.Of(firm, active, asOf, Options);
        var months = contributions.Unpaid.Select(u => u.Period).Distinct().Order().ToList();
        var window = Invariant($"{contributions.Start}..{contributions.LatestDue}");
        var ids = string.Join(", ", active.Select(n => n.NssfId).Distinct(StringComparer.Ordinal));
        if (contributions.UnpaidPeriods > Options.AllowedUnpaidMonths)
        {
            var missing = contributions.Unpaid.Count(u => u.Row is null);
            var partial = contributions.Unpaid.Count - missing;
            return new Assessment(Decisions.Block, new Reason(ReasonCodes.Arrears, Invariant(
                $"{contributions.UnpaidPeriods} month(s) unpaid in the window {window} ({string.Join(", ", months)}): {partial} paid short, {missing} with no declaration; {contributions.ArrearsKhr:N0} KHR outstanding.")), employees, active, contributions);
        }

        return new Assessment(Decisions.Allow, new Reason(ReasonCodes.Current, contributions.Unpaid.Count == 0
            ? Invariant($"NSSF employer {ids} has paid every month due in the window {window}.")
            : Invariant($"{contributions.UnpaidPeriods} month(s) unpaid in the window {window}, within the {Options.AllowedUnpaidMonths} allowed.")), employees, active, contributions);
    }

    /// <summary>Why the answer cannot be given: the uncertain groups it turns on, and the answer each way.</summary>
    private sealed record UncertainAnswer(IReadOnlyList<UncertainGroup> Pivotal, string Sentence);

    /// <summary>
    /// rules.md step 5: the answer rests on an uncertain link when taking the records behind it as the firm's,
    /// or not, changes the decision. Every combination of the uncertain groups is tried on top of the records
    /// certainly joined to R (a group may be the firm's or not whatever the others are); null when every one
    /// gives the decision of the enterprise as linked.
    /// </summary>
    private UncertainAnswer? Doubt(EnterpriseFacts facts, LinkageCertainty linkage, Assessment asLinked, DateOnly asOf)
    {
        var groups = linkage.Groups;
        if (groups.Count == 0)
        {
            return null;
        }

        if (groups.Count > Options.MaxUncertainGroups)
        {
            return new UncertainAnswer(groups, Invariant(
                $"The decision rests on {groups.Count} groups of records joined in the review band ({string.Join("; ", groups)}), too many to weigh; a clerk must confirm them. As linked, the answer would be {asLinked.Answer}."));
        }

        var inside = Enumerable.Range(0, groups.Count).Where(i => groups[i].OutsideEnterpriseId is null).Aggregate(0, (m, i) => m | (1 << i));
        var outcomes = new Assessment[1 << groups.Count];
        for (var mask = 0; mask < outcomes.Length; mask++)
        {
            if (mask == inside)
            {
                outcomes[mask] = asLinked;
                continue;
            }

            var keep = new HashSet<RecordKey>(linkage.Certain);
            for (var g = 0; g < groups.Count; g++)
            {
                if ((mask & (1 << g)) != 0)
                {
                    keep.UnionWith(groups[g].Records);
                }
            }

            outcomes[mask] = Assess(facts.Within(keep), asOf);
        }

        if (outcomes.All(o => o.Decision == asLinked.Decision))
        {
            return null;
        }

        // A group is pivotal when adding it to some combination of the others changes the decision.
        var pivotal = Enumerable.Range(0, groups.Count)
            .Where(g => Enumerable.Range(0, outcomes.Length).Any(m => (m & (1 << g)) == 0 && outcomes[m].Decision != outcomes[m | (1 << g)].Decision))
            .Select(g => groups[g])
            .ToList();

        // The nearest other answer: the fewest groups taken differently from the enterprise as linked.
        var other = Enumerable.Range(0, outcomes.Length)
            .Where(m => outcomes[m].Decision != asLinked.Decision)
            .OrderBy(m => System.Numerics.BitOperations.PopCount((uint)(m ^ inside)))
            .ThenBy(m => m)
            .First();
        var changes = Enumerable.Range(0, groups.Count)
            .Where(g => ((other ^ inside) & (1 << g)) != 0)
            .Select(g => ((other & (1 << g)) != 0 ? "with " : "without ") + string.Join(", ", groups[g].Records) + (groups[g].OutsideEnterpriseId is { } e ? $" (now in enterprise {e})" : ""));
        return new UncertainAnswer(pivotal, Invariant(
            $"The decision rests on link(s) in the review band: {string.Join("; ", pivotal)}; a clerk must confirm them. As linked, the answer would be {asLinked.Answer}; {string.Join(" and ", changes)} it would be {outcomes[other].Answer}."));
    }

    /// <summary>
    /// BLOCK NOT_REGISTERED says no NSSF employer is this firm's; that absence is evidence only when the matcher could
    /// have found one. When no record certainly joined to R carries an address or a phone (a name and nothing else),
    /// no pair of R's could reach even the review band, so a missed link is as likely as no registration: REVIEW,
    /// and a clerk searches the NSSF register by name (<see cref="LicencePolicyOptions.ReviewNotRegisteredOnNameOnly"/>).
    /// </summary>
    private UncertainAnswer? NameOnly(EnterpriseFacts facts, LinkageCertainty linkage, Assessment asLinked)
    {
        if (!Options.ReviewNotRegisteredOnNameOnly || asLinked.Reason.Code != ReasonCodes.NotRegistered)
        {
            return null;
        }

        var certain = facts.KeyedRows().Where(r => linkage.Certain.Contains(r.Key)).ToList();
        if (certain.Count == 0 || certain.Any(r => !string.IsNullOrWhiteSpace(r.Row.AddressLine()) || !string.IsNullOrWhiteSpace(r.Row.Phone)))
        {
            return null;
        }

        return new UncertainAnswer([], Invariant(
            $"No record certainly joined to this registration ({string.Join(", ", certain.Select(r => r.Key))}) carries an address or a phone, only a name, so the NSSF register could not be searched for its employer with confidence: no link found is no proof that none exists. As linked, the answer would be {asLinked.Answer}; a clerk must search the NSSF register for the firm by name."));
    }

    /// <summary>A registration removed from the latest MoC extract: the register no longer holds it, so there is nothing to renew against.</summary>
    private LicenceDecision NotInCurrentRegister(MocRecord moc, DateOnly asOf)
    {
        var seen = string.IsNullOrWhiteSpace(moc.LastSeenOn) ? "an earlier extract" : $"the extract of {moc.LastSeenOn}";
        var status = string.IsNullOrWhiteSpace(moc.Status) ? "" : $" (status {moc.Status.Trim()} then)";
        return Unanswered(moc, asOf, new Reason(ReasonCodes.NotInCurrentRegister,
            $"Registration {moc.RegistrationNo} is not in the current MoC register: it was last in {seen}{status} and is missing from the latest one. No NSSF or GDT check is made on a registration the register no longer holds; confirm its standing with the MoC register first."));
    }

    /// <summary>REVIEW without consulting the other registers, with R's own record as the evidence.</summary>
    private LicenceDecision Unanswered(MocRecord moc, DateOnly asOf, Reason reason)
    {
        var lone = new EnterpriseFacts("");
        lone.Moc.Add(moc);
        return new LicenceDecision(moc.RegistrationNo, null, null, Decisions.Review, [reason], null, 0, 0, asOf, null,
            EvidenceFor(lone, moc, null, null, null));
    }

    public static bool IsActive(string? status, IReadOnlyCollection<string> active) =>
        status is not null && active.Contains(status.Trim(), StringComparer.OrdinalIgnoreCase);

    private CheckEvidence EvidenceFor(EnterpriseFacts facts, MocRecord moc, Assessment? asLinked, LinkageCertainty? linkage, UncertainAnswer? doubt)
    {
        var certain = linkage?.Certain ?? new HashSet<RecordKey>();
        var candidates = linkage?.Groups.Where(g => g.OutsideEnterpriseId is not null).SelectMany(g => g.Records).ToHashSet() ?? [];
        var records = new List<EvidenceRecord> { Record(FeedNames.Moc, moc.RegistrationNo, moc) };
        records.AddRange(facts.Moc.Where(m => m.RegistrationNo != moc.RegistrationNo).Select(m => Record(FeedNames.Moc, m.RegistrationNo, m)));
        records.AddRange(facts.Gdt.Select(g => Record(FeedNames.Gdt, g.Tin, g)));
        records.AddRange(facts.Nssf.Select(n => Record(FeedNames.Nssf, n.NssfId, n)));
        if (facts.Neighbours is { } near)
        {
            records.AddRange(near.KeyedRows().Where(r => candidates.Contains(r.Key)).Select(r => Record(r.Key.Feed, r.Key.Key, r.Row, near)));
        }

        var links = facts.Links.Select(l => Link(l, certain.Contains(l.Record)))
            .Concat((facts.Neighbours?.Links ?? []).Where(l => candidates.Contains(l.Record)).Select(l => Link(l, false)))
            .ToList();
        var pivotal = doubt?.Pivotal.SelectMany(g => g.Links).ToList() ?? [];
        var contributions = asLinked?.Contributions;
        return new CheckEvidence(
            links,
            records,
            (contributions?.RowsUsed ?? []).Select(c => new EvidenceContribution(c.NssfId, c.Period, c.DueKhr, c.PaidKhr, c.FileId, c.Line)).ToList(),
            asLinked?.Employees.Source,
            contributions?.Start.ToString(),
            contributions?.LatestDue.ToString(),
            (contributions?.Unpaid ?? []).Select(u => $"{u.NssfId}:{u.Period}").ToList(),
            doubt is null || asLinked is null ? null : asLinked.Answer,
            Options)
        {
            Pairs = (linkage?.Pairs ?? []).Select(p => new EvidencePair(p.FeedA, p.KeyA, p.FeedB, p.KeyB, p.Band, p.Probability)).ToList(),
            UncertainLinks = pivotal.Select(u => u.ToString()).ToList(),
        };

        EvidenceLink Link(LinkRow l, bool isCertain) =>
            new(l.Feed, l.SourceKey, l.EnterpriseId, l.Method, l.Confidence, l.RunId) { CertainlyJoined = isCertain };

        EvidenceRecord Record(string feed, string key, SourceRow r, EnterpriseFacts? other = null) =>
            new(feed, key, r.Status, r.FileId, r.Line, r.FirstSeenOn, r.IsCurrent != 0)
            {
                LastSeenOn = r.LastSeenOn,
                EnterpriseId = other?.LinkOf(feed, key)?.EnterpriseId ?? facts.LinkOf(feed, key)?.EnterpriseId,
                CertainlyJoined = certain.Contains(new RecordKey(feed, key)),
            };
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
