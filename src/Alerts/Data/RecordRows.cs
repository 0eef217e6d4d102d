using System.Data.Common;
using Integration.Alerts.Model;

namespace Integration.Alerts.Data;

/// <summary>
/// The one read of the register rows that links name, for the batch (<see cref="FactsChunks"/>, a chunk of
/// enterprises) and for a single check (<see cref="FactsReader"/>, one enterprise) alike: each table in one
/// statement, its rows in the order the table is stored in, so one enterprise's records, contribution rows and
/// "first value" choices are the same whichever way it is read.
/// </summary>
internal static class RecordRows
{
    /// <summary>The records <paramref name="byKey"/> names, with their contributions and last fully paid month, into their owners, each table in storage order.</summary>
    public static void Load(DbConnection conn, Dictionary<RecordKey, EnterpriseFacts> byKey, string from)
    {
        var moc = Keys(byKey, FeedNames.Moc);
        var gdt = Keys(byKey, FeedNames.Gdt);
        var nssf = Keys(byKey, FeedNames.Nssf);
        if (moc.Count > 0)
        {
            foreach (var m in FeedRowReader.MocInStorageOrder(conn, moc))
            {
                byKey.GetValueOrDefault(new RecordKey(FeedNames.Moc, m.RegistrationNo))?.Moc.Add(m);
            }
        }

        if (gdt.Count > 0)
        {
            foreach (var g in FeedRowReader.GdtInStorageOrder(conn, gdt))
            {
                byKey.GetValueOrDefault(new RecordKey(FeedNames.Gdt, g.Tin))?.Gdt.Add(g);
            }
        }

        if (nssf.Count == 0)
        {
            return;
        }

        foreach (var n in FeedRowReader.NssfInStorageOrder(conn, nssf))
        {
            byKey.GetValueOrDefault(new RecordKey(FeedNames.Nssf, n.NssfId))?.Nssf.Add(n);
        }

        foreach (var c in FeedRowReader.ContributionsInStorageOrder(conn, from, nssf))
        {
            if (byKey.GetValueOrDefault(new RecordKey(FeedNames.Nssf, c.NssfId)) is { } f)
            {
                AddContribution(f, c);
            }
        }

        foreach (var (id, period) in FeedRowReader.LastFullyPaidOf(conn, nssf))
        {
            if (byKey.GetValueOrDefault(new RecordKey(FeedNames.Nssf, id)) is { } f)
            {
                f.LastFullyPaid[id] = period;
            }
        }
    }

    public static List<string> Keys(Dictionary<RecordKey, EnterpriseFacts> byKey, string feed) =>
        byKey.Keys.Where(k => k.Feed == feed).Select(k => k.Key).ToList();

    /// <summary>Adds a contribution row to its NSSF id's list, in the order rows are read.</summary>
    private static void AddContribution(EnterpriseFacts facts, ContributionRow c)
    {
        if (!facts.Contributions.TryGetValue(c.NssfId, out var list))
        {
            facts.Contributions[c.NssfId] = list = [];
        }

        list.Add(c);
    }
}
