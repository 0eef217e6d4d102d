using Integration.Core.Reference;
using Integration.Matching.Clustering;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>
/// <see cref="SecondChanceDirectors"/> through <see cref="SecondChanceEmployers.Find"/>: a free NSSF or GDT record
/// registered under the MoC director's own name is kept as an unjoined review pair with the director's enterprise,
/// when nothing says two firms and either something else agrees or the person is rare among them.
/// </summary>
public class SecondChanceDirectorsTests
{
    private const int Moc = 0, Gdt = 1, Nssf = 2;
    private const string Street = "No 41, St. 26, Kanlaeng Chrov, Krabau, Kamchay Mear, Prey Veng";

    private static readonly Lazy<Standardiser> Standardiser = new(() => new Standardiser(Gazetteer.Shipped.Value));

    private static StandardRecord Licence(string key, string name, string director, string address, string? province = null) =>
        Standardiser.Value.Standardise(new SourceRecord { Feed = Moc, SourceKey = key, OwnMocNo = key, NameEn = name, DirectorName = director, Address = address, Province = province });

    private static StandardRecord Registered(int feed, string key, string name, string address, string? province = null, string? mocRef = null) =>
        Standardiser.Value.Standardise(new SourceRecord { Feed = feed, SourceKey = key, NameEn = name, Address = address, Province = province, RefMocNo = mocRef });

    /// <summary>Every pair scores 0.001: far below the floor, as the model scores a shop's name against its owner's.</summary>
    private static PairDecision Unlikely(int a, int b, int pattern) => new(pattern, -10, 0.001, null);

    private static readonly MatchingOptions Options = new() { SecondChanceThreshold = 0.05, ReviewThreshold = 0.8 };

    private static List<(int, int)> Pairs(StandardRecord[] records, MatchingOptions? options = null) =>
        [.. SecondChanceEmployers.Find(records, [.. Enumerable.Range(0, records.Length).Select(i => new[] { i })], [], [], Unlikely, options ?? Options).Pairs.Select(e => (e.A, e.B)).Order()];

    [Fact]
    public void An_employer_registered_under_the_directors_name_at_the_same_address_is_kept_as_a_review_pair()
    {
        StandardRecord[] records =
        [
            Licence("M1", "Dara Mini Mart", "SOK DARA", Street),
            Registered(Nssf, "N1", "Dara Sok", Street),
            Licence("M2", "Vanna Pharmacy", "Chan Vanna", Street),
        ];

        Assert.Equal([(0, 1)], Pairs(records));
        Assert.Empty(Pairs(records, new MatchingOptions { SecondChanceThreshold = 0.05, ReviewThreshold = 0.8, SecondChanceNamesakes = 0 }));
    }

    [Fact]
    public void A_taxpayer_under_the_owners_name_with_the_shop_in_brackets_is_kept_for_a_licence_without_headcount()
    {
        StandardRecord[] records =
        [
            Licence("M1", "Dara Mini Mart", "Sok Dara", Street),
            Registered(Gdt, "G1", "SOK DARA (DARA MINIMART)", Street),
        ];

        Assert.Equal([(0, 1)], Pairs(records));
    }

    [Fact]
    public void A_blank_address_is_kept_only_while_the_person_is_rare_among_the_enterprises_searched()
    {
        StandardRecord[] rare =
        [
            Licence("M1", "Dara Mini Mart", "Sok Dara", Street),
            Registered(Nssf, "N1", "Sok Dara", ""),
        ];
        StandardRecord[] common =
        [
            Licence("M1", "Dara Mini Mart", "Sok Dara", Street),
            Licence("M2", "Golden Tailor", "Sok Dara", "No 9, St. 2, Chbar Ampov, Phnom Penh"),
            Licence("M3", "Sok Dara Rice Mill", "Sok Dara", "Battambang"),
            Registered(Nssf, "N1", "Sok Dara", ""),
        ];

        Assert.Equal([(0, 1)], Pairs(rare));
        Assert.Empty(Pairs(common));
    }

    [Fact]
    public void A_differing_cross_reference_is_overruled_by_an_agreeing_address_only()
    {
        StandardRecord[] agreeing =
        [
            Licence("M1", "Dara Mini Mart", "Sok Dara", Street),
            Registered(Nssf, "N1", "Sok Dara", Street, mocRef: "99999999"),
        ];
        StandardRecord[] blank =
        [
            Licence("M1", "Dara Mini Mart", "Sok Dara", Street),
            Registered(Nssf, "N1", "Sok Dara", "", mocRef: "99999999"),
        ];

        Assert.Equal([(0, 1)], Pairs(agreeing));
        Assert.Empty(Pairs(blank));
    }

    [Fact]
    public void An_enterprise_with_an_agreeing_namesake_keeps_only_that_one()
    {
        StandardRecord[] records =
        [
            Licence("M1", "Dara Mini Mart", "Sok Dara", Street),
            Registered(Gdt, "G1", "Sok Dara", Street),
            Registered(Gdt, "G2", "Sok Dara", "Prey Veng"),
        ];

        Assert.Equal([(0, 1)], Pairs(records));
    }

    [Fact]
    public void The_directors_name_in_another_province_is_two_people()
    {
        StandardRecord[] records =
        [
            Licence("M1", "Dara Mini Mart", "Sok Dara", "", province: "Prey Veng"),
            Registered(Nssf, "N1", "Sok Dara", "", province: "Battambang"),
        ];

        Assert.Empty(Pairs(records));
    }
}
