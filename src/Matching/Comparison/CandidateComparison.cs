using Integration.Matching.Blocking;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Comparison;

/// <summary>
/// The compare stage: every candidate pair the block index yields, compared field by field in parallel into
/// its level pattern. Only (record, record, pattern) is kept: at national scale there are millions of pairs.
/// </summary>
internal static class CandidateComparison
{
    public static List<ComparedPair> Run(StandardRecord[] records, BlockIndex index)
    {
        // Records in ranges, each range's pairs in (A, B) order: joined in range order they are sorted
        // whatever the thread scheduling was, with no sort and no second copy of four million pairs.
        const int Range = 4096;
        var ranges = new ComparedPair[(records.Length + Range - 1) / Range][];
        Parallel.For(
            0,
            ranges.Length,
            () => (Found: new List<(int Record, int Keys)>(), Out: new List<ComparedPair>(), Identified: new long[2]),
            (r, _, local) =>
            {
                local.Out.Clear();
                for (var i = r * Range; i < Math.Min(records.Length, (r + 1) * Range); i++)
                {
                    index.Candidates(i, records, local.Found);
                    foreach (var (j, keys) in local.Found)
                    {
                        var pattern = PairComparer.Compare(records[i], records[j]);
                        local.Out.Add(new ComparedPair(i, j, pattern));
                        if (ModelTraining.SharesIdentifier(pattern))
                        {
                            // Blocking's recall, estimated: would the other keys have found this pair too?
                            local.Identified[0]++;
                            local.Identified[1] += (keys & ~BlockingKeyGenerator.IdentifierKeys) != 0 ? 1 : 0;
                        }
                    }
                }

                ranges[r] = local.Out.ToArray();
                return local;
            },
            local =>
            {
                lock (index.Stats)
                {
                    index.Stats.IdentifierCandidates += local.Identified[0];
                    index.Stats.IdentifierCandidatesByOtherKeys += local.Identified[1];
                }
            });

        var all = new List<ComparedPair>(ranges.Sum(p => p.Length));
        for (var r = 0; r < ranges.Length; r++)
        {
            all.AddRange(ranges[r]);
            ranges[r] = null!;
        }

        return all;
    }
}
