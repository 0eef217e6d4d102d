using Integration.Matching.Scoring;

namespace Integration.Matching.Clustering;

/// <summary>
/// Greedy constrained clustering: edges in order of certainty (clerk accepts, verified identifiers, auto
/// links, review band; each by probability), joined with union-find unless the join would put more than
/// the allowed number of records of one registry into one enterprise, or join two records a clerk has
/// rejected. This is what stops a branch that uses its parent's TIN, or a wrong cross-reference, from
/// chaining two firms together: the better-supported link is taken first and the other is refused.
/// </summary>
public sealed class Clusterer
{
    private readonly int[] _parent;
    private readonly int[][] _feedCounts;
    private readonly List<int>[] _members;
    private readonly int[] _feedOf;
    private readonly int _maxPerFeed;
    private readonly int _maxMocByIdentifier;
    private readonly HashSet<(int, int)> _rejected;

    private readonly bool[] _isBranch;

    /// <param name="isBranch">
    /// Per record: a MoC record that names itself a branch. An enterprise holds at most one MoC record that
    /// is not a branch (the head office) unless a verified identifier or a clerk joins more; branches join
    /// it by any link, up to <paramref name="maxMocByIdentifier"/> MoC records in all.
    /// </param>
    public Clusterer(int[] feedOfRecord, int maxPerFeed, IEnumerable<(int A, int B)> rejectedPairs, int maxMocByIdentifier = 1, bool[]? isBranch = null)
    {
        _isBranch = isBranch ?? new bool[feedOfRecord.Length];
        _maxMocByIdentifier = Math.Max(maxMocByIdentifier, maxPerFeed);
        var n = feedOfRecord.Length;
        _feedOf = feedOfRecord;
        _parent = new int[n];
        _feedCounts = new int[n][];
        _members = new List<int>[n];
        _maxPerFeed = maxPerFeed;
        _rejected = [];
        foreach (var (a, b) in rejectedPairs)
        {
            _rejected.Add(a < b ? (a, b) : (b, a));
        }

        for (var i = 0; i < n; i++)
        {
            _parent[i] = i;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    /// <summary>
    /// Joins the clusters of a and b if the constraints allow; returns whether they are now one.
    /// <paramref name="byIdentifier"/>: the edge is a verified identifier or a clerk's accept, which may
    /// bring a further MoC record (a branch) into an enterprise.
    /// </summary>
    public bool TryUnion(int a, int b, bool byIdentifier = false)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return true;
        }

        var ca = Counts(ra);
        var cb = Counts(rb);
        for (var f = 0; f < ca.Length; f++)
        {
            // Slot 3 counts head offices (MoC records that are not branches).
            var max = f == 0 ? _maxMocByIdentifier : f == 3 && byIdentifier ? _maxMocByIdentifier : _maxPerFeed;
            if (ca[f] + cb[f] > max)
            {
                return false;
            }
        }

        var ma = Members(ra);
        var mb = Members(rb);
        if (_rejected.Count > 0)
        {
            foreach (var x in ma)
            {
                foreach (var y in mb)
                {
                    if (_rejected.Contains(x < y ? (x, y) : (y, x)))
                    {
                        return false;
                    }
                }
            }
        }

        // Union by size; the surviving root takes the members and counts.
        if (ma.Count < mb.Count)
        {
            (ra, rb) = (rb, ra);
            (ca, cb) = (cb, ca);
            (ma, mb) = (mb, ma);
        }

        _parent[rb] = ra;
        for (var f = 0; f < ca.Length; f++)
        {
            ca[f] += cb[f];
        }

        ma.AddRange(mb);
        _members[rb] = null!;
        _feedCounts[rb] = null!;
        return true;
    }

    /// <summary>The clusters as member lists (sorted), in order of their smallest member.</summary>
    public List<int[]> Clusters()
    {
        var byRoot = new Dictionary<int, List<int>>();
        for (var i = 0; i < _parent.Length; i++)
        {
            var r = Find(i);
            if (!byRoot.TryGetValue(r, out var list))
            {
                byRoot[r] = list = [];
            }

            list.Add(i);
        }

        return byRoot.Values.Select(l => l.ToArray()).OrderBy(a => a[0]).ToList();
    }

    public static IReadOnlyList<LinkEdge> Order(IEnumerable<LinkEdge> edges) =>
        edges.OrderBy(e => e.Method).ThenByDescending(e => e.Probability).ThenByDescending(e => e.Weight)
            .ThenBy(e => e.A).ThenBy(e => e.B).ToList();

    private int[] Counts(int root) => _feedCounts[root] ??= NewCounts(root);

    private int[] NewCounts(int root)
    {
        var c = new int[4];
        c[_feedOf[root]] = 1;
        if (_feedOf[root] == 0 && !_isBranch[root])
        {
            c[3] = 1;
        }

        return c;
    }

    private List<int> Members(int root) => _members[root] ??= [root];
}
