using Integration.Alerts.Model;
using Integration.Core.Dates;

namespace Integration.Alerts.Tests;

/// <summary>
/// Builds an enterprise's facts in memory, the way FactsReader would read them, for the pure policy tests:
/// records with their links, contributions, pairs, and candidates in other enterprises.
/// </summary>
public sealed class Facts(string enterpriseId = "E1")
{
    private long _line = 2;

    public EnterpriseFacts Built { get; } = new(enterpriseId);

    /// <param name="address">The record's address line; null for a record that carries only its name (and no phone).</param>
    public Facts Moc(string reg, long? declared = null, string method = "id", string status = "ACTIVE", int current = 1, string? lastSeen = "2026-10-01",
        string? address = "No. 12, St. 271, Phnom Penh")
    {
        Built.Moc.Add(new MocRecord { RegistrationNo = reg, DeclaredEmployees = declared, Status = status, IsCurrent = current, LastSeenOn = lastSeen, RenewalAppliedOn = "2026-10-01", FileId = 1, Line = _line++, Address = address });
        return Link(FeedNames.Moc, reg, method);
    }

    public Facts Gdt(string tin, long? employees, string? period, string method = "id", string status = "ACTIVE", string? phone = null)
    {
        Built.Gdt.Add(new GdtRecord { Tin = tin, Employees = employees, EmployeesPeriod = period, Status = status, FileId = 2, Line = _line++, Phone = phone });
        return Link(FeedNames.Gdt, tin, method);
    }

    public Facts Nssf(string id, string status = "ACTIVE", long? insured = 10, string? registeredOn = "2020-01-15", string method = "id")
    {
        Built.Nssf.Add(new NssfEmployerRecord { NssfId = id, Status = status, InsuredWorkers = insured, RegisteredOn = registeredOn, FileId = 3, Line = _line++ });
        return Link(FeedNames.Nssf, id, method);
    }

    /// <summary>Months <paramref name="from"/>..<paramref name="to"/> declared and paid in full.</summary>
    public Facts Paid(string nssfId, string from, string to, long due = 100_000)
    {
        if (!Month.TryParse(from, out var m) || !Month.TryParse(to, out var end))
        {
            throw new ArgumentException($"Months must be yyyy-MM: {from}, {to}.");
        }

        for (; m <= end; m = m.AddMonths(1))
        {
            Contribution(nssfId, m.ToString(), due, due);
        }

        return this;
    }

    public Facts Contribution(string nssfId, string period, long due, long paid)
    {
        if (!Built.Contributions.TryGetValue(nssfId, out var rows))
        {
            Built.Contributions[nssfId] = rows = [];
        }

        rows.RemoveAll(r => r.Period == period);
        rows.Add(new ContributionRow { NssfId = nssfId, Period = period, DueKhr = due, PaidKhr = paid, FileId = 4, Line = _line++ });
        if (paid >= due && string.CompareOrdinal(period, Built.LastFullyPaid.GetValueOrDefault(nssfId) ?? "") > 0)
        {
            Built.LastFullyPaid[nssfId] = period;
        }

        return this;
    }

    public Facts Pair(string feedA, string keyA, string feedB, string keyB, string band = "LINK", double p = 0.999)
    {
        Built.AddPair(new PairRow { FeedA = feedA, KeyA = keyA, FeedB = feedB, KeyB = keyB, Band = band, Probability = p });
        return this;
    }

    /// <summary>Records of another enterprise that a review-band pair reaches (FactsReader's neighbours).</summary>
    public Facts Outside(string enterprise, Action<Facts> records)
    {
        var other = new Facts(enterprise);
        records(other);
        var near = Built.Neighbours ??= new EnterpriseFacts("");
        near.Links.AddRange(other.Built.Links);
        near.Moc.AddRange(other.Built.Moc);
        near.Gdt.AddRange(other.Built.Gdt);
        near.Nssf.AddRange(other.Built.Nssf);
        foreach (var (id, rows) in other.Built.Contributions)
        {
            near.Contributions[id] = rows;
        }

        foreach (var (id, period) in other.Built.LastFullyPaid)
        {
            near.LastFullyPaid[id] = period;
        }

        return this;
    }

    public MocRecord MocRecord(string reg) => Built.Moc.Single(m => m.RegistrationNo == reg);

    private Facts Link(string feed, string key, string method)
    {
        Built.Links.Add(new LinkRow { Feed = feed, SourceKey = key, EnterpriseId = Built.EnterpriseId, Method = method, Confidence = method == "review" ? 0.7 : 0.99, RunId = "m1" });
        return this;
    }
}
