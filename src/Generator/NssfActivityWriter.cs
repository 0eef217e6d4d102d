using System.Globalization;
using Integration.Core.Dates;
using Integration.Generator.Model;
using Integration.Generator.Output;
using Integration.Generator.Reference;
using Integration.Generator.Truth;

namespace Integration.Generator;

/// <summary>
/// What NSSF sees of an employer over time: monthly contribution files (period P delivered on the 16th of P+1,
/// the last period being the latest delivered by as-of) and past inspection visits. Payment behaviour is drawn
/// from the behaviour stream, since the expected answers depend on it.
/// </summary>
internal sealed class NssfActivityWriter : IDisposable
{
    private readonly GeneratorOptions _o;
    private readonly Random _behaviour;
    private readonly PersonNames _names;
    private readonly RowEmitter _emitter;
    private readonly FeedFile _inspections;
    private readonly FeedFile[] _contributions;
    private readonly int _firstPeriod;
    private readonly int _lastPeriod;
    private readonly int _latestDue;

    public NssfActivityWriter(GeneratorOptions o, string outDir, string asOfText, Random behaviour, PersonNames names, RowEmitter emitter)
    {
        _o = o;
        _behaviour = behaviour;
        _names = names;
        _emitter = emitter;
        _inspections = new FeedFile(outDir, FeedLayout.Inspections, $"{FeedLayout.Inspections.Name}_{asOfText}", o.Format, o.Gzip);
        _lastPeriod = Month.Of(o.AsOf).Index - 1;
        while (Month.FromIndex(_lastPeriod + 1).Day(o.Contributions.DeliveryDay) > o.AsOf)
        {
            _lastPeriod--;
        }

        _firstPeriod = _lastPeriod - Math.Max(1, o.Months) + 1;
        _contributions = new FeedFile[_lastPeriod - _firstPeriod + 1];
        for (var p = _firstPeriod; p <= _lastPeriod; p++)
        {
            var delivered = IsoDate.Format(Month.FromIndex(p + 1).Day(o.Contributions.DeliveryDay));
            _contributions[p - _firstPeriod] = new FeedFile(outDir, FeedLayout.Contributions, $"{FeedLayout.Contributions.Name}_{delivered}", o.Format, o.Gzip);
        }

        _latestDue = PolicyOracle.LatestDueMonth(o.AsOf);
    }

    public IReadOnlyList<string> ContributionFiles => _contributions.Select(f => f.RelativePath).ToList();

    public string InspectionsFile => _inspections.RelativePath;

    public long ContributionRows => _contributions.Sum(c => c.Rows);

    public long InspectionRows => _inspections.Rows;

    /// <summary>
    /// Monthly declarations from the NSSF registration month (or the first delivered period) to the last
    /// delivered period or the month before closure. Employers in arrears leave 1 to 6 of the last 12 due
    /// months unpaid (no row, nothing paid or part paid); others occasionally pay late, which shows as an
    /// unpaid row corrected in the next month's file.
    /// </summary>
    public void WriteContributions(TrueFirm f, FirmEvidence evidence)
    {
        var first = Math.Max(_firstPeriod, Month.Of(f.NssfRegisteredOn!.Value).Index);
        var last = f.ClosedOn is { } closed ? Math.Min(_lastPeriod, Month.Of(closed).Index - 1) : _lastPeriod;
        if (first > last)
        {
            return;
        }

        var unpaid = new HashSet<int>();
        if (f.Compliance == Compliance.Arrears)
        {
            var windowStart = Math.Max(_latestDue - 11, first);
            var windowEnd = Math.Min(_latestDue, last);
            var count = windowEnd - windowStart + 1;
            if (count > 0)
            {
                var k = 1 + _behaviour.Next(Math.Min(6, count));
                var consecutive = _behaviour.NextDouble() < 0.6;
                for (var j = 0; unpaid.Count < k; j++)
                {
                    unpaid.Add(consecutive ? windowEnd - j : windowStart + _behaviour.Next(count));
                }
            }
        }

        WritePeriods(f.NssfId!, first, last, unpaid, f.NssfInsured, f.AverageWageKhr, evidence);
    }

    /// <summary>
    /// The contributions of a second registration of the firm (hard profile): every month paid from its registration
    /// to the month before it was closed or suspended, within the delivered periods.
    /// </summary>
    public void WriteContributions(TrueFirm f, Registration registration, FirmEvidence evidence)
    {
        var first = Math.Max(_firstPeriod, Month.Of(registration.RegisteredOn).Index);
        var end = registration.EndedOn is { } ended ? Month.Of(ended).Index - 1 : _lastPeriod;
        var last = Math.Min(_lastPeriod, f.ClosedOn is { } closed ? Math.Min(end, Month.Of(closed).Index - 1) : end);
        if (first <= last)
        {
            WritePeriods(registration.Key, first, last, [], Math.Max(1, f.FormerEmployees), f.AverageWageKhr, evidence);
        }
    }

    private void WritePeriods(string nssfId, int first, int last, HashSet<int> unpaid, int insuredLast, long averageWage, FirmEvidence evidence)
    {
        var cr = _o.Contributions;
        var wage = Math.Clamp(averageWage, cr.MinContributableWageKhr, cr.MaxContributableWageKhr);
        var row = new string?[FeedLayout.Contributions.Columns.Count];
        for (var p = first; p <= last; p++)
        {
            var insured = p == last ? insuredLast : Math.Max(1, insuredLast + (int)Math.Round(insuredLast * ((_behaviour.NextDouble() - 0.5) * 0.06)));
            var wages = insured * (averageWage + (_behaviour.Next(-20, 21) * 1000L));
            var due = (long)Math.Round(insured * wage * cr.ContributionRate);
            var file = _contributions[p - _firstPeriod];
            row[0] = nssfId;
            row[1] = Month.FromIndex(p).ToString();
            row[2] = Num(insured);
            row[3] = wages.ToString(CultureInfo.InvariantCulture);
            row[4] = due.ToString(CultureInfo.InvariantCulture);
            if (unpaid.Contains(p))
            {
                if (_behaviour.NextDouble() < cr.UnpaidMissingRowRate)
                {
                    continue;
                }

                var paid = _behaviour.Next(2) == 0 ? 0 : (long)(due * (0.3 + (_behaviour.NextDouble() * 0.6)));
                row[5] = paid.ToString(CultureInfo.InvariantCulture);
                row[6] = paid == 0 ? null : Date(Month.FromIndex(p + 1).Day(1 + _behaviour.Next(15)));
                Contribution(file, row, p, due, paid, evidence);
            }
            else if (p < last && _behaviour.NextDouble() < cr.LatePaymentRate)
            {
                row[5] = "0";
                row[6] = null;
                Contribution(file, row, p, due, 0, evidence);
                row[5] = row[4];
                row[6] = Date(Month.FromIndex(p + 2).Day(1 + _behaviour.Next(cr.DeliveryDay - 1)));
                Contribution(_contributions[p + 1 - _firstPeriod], row, p, due, due, evidence);
            }
            else
            {
                row[5] = row[4];
                row[6] = Date(Month.FromIndex(p + 1).Day(1 + _behaviour.Next(15)));
                Contribution(file, row, p, due, due, evidence);
            }
        }
    }

    private void Contribution(FeedFile file, string?[] row, int period, long due, long paid, FirmEvidence evidence)
    {
        if (_emitter.Emit(file, row))
        {
            evidence.SetContribution(row[0]!, period, due, paid);
        }
    }

    /// <summary>Past visits: NSSF employers and big unregistered employers, 1 or 2 visits in the delivered period.</summary>
    public void WriteInspections(TrueFirm f)
    {
        var big = f.FormerEmployees >= 20;
        if (!(f.HasNssf || (big && f.HasMoc)) || _behaviour.NextDouble() >= _o.Composition.InspectionRate)
        {
            return;
        }

        var visits = 1 + _behaviour.Next(2);
        var row = new string?[FeedLayout.Inspections.Columns.Count];
        var previous = DateOnly.MinValue;
        for (var v = 0; v < visits; v++)
        {
            // A second visit is a follow-up, weeks after the first (never the same day: that would be the same key).
            var on = v == 0 ? _o.AsOf.AddDays(-_behaviour.Next(120, 730)) : previous.AddDays(_behaviour.Next(14, 100));
            previous = on;
            if (on <= f.Founded || on >= _o.AsOf || (f.NssfRegisteredOn is { } registered && on <= registered))
            {
                continue;
            }

            var closedThen = f.ClosedOn is { } c && on >= c;
            var (outcome, notes) = closedThen ? (_behaviour.Next(2) == 0 ? "CLOSED" : "NOT_FOUND", "Premises closed; neighbours say the business stopped")
                : f.Compliance switch
                {
                    Compliance.Unregistered => ("NON_COMPLIANT", $"Employer not registered with NSSF; {f.TrueEmployees} workers on site"),
                    Compliance.UnderDeclared => ("NON_COMPLIANT", $"{f.TrueEmployees} workers found, {f.NssfInsured} declared"),
                    Compliance.Arrears => ("NON_COMPLIANT", "Contributions unpaid; payment plan requested"),
                    _ => ("COMPLIANT", _behaviour.Next(3) == 0 ? "ឯកសារត្រឹមត្រូវ" : "Documents in order"),
                };
            row[0] = f.NssfId;
            row[1] = f.HasNssf ? null : f.RegistrationNos[0];
            row[2] = Date(on);
            row[3] = outcome;
            row[4] = _names.Surnames[_behaviour.Next(_names.Surnames.Count)].Latin + " " + _names.Given[_behaviour.Next(_names.Given.Count)].Latin;
            row[5] = notes;
            _emitter.Emit(_inspections, row);
        }
    }

    private static string Date(DateOnly d) => IsoDate.Format(d);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    public void Dispose()
    {
        foreach (var file in _contributions.Append(_inspections))
        {
            file.Dispose();
        }
    }
}
