using System.Globalization;
using System.Text;
using Integration.Alerts.Jobs;
using Integration.Alerts.Model;
using Integration.Alerts.Policy;
using Integration.Core.Truth;

namespace Integration.Alerts.Evaluation;

/// <summary>Which way an alerts answer disagrees with the answer key.</summary>
public enum MistakeKind
{
    /// <summary>BLOCK for a firm the key clears: a compliant firm refused its licence.</summary>
    WrongBlock,

    /// <summary>ALLOW for a firm the key blocks.</summary>
    MissedBlock,

    /// <summary>REVIEW where the key decides: not wrong, but it costs a clerk's time and counts against the review budget.</summary>
    Review,

    /// <summary>A lead that stands for no expected lead (a registered or non-liable firm).</summary>
    FalseLead,

    /// <summary>An expected lead no listed lead stands for.</summary>
    MissedLead,
}

/// <summary>
/// One wrong answer with what is needed to tell its root cause: the firm's true records and where matching put
/// them, the records of the answer's enterprise and whose they truly are, and the answer's own sentence.
/// </summary>
public sealed record Mistake(MistakeKind Kind, string Subject, string? TrueId, string Expected, string Got, string Text, string EnterpriseRecords, string TrueRecords);

/// <summary>
/// Lists every wrong BLOCK, missed BLOCK, REVIEW, false lead and missed lead of an alerts outcome against the
/// answer key, for classifying root causes (a missed link, a wrong link, the policy, a status). The benchmark
/// writes them as CSV; the figures themselves come from <see cref="AlertsEvaluation.Score"/>.
/// </summary>
public static class AlertsMistakes
{
    public static readonly string[] Columns = ["kind", "subject", "true_id", "expected", "got", "text", "enterprise_records", "true_records"];

    public static IReadOnlyList<Mistake> Of(GroundTruth truth, AlertsOutcome outcome)
    {
        var trueIdOf = AlertsEvaluation.TrueIds(truth);
        var recordsOf = truth.Records.GroupBy(r => r.TrueId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => new RecordKey(r.Feed, r.SourceKey)).ToList(), StringComparer.Ordinal);
        var firms = truth.Firms.ToDictionary(f => f.TrueId, StringComparer.Ordinal);
        var enterpriseOf = new Dictionary<RecordKey, EnterpriseFacts>();
        foreach (var facts in outcome.Facts.Values)
        {
            foreach (var link in facts.Links)
            {
                enterpriseOf[link.Record] = facts;
            }
        }

        var mistakes = new List<Mistake>();
        foreach (var d in outcome.Checks)
        {
            if (!trueIdOf.TryGetValue((FeedNames.Moc, d.RegistrationNo), out var trueId) || !firms.TryGetValue(trueId, out var firm) || string.IsNullOrEmpty(firm.ExpectedDecision)
                || d.Decision == firm.ExpectedDecision)
            {
                continue;
            }

            MistakeKind kind = d.Decision switch
            {
                Decisions.Block => MistakeKind.WrongBlock,
                Decisions.Allow when firm.ExpectedDecision == Decisions.Block => MistakeKind.MissedBlock,
                Decisions.Review => MistakeKind.Review,
                _ => MistakeKind.MissedBlock,
            };
            var facts = d.EnterpriseId is null ? null : outcome.Facts.GetValueOrDefault(d.EnterpriseId);
            mistakes.Add(new Mistake(kind, d.RegistrationNo, trueId, $"{firm.ExpectedDecision} {firm.ExpectedReason} ({firm.Compliance}, {firm.TrueEmployees} workers)",
                $"{d.Decision} {string.Join('+', d.Reasons.Select(r => r.Code))}", string.Join(" / ", d.Reasons.Select(r => r.Text)),
                Describe(facts), TrueRecords(trueId, facts)));
        }

        var expected = truth.Firms.Where(f => f.ExpectedLead).Select(f => f.TrueId).ToHashSet(StringComparer.Ordinal);
        var standsFor = new HashSet<string>(StringComparer.Ordinal);
        foreach (var lead in outcome.Leads)
        {
            var facts = outcome.Facts.GetValueOrDefault(lead.EnterpriseId);
            var owner = facts is null ? null : AlertsEvaluation.MajorityTrueId(lead, outcome, trueIdOf); // the owner the score counts
            if (owner is not null && expected.Contains(owner))
            {
                standsFor.Add(owner);
                continue;
            }

            var firm = owner is null ? null : firms.GetValueOrDefault(owner);
            mistakes.Add(new Mistake(MistakeKind.FalseLead, lead.EnterpriseId, owner, firm is null ? "no lead" : $"no lead ({firm.Compliance}, {firm.TrueEmployees} workers)",
                $"lead {lead.EmployeesEvidence}", "", Describe(facts), owner is null ? "" : TrueRecords(owner, facts)));
        }

        foreach (var missed in expected.Where(t => !standsFor.Contains(t)).Order(StringComparer.Ordinal))
        {
            var firm = firms[missed];
            var enterprises = recordsOf.GetValueOrDefault(missed, []).Select(r => enterpriseOf.GetValueOrDefault(r)).OfType<EnterpriseFacts>().Distinct().ToList();
            mistakes.Add(new Mistake(MistakeKind.MissedLead, string.Join('|', enterprises.Select(e => e.EnterpriseId)), missed, $"lead ({firm.Compliance}, {firm.TrueEmployees} workers)",
                "no lead", "", string.Join(" || ", enterprises.Select(e => Describe(e))), TrueRecords(missed, null)));
        }

        return mistakes;

        // The enterprise's records: key, whose it truly is, status, name, address, headcount.
        string Describe(EnterpriseFacts? facts)
        {
            if (facts is null)
            {
                return "";
            }

            var parts = new List<string>();
            foreach (var link in facts.Links.OrderBy(l => l.Feed, StringComparer.Ordinal).ThenBy(l => l.SourceKey, StringComparer.Ordinal))
            {
                parts.Add($"{Record(link.Record, facts)} [{link.Method} {link.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}] true={trueIdOf.GetValueOrDefault((link.Record.Feed, link.Record.Key)) ?? "?"}");
            }

            foreach (var p in facts.Pairs.Where(p => p.Kind != PairBand.Link))
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"pair {p.A}~{p.B} {p.Band} {p.Probability:0.00}"));
            }

            return $"{facts.EnterpriseId}: " + string.Join(" ; ", parts);
        }

        // The firm's true records not in the answer's enterprise: where matching put them.
        string TrueRecords(string trueId, EnterpriseFacts? answer)
        {
            var parts = new List<string>();
            foreach (var r in recordsOf.GetValueOrDefault(trueId, []))
            {
                var home = enterpriseOf.GetValueOrDefault(r);
                if (answer is not null && home == answer)
                {
                    continue;
                }

                parts.Add(home is null ? $"{r} unlinked" : $"{Record(r, home)} in {home.EnterpriseId} ({string.Join(",", home.Records.Where(x => x != r))})");
            }

            return string.Join(" ; ", parts);
        }
    }

    private static string Record(RecordKey key, EnterpriseFacts facts)
    {
        SourceRow? row = key.Feed switch
        {
            FeedNames.Moc => facts.Moc.FirstOrDefault(m => m.RegistrationNo == key.Key),
            FeedNames.Gdt => facts.Gdt.FirstOrDefault(g => g.Tin == key.Key),
            FeedNames.Nssf => facts.Nssf.FirstOrDefault(n => n.NssfId == key.Key),
            _ => null,
        };
        if (row is null)
        {
            return key.ToString();
        }

        var head = row switch
        {
            MocRecord m => $"moc={m.DeclaredEmployees}",
            GdtRecord g => $"gdt={g.Employees}@{g.EmployeesPeriod}",
            NssfEmployerRecord n => $"ins={n.InsuredWorkers} reg={n.RegisteredOn}",
            _ => "",
        };
        var current = row.IsCurrent == 0 ? " NOT-CURRENT" : "";
        return $"{key} {row.Status}{current} {head} '{row.NameEn}'/'{row.NameKm}' @ '{row.AddressLine()}' tel={row.Phone}";
    }

    /// <summary>The mistakes as CSV (header row, quoted cells).</summary>
    public static string Csv(IEnumerable<Mistake> mistakes)
    {
        var sb = new StringBuilder().AppendLine(string.Join(',', Columns));
        foreach (var m in mistakes)
        {
            sb.AppendLine(string.Join(',', new[] { m.Kind.ToString(), m.Subject, m.TrueId ?? "", m.Expected, m.Got, m.Text, m.EnterpriseRecords, m.TrueRecords }.Select(Quote)));
        }

        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
