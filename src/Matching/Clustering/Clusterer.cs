using Integration.Matching.Scoring;

namespace Integration.Matching.Clustering;

/// <summary>
/// Greedy constrained clustering: edges in order of certainty (clerk accepts, verified identifiers, auto
/// links, review band; each by probability), joined with union-find unless the join would break a registry
/// constraint or join two records a clerk has rejected. An enterprise may hold several records of one
/// registry (a firm registered twice with NSSF, two TINs, two MoC head-office records), but two records of one
/// registry share an enterprise only when they are linked to each other directly at the automatic level (or
/// the join is their own pair): never through a third record. This is what stops a branch that uses its
/// parent's TIN, or a wrong cross-reference, from chaining two firms together: the NSSF record of the other
/// firm would have to look like the enterprise's own NSSF record. MoC records that name themselves branches
/// are licences of the same firm and join by any link.
/// </summary>
internal sealed class Clusterer
{
    private readonly int[] _parent;
    private readonly int[][] _feedCounts;
    private readonly List<int>[] _members;
    private readonly int[] _feedOf;
    private readonly bool[] _isBranch;
    private readonly int _maxPerFeed;
    private readonly int _maxMocRecords;
    private readonly HashSet<(int, int)> _rejected;
    private readonly IReadOnlySet<(int, int)> _directLinks;

    /// <param name="feedOfRecord">Per record, its registry (0 MoC, 1 GDT, 2 NSSF).</param>
    /// <param name="maxPerFeed">At most this many records of one registry per enterprise, MoC branches apart.</param>
    /// <param name="rejectedPairs">Pairs a clerk rejected: never in one enterprise.</param>
    /// <param name="maxMocRecords">At most this many MoC records per enterprise, branches included.</param>
    /// <param name="isBranch">Per record: a MoC record that names itself a branch.</param>
    /// <param name="directLinks">Pairs (A &lt; B) of records of one registry linked to each other automatically or by a clerk.</param>
    public Clusterer(int[] feedOfRecord, int maxPerFeed, IEnumerable<(int A, int B)> rejectedPairs, int maxMocRecords = 8, bool[]? isBranch = null,
        IReadOnlySet<(int, int)>? directLinks = null)
    {
        _isBranch = isBranch ?? new bool[feedOfRecord.Length];
        _maxMocRecords = Math.Max(maxMocRecords, maxPerFeed);
        _directLinks = directLinks ?? new HashSet<(int, int)>();
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

    /// <summary>Joins the clusters of a and b if the constraints allow; returns whether they are now one.</summary>
    public bool TryUnion(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return true;
        }

        var ca = Counts(ra);
        var cb = Counts(rb);
        for (var f = 0; f < 3; f++)
        {
            if (ca[f] + cb[f] > _maxPerFeed)
            {
                return false;
            }
        }

        // Slot 3 counts every MoC record, branches included.
        if (ca[3] + cb[3] > _maxMocRecords)
        {
            return false;
        }

        var ma = Members(ra);
        var mb = Members(rb);
        var edge = a < b ? (a, b) : (b, a);
        foreach (var x in ma)
        {
            foreach (var y in mb)
            {
                var pair = x < y ? (x, y) : (y, x);
                if (_rejected.Count > 0 && _rejected.Contains(pair))
                {
                    return false;
                }

                // Two records of one registry: only through their own pair, or already linked to each other.
                if (_feedOf[x] == _feedOf[y] && !_isBranch[x] && !_isBranch[y] && pair != edge && !_directLinks.Contains(pair))
                {
                    return false;
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

    /// <summary>Records per registry that are not MoC branches (slots 0-2), and MoC records of any kind (slot 3).</summary>
    private int[] NewCounts(int root)
    {
        var c = new int[4];
        if (!_isBranch[root])
        {
            c[_feedOf[root]] = 1;
        }

        if (_feedOf[root] == 0)
        {
            c[3] = 1;
        }

        return c;
    }

    private List<int> Members(int root) => _members[root] ??= [root];
}
