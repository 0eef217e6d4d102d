
namespace Integration.Alerts.Model;

/// <summary>
/// Everything the alerts know about one enterprise: its links and the source records behind them,
/// the contributions of its NSSF employers in the look-back window, and its inspections. Built the
/// same way for one on-demand check and for the whole register in batch, so both give one answer.
/// </summary>
public sealed class EnterpriseFacts(string enterpriseId)
{
    public string EnterpriseId { get; } = enterpriseId;

    public EnterpriseRecord? Enterprise { get; set; }

    public List<LinkRow> Links { get; } = [];

    public List<MocRecord> Moc { get; } = [];

    public List<GdtRecord> Gdt { get; } = [];

    public List<NssfEmployerRecord> Nssf { get; } = [];

    /// <summary>Contribution rows from the start of the window on, per NSSF id.</summary>
    public Dictionary<string, List<ContributionRow>> Contributions { get; } = new(StringComparer.Ordinal);

    /// <summary>Latest fully paid month per NSSF id, over all time.</summary>
    public Dictionary<string, string> LastFullyPaid { get; } = new(StringComparer.Ordinal);

    /// <summary>Latest inspection date of any of the enterprise's NSSF ids or MoC registrations.</summary>
    public string? LastInspectedOn { get; set; }

    /// <summary>The stored pairs that touch the enterprise's records: those inside it (how surely its records are
    /// joined) and review-band pairs to records of other enterprises (candidates the matcher placed elsewhere).</summary>
    public IReadOnlyList<PairRow> Pairs => _pairs ?? (IReadOnlyList<PairRow>)[];

    // Made on the first pair: most enterprises have none kept (511k at national scale).
    private List<PairRow>? _pairs;

    public void AddPair(PairRow pair) => (_pairs ??= []).Add(pair);

    /// <summary>The records of other enterprises that a review-band pair joins to this one, with their own links
    /// and contributions; null when there are none.</summary>
    public EnterpriseFacts? Neighbours { get; set; }

    /// <summary>The enterprise's records (those its links name).</summary>
    public IEnumerable<RecordKey> Records => Links.Select(l => l.Record);

    /// <summary>The enterprise's source rows with their record keys: MoC, then GDT, then NSSF.</summary>
    public IEnumerable<(RecordKey Key, SourceRow Row)> KeyedRows() =>
        Moc.Select(m => (new RecordKey(FeedNames.Moc, m.RegistrationNo), (SourceRow)m))
            .Concat(Gdt.Select(g => (new RecordKey(FeedNames.Gdt, g.Tin), (SourceRow)g)))
            .Concat(Nssf.Select(n => (new RecordKey(FeedNames.Nssf, n.NssfId), (SourceRow)n)));

    public LinkRow? LinkOf(string feed, string key) =>
        Links.FirstOrDefault(l => l.Feed == feed && l.SourceKey == key);

    public LinkRow? LinkOf(RecordKey record) => LinkOf(record.Feed, record.Key);

    /// <summary>The keys of the enterprise's records of one feed, sorted and <c>|</c>-separated; null when none.</summary>
    public string? Keys(string feed)
    {
        var keys = Links.Where(l => l.Feed == feed).Select(l => l.SourceKey).Order(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? null : string.Join('|', keys);
    }

    /// <summary>
    /// The facts of only <paramref name="keep"/>: records, links and contributions of those records, taken from
    /// this enterprise and its neighbours. One answer is worked out on such a subset to see whether it would
    /// change if an uncertain link were wrong.
    /// </summary>
    public EnterpriseFacts Within(IReadOnlySet<RecordKey> keep)
    {
        var subset = new EnterpriseFacts(EnterpriseId) { Enterprise = Enterprise, LastInspectedOn = LastInspectedOn };
        foreach (var source in Neighbours is null ? [this] : new[] { this, Neighbours })
        {
            subset.Links.AddRange(source.Links.Where(l => keep.Contains(l.Record)));
            subset.Moc.AddRange(source.Moc.Where(m => keep.Contains(new RecordKey(FeedNames.Moc, m.RegistrationNo))));
            subset.Gdt.AddRange(source.Gdt.Where(g => keep.Contains(new RecordKey(FeedNames.Gdt, g.Tin))));
            foreach (var n in source.Nssf.Where(n => keep.Contains(new RecordKey(FeedNames.Nssf, n.NssfId))))
            {
                subset.Nssf.Add(n);
                if (source.Contributions.TryGetValue(n.NssfId, out var rows))
                {
                    subset.Contributions[n.NssfId] = rows;
                }

                if (source.LastFullyPaid.TryGetValue(n.NssfId, out var paid))
                {
                    subset.LastFullyPaid[n.NssfId] = paid;
                }
            }
        }

        return subset;
    }

    public IEnumerable<T> Current<T>(IEnumerable<T> rows)
        where T : SourceRow => rows.Where(r => r.IsCurrent != 0);

    /// <summary>Earliest date any of the enterprise's records was first seen: when the firm first appeared in an extract.</summary>
    public string? FirstSeenOn() =>
        Moc.Select(r => r.FirstSeenOn).Concat(Gdt.Select(r => r.FirstSeenOn)).Concat(Nssf.Select(r => r.FirstSeenOn))
            .Where(d => !string.IsNullOrEmpty(d))
            .Min(StringComparer.Ordinal);

    /// <summary>The first non-empty value over MoC, then GDT, then NSSF records (current ones first).</summary>
    public string? Pick(Func<SourceRow, string?> field)
    {
        IEnumerable<SourceRow> ordered = Moc.Cast<SourceRow>().Concat(Gdt).Concat(Nssf).OrderBy(r => r.IsCurrent == 0 ? 1 : 0);
        return ordered.Select(field).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
    }
}
