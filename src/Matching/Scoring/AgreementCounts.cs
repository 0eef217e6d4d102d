using Integration.Matching.Comparison;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Scoring;

/// <summary>
/// How many pairs of records agree exactly on each exact-agreement level (same TIN, same phone, same village,
/// same name, ...), counted from value frequencies over every record, across registries and within one. A random
/// sample cannot see levels rarer than one pair in its size (100,000 pairs: a floor of 1e-5, while at national
/// scale two firms share a phone about once in 10^7 pairs); counted, u is exact at any scale.
/// </summary>
internal sealed class AgreementCounts
{
    private AgreementCounts(double[][] cross, double[][] within)
    {
        Cross = cross;
        Within = within;
    }

    /// <summary>Per field and level: pairs of records of two registries at that level, or NaN where only sampling can tell.</summary>
    public double[][] Cross { get; }

    /// <summary>The same for pairs of records of one registry.</summary>
    public double[][] Within { get; }

    public double[][] For(bool sameFeed) => sameFeed ? Within : Cross;

    public static AgreementCounts Count(StandardRecord[] records)
    {
        var cross = new double[Fields.Count][];
        var within = new double[Fields.Count][];
        for (var f = 0; f < Fields.Count; f++)
        {
            cross[f] = Enumerable.Repeat(double.NaN, Fields.LevelCount(f)).ToArray();
            within[f] = Enumerable.Repeat(double.NaN, Fields.LevelCount(f)).ToArray();
        }

        // Each kind of value counted on its own (the kinds run in parallel): one sorted array of hashes at a time.
        var totals = new (double Cross, double Within)[KindCount];
        Parallel.For(0, KindCount, k => totals[k] = AgreeingPairs(records, (Kind)k));

        void Set(int field, int level, double c, double w)
        {
            cross[field][level] = Math.Max(c, 0);
            within[field][level] = Math.Max(w, 0);
        }

        Set(Fields.Tin, 2, totals[0].Cross, totals[0].Within);
        Set(Fields.Moc, 2, totals[1].Cross, totals[1].Within);
        Set(Fields.Phone, 1, totals[2].Cross, totals[2].Within);
        Set(Fields.Email, 1, totals[3].Cross, totals[3].Within);
        Set(Fields.Name, 4, totals[4].Cross + totals[5].Cross - totals[6].Cross, totals[4].Within + totals[5].Within - totals[6].Within);
        Set(Fields.House, 2, totals[8].Cross, totals[8].Within);
        Set(Fields.House, 1, totals[7].Cross - totals[8].Cross, totals[7].Within - totals[8].Within);
        Set(Fields.Place, 4, totals[12].Cross, totals[12].Within);
        Set(Fields.Place, 3, totals[11].Cross - totals[12].Cross, totals[11].Within - totals[12].Within);
        Set(Fields.Place, 2, totals[10].Cross - totals[11].Cross, totals[10].Within - totals[11].Within);
        Set(Fields.Place, 1, totals[9].Cross - totals[10].Cross, totals[9].Within - totals[10].Within);
        Set(Fields.Isic, 2, totals[13].Cross, totals[13].Within);
        Set(Fields.Isic, 1, totals[14].Cross - totals[13].Cross, totals[14].Within - totals[13].Within);
        return new AgreementCounts(cross, within);
    }

    /// <summary>The kinds of value counted, in the order <see cref="Count"/> reads their totals.</summary>
    private enum Kind
    {
        Tin, Moc, Phone, Email, LatinName, KhmerName, BothNames, House, HouseAndStreet, Province, District, Commune, Village, Isic, IsicDivision,
    }

    private const int KindCount = 15;

    /// <summary>Pairs of records sharing a value of this kind, across registries and within one (a record's repeated value counts once).</summary>
    private static (double Cross, double Within) AgreeingPairs(StandardRecord[] records, Kind kind)
    {
        // 62 bits of the value's hash and 2 bits of feed in one sortable number: a run of one hash is one value.
        var keys = new List<ulong>(records.Length);
        foreach (var r in records)
        {
            void Add(ulong hash)
            {
                if (hash != 0)
                {
                    keys.Add((hash << 2) | (uint)r.Feed);
                }
            }

            switch (kind)
            {
                case Kind.Phone:
                    for (var i = 0; i < r.Phones.Length; i++)
                    {
                        if (Array.IndexOf(r.Phones, r.Phones[i]) == i)
                        {
                            Add(Hash(r.Phones[i]));
                        }
                    }

                    break;
                case Kind.BothNames:
                    Add(r.LatinJoined.Length > 0 && r.Khmer.Length > 0 ? Hash(r.Khmer, Hash(r.LatinJoined)) : 0);
                    break;
                case Kind.HouseAndStreet:
                    Add(r.House is null || r.Street is null ? 0 : Hash(r.Street, Hash(r.House)));
                    break;
                case Kind.IsicDivision:
                    Add(r.Isic is { Length: >= 2 } isic ? Hash(isic.AsSpan(0, 2)) : 0);
                    break;
                default:
                    Add(Hash(kind switch
                    {
                        Kind.Tin => r.Tin,
                        Kind.Moc => r.MocNo,
                        Kind.Email => r.Email,
                        Kind.LatinName => r.LatinJoined,
                        Kind.KhmerName => r.Khmer,
                        Kind.House => r.House,
                        Kind.Province => r.Place.Province,
                        Kind.District => r.Place.District,
                        Kind.Commune => r.Place.Commune,
                        Kind.Village => r.Place.Village,
                        _ => r.Isic,
                    }));
                    break;
            }
        }

        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys);
        sorted.Sort();
        double cross = 0, within = 0;
        Span<long> perFeed = stackalloc long[4];
        for (var s = 0; s < sorted.Length;)
        {
            perFeed.Clear();
            var e = s;
            while (e < sorted.Length && sorted[e] >> 2 == sorted[s] >> 2)
            {
                perFeed[(int)(sorted[e] & 3)]++;
                e++;
            }

            for (var f = 0; f < 3; f++)
            {
                within += perFeed[f] * (perFeed[f] - 1) / 2.0;
                for (var g = f + 1; g < 3; g++)
                {
                    cross += (double)perFeed[f] * perFeed[g];
                }
            }

            s = e;
        }

        return (cross, within);
    }

    /// <summary>FNV-1a of the text in 62 bits (0 for no text, so that 0 means "no value").</summary>
    private static ulong Hash(ReadOnlySpan<char> s, ulong h = Fnv1a.Offset) => s.IsEmpty ? 0 : Math.Max(Fnv1a.Add(h, s) >> 2, 1);
}
