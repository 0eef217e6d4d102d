using Integration.Matching.Clustering;

namespace Integration.Matching.Tests;

/// <summary>The registry constraints of <see cref="Clusterer"/>: which joins it refuses and why.</summary>
public class ClusteringTests
{
    private const int Moc = 0, Gdt = 1, Nssf = 2;

    [Fact]
    public void A_branch_joins_an_enterprise_with_a_head_office_but_a_second_head_office_only_when_linked_to_the_first()
    {
        // Records: 0 MoC head office, 1 MoC branch, 2 GDT, 3 MoC another head office, 4 MoC head office linked to 0.
        int[] feeds = [Moc, Moc, Gdt, Moc, Moc];
        bool[] branch = [false, true, false, false, false];
        var c = new Clusterer(feeds, 4, [], 8, branch, new HashSet<(int, int)> { (0, 4) });
        Assert.True(c.TryUnion(0, 2));
        Assert.True(c.TryUnion(1, 2));
        Assert.False(c.TryUnion(3, 2));
        Assert.True(c.TryUnion(4, 2));
        Assert.Equal(c.Find(0), c.Find(4));
    }

    [Fact]
    public void Two_nssf_registrations_of_one_firm_share_an_enterprise_but_another_firms_never_joins_through_a_third_record()
    {
        // 0 GDT; 1 and 2 NSSF registrations of that firm (linked to each other); 3 NSSF of another firm carrying the GDT's TIN.
        int[] feeds = [Gdt, Nssf, Nssf, Nssf];
        var c = new Clusterer(feeds, 4, [], 8, null, new HashSet<(int, int)> { (1, 2) });
        Assert.True(c.TryUnion(0, 1));
        Assert.True(c.TryUnion(0, 2));
        Assert.False(c.TryUnion(0, 3));
        Assert.Equal(c.Find(1), c.Find(2));
        Assert.NotEqual(c.Find(0), c.Find(3));
    }

    [Fact]
    public void A_pair_of_one_registry_may_join_by_its_own_edge_but_not_past_the_cap_or_a_clerks_reject()
    {
        int[] feeds = [Nssf, Nssf, Nssf, Gdt];
        var c = new Clusterer(feeds, 2, [(1, 3)], 8, null, new HashSet<(int, int)> { (0, 2), (1, 2) });
        Assert.True(c.TryUnion(0, 1)); // their own edge (in the review band, say): no earlier link needed
        Assert.False(c.TryUnion(2, 0)); // a third NSSF record: over the cap of two
        Assert.False(c.TryUnion(3, 0)); // the GDT record was rejected against record 1 by a clerk
    }
}
