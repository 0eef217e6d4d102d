using Integration.Matching.Comparison;
using Integration.Matching.Incremental;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Tests;

/// <summary>
/// What tells one firm's records from namesakes: the line of business beside an agreeing name as much as the data's
/// namesakes say, the kind of establishment a name says, a phone no other record carries, and agreeing names within
/// one registry.
/// </summary>
public class NamesakeEvidenceTests
{
    private static double[][] Table(double value) => Enumerable.Range(0, Fields.Count).Select(f => Enumerable.Repeat(value, Fields.LevelCount(f)).ToArray()).ToArray();

    private static int Pack(params (int Field, int Level)[] levels)
    {
        Span<int> all = stackalloc int[Fields.Count];
        all.Fill(-1);
        foreach (var (f, l) in levels)
        {
            all[f] = l;
        }

        return Pattern.Pack(all);
    }

    [Fact]
    public void Namesakes_share_a_line_of_business_as_often_as_the_data_says_and_too_few_say_nothing()
    {
        var namesake = Pack((Fields.Name, 4), (Fields.Place, 0), (Fields.Isic, 2));
        var otherLine = Pack((Fields.Name, 4), (Fields.Place, 0), (Fields.Isic, 0));
        var samePlace = Pack((Fields.Name, 4), (Fields.Place, 4), (Fields.Isic, 2)); // not a namesake by place: not counted
        var sharedPhone = Pack((Fields.Name, 4), (Fields.Place, 0), (Fields.Isic, 2), (Fields.Phone, 1)); // one firm moved, likely: not counted

        var u = ModelTraining.IsicUBesideName(new Dictionary<int, long> { [namesake] = 10, [otherLine] = 30, [samePlace] = 500, [sharedPhone] = 50 });

        Assert.Equal(10.5 / 41, u!.Value, 6);
        Assert.Null(ModelTraining.IsicUBesideName(new Dictionary<int, long> { [namesake] = 10, [otherLine] = 19, [samePlace] = 500 }));
    }

    [Fact]
    public void The_same_class_beside_an_agreeing_name_weighs_by_the_namesakes_share_never_more_than_alone_and_nothing_without_it()
    {
        var m = Table(0.5);
        var u = Table(0.001);
        m[Fields.Isic][2] = 0.95;
        u[Fields.Isic][2] = 0.05;
        var records = TestRecords.Standardise(
        [
            TestRecords.Source(Feeds.Moc, "M1", "Vathanak Restaurant") with { IsicCode = "5610" },
            TestRecords.Source(Feeds.Gdt, "K001-100000001", "Vathanak Restaurant") with { IsicCode = "5610" },
            TestRecords.Source(Feeds.Gdt, "K001-100000002", "Sokha Kim Trading") with { IsicCode = "5610" },
        ]);
        var scoring = new PairScoring(records);
        double IsicWeight(FellegiSunterModel model, int a, int b) => scoring.FieldWeights(model, a, b, PairComparer.Compare(records[a], records[b]))[Fields.Isic];

        var learned = new FellegiSunterModel(m, u, 0.001, isicUBesideName: 0.25);
        var unknown = new FellegiSunterModel(m, u, 0.001);
        var common = new FellegiSunterModel(m, u, 0.001, isicUBesideName: 0.001); // namesakes rarer than strangers: capped at the weight alone

        Assert.Equal(Math.Log2(0.95 / 0.25), IsicWeight(learned, 0, 1), 6);
        Assert.Equal(0, IsicWeight(unknown, 0, 1));
        Assert.Equal(Math.Log2(0.95 / 0.05), IsicWeight(common, 0, 1), 6);
        Assert.Equal(Math.Log2(0.95 / 0.05), IsicWeight(learned, 0, 2), 6); // different names: the class weighs alone
        Assert.Equal(0, new FellegiSunterModel(m, u, 0.001, isicUBesideName: 0.99).IsicWeightBesideName(false)); // never against the pair
    }

    [Theory]
    [InlineData("Ritz-Carlton Cafe (Buckhead)", "Dining Room, Ritz-Carlton Buckhead", true)]
    [InlineData("Restaurant Ritz-Carlton Atlanta", "Ritz-Carlton Cafe (Atlanta)", true)]
    [InlineData("Golden Lotus Hotel", "Golden Lotus Restaurant", true)]
    [InlineData("Heng Coffee", "Heng Cafe", false)] // one kind's words
    [InlineData("Heng Coffee Shop", "Heng Coffee House", false)]
    [InlineData("Chan Restaurant", "Chan Restaurant & Bar", false)] // a kind in common
    [InlineData("Bopha Trading", "Bopha Shop", false)] // words of trade name no kind
    [InlineData("Bopha Mini Mart", "Bopha Trading", false)] // a kind on one side only
    [InlineData("Dara Pharmacy", "Dara Drug Store", false)]
    [InlineData("Sokha Dental Clinic", "Sokha Clinic", false)]
    public void Two_names_that_say_two_kinds_of_establishment_are_different(string a, string b, bool different)
    {
        var records = TestRecords.Standardise([TestRecords.Source(Feeds.Moc, "M1", a), TestRecords.Source(Feeds.Nssf, "N1", b)]);

        var level = NameSimilarity.Level(records[0], records[1]);

        Assert.Equal(different, EstablishmentKinds.Conflict(records[0].Kinds, records[1].Kinds));
        if (different)
        {
            Assert.Equal(0, level);
        }
        else
        {
            Assert.True(level > 0, $"{a} / {b}: level {level}");
        }
    }

    [Fact]
    public void Khmer_names_say_their_kind_too()
    {
        var records = TestRecords.Standardise(
        [
            TestRecords.Source(Feeds.Moc, "M1", null) with { NameKm = "ភោជនីយដ្ឋាន វឌ្ឍនៈ" },
            TestRecords.Source(Feeds.Gdt, "K001-100000001", "Vathanak Cafe"),
            TestRecords.Source(Feeds.Gdt, "K001-100000002", "Vathanak Restaurant"),
        ]);

        Assert.Equal(EstablishmentKind.Dining, records[0].Kinds);
        Assert.True(EstablishmentKinds.Conflict(records[0].Kinds, records[1].Kinds));
        Assert.False(EstablishmentKinds.Conflict(records[0].Kinds, records[2].Kinds));
    }

    [Fact]
    public void Different_names_link_across_registries_on_the_same_house_and_a_phone_no_other_record_carries()
    {
        var records = TestRecords.Standardise(
        [
            // A firm listed by its operator in one register and its school in the other: one line of its own.
            TestRecords.Source(Feeds.Moc, "M1", "Chicago Public Schools Peck", house: "3826", phone: "773 535 2450") with { Street = "W 59th St" },
            TestRecords.Source(Feeds.Nssf, "N1", "Little Angels Learning", house: "3826", phone: "773 535 2450") with { Street = "W 59th St" },
            // Outlets of one casino: the switchboard is carried by a third record of one of the registries.
            TestRecords.Source(Feeds.Moc, "M2", "Palace Court", house: "3570", phone: "702 731 7547") with { Street = "Las Vegas Blvd" },
            TestRecords.Source(Feeds.Nssf, "N2", "Roma Terrace", house: "3570", phone: "702 731 7547") with { Street = "Las Vegas Blvd" },
            TestRecords.Source(Feeds.Nssf, "N3", "Bacchanal", house: "3570", phone: "702 731 7547") with { Street = "Las Vegas Blvd" },
            // One line, one house, two kinds of establishment.
            TestRecords.Source(Feeds.Moc, "M3", "Binions Coffee Shop", house: "128", phone: "702 382 1600") with { Street = "Fremont St" },
            TestRecords.Source(Feeds.Nssf, "N4", "The Steakhouse", house: "128", phone: "702 382 1600") with { Street = "Fremont St" },
            // Two records of one registry: as often two outlets of one building.
            TestRecords.Source(Feeds.Moc, "M4", "Bistro", house: "3400", phone: "702 791 7111") with { Street = "Las Vegas Blvd" },
            TestRecords.Source(Feeds.Moc, "M5", "Mikado", house: "3400", phone: "702 791 7111") with { Street = "Las Vegas Blvd" },
        ]);
        var scoring = new PairScoring(records);
        bool Corroborated(int a, int b)
        {
            var pattern = PairComparer.Compare(records[a], records[b]);
            Assert.False(Fields.NameAgrees(Pattern.Level(pattern, Fields.Name)) || Fields.NameWeak(Pattern.Level(pattern, Fields.Name)));
            return LinkDecision.Corroborated(pattern, scoring, a, b);
        }

        Assert.True(scoring.ExclusivePhone(0, 1));
        Assert.True(Corroborated(0, 1));
        Assert.False(scoring.ExclusivePhone(2, 3));
        Assert.False(Corroborated(2, 3));
        Assert.True(scoring.ExclusivePhone(5, 6));
        Assert.False(Corroborated(5, 6));
        Assert.True(scoring.ExclusivePhone(7, 8));
        Assert.False(Corroborated(7, 8));
    }

    [Fact]
    public void Across_registries_a_weak_name_likeness_at_the_same_number_and_street_is_corroborated()
    {
        var records = TestRecords.Standardise(
        [
            TestRecords.Source(Feeds.Moc, "M1", "Sunrise Kids Learning Center", house: "4747") with { Street = "S Bishop St" },
            TestRecords.Source(Feeds.Nssf, "N1", "Sunrise Early Childhood Program", house: "4747") with { Street = "S Bishop St" },
            // The number alone: one fact.
            TestRecords.Source(Feeds.Nssf, "N2", "Sunrise Early Childhood Program", house: "4747"),
            // Two records of one registry at one number and street: as often two tenants of one building.
            TestRecords.Source(Feeds.Moc, "M2", "Sunrise Early Childhood Program", house: "4747") with { Street = "S Bishop St" },
        ]);
        var scoring = new PairScoring(records);
        // The names as weak as a share of words (1) or a faint cross-script sound (5), whatever the comparer says of them.
        bool Corroborated(int a, int b, int house, int name)
        {
            var pattern = Pattern.With(PairComparer.Compare(records[a], records[b]), Fields.Name, name);
            Assert.Equal(house, Pattern.Level(pattern, Fields.House));
            return LinkDecision.Corroborated(pattern, scoring, a, b);
        }

        foreach (var name in new[] { 1, 5 })
        {
            Assert.True(Corroborated(0, 1, 2, name));
            Assert.False(Corroborated(0, 2, 1, name));
            Assert.False(Corroborated(0, 3, 2, name));
        }
    }

    [Fact]
    public void Premises_that_more_records_of_a_registry_give_than_one_firm_has_are_no_evidence()
    {
        const string headOffice = "No. 88 Jianguo Road, Chaoyang District, Beijing, China";
        var records = TestRecords.Standardise(
        [
            // A foreign parent's head office given by four of its licensees: the group's address, not a firm's.
            TestRecords.Source(Feeds.Moc, "M1", "Everglory Bakery") with { Address = headOffice },
            TestRecords.Source(Feeds.Moc, "M2", "Everglory Bakery (Cambodia)") with { Address = headOffice },
            TestRecords.Source(Feeds.Moc, "M3", "Everglory Trading") with { Address = headOffice },
            TestRecords.Source(Feeds.Moc, "M4", "Everglory Logistics") with { Address = headOffice },
            TestRecords.Source(Feeds.Nssf, "N1", "Everglory Bakery Co Ltd") with { Address = headOffice },
            // One firm's own premises, given by its licence and its employer record only.
            TestRecords.Source(Feeds.Moc, "M5", "Sunrise Kids Learning Center") with { Address = "4747 S Bishop St, Chicago, IL 60609" },
            TestRecords.Source(Feeds.Nssf, "N2", "Sunrise Kids Learning Centre") with { Address = "4747 S Bishop St, Chicago, IL 60609" },
        ]);
        var scoring = new PairScoring(records);
        var model = new FellegiSunterModel(Table(0.5), Table(0.01), 0.001);
        double House(int a, int b) => scoring.FieldWeights(model, a, b, PairComparer.Compare(records[a], records[b]))[Fields.House];

        Assert.Equal(2, Pattern.Level(PairComparer.Compare(records[0], records[4]), Fields.House));
        Assert.False(scoring.SpecificPremises(0, 4));
        Assert.Equal(0, House(0, 4));
        Assert.False(LinkDecision.Corroborated(PairComparer.Compare(records[0], records[4]), scoring, 0, 4));

        Assert.True(scoring.SpecificPremises(5, 6));
        Assert.True(House(5, 6) > 0);
        Assert.True(LinkDecision.Corroborated(PairComparer.Compare(records[5], records[6]), scoring, 5, 6));
    }

    [Fact]
    public void Within_one_registry_different_names_join_on_house_class_and_a_phone_of_their_own()
    {
        var records = TestRecords.Standardise(
        [
            // A sole proprietorship registered twice at GDT: under its shop's name and under its owner's name.
            TestRecords.Source(Feeds.Gdt, "G1", "Bayon Restaurant Sole Proprietorship", house: "81", phone: "016 537 563", tin: "335573129") with { Street = "St. 24", IsicCode = "5610" },
            TestRecords.Source(Feeds.Gdt, "G2", "Chan Sophea", house: "81", phone: "016 537 563", tin: "617539140") with { Street = "St. 24", IsicCode = "5610" },
            // Two outlets of one hotel on its switchboard, no class given: a clerk looks first.
            TestRecords.Source(Feeds.Moc, "M4", "Bistro", house: "3400", phone: "702 791 7111") with { Street = "Las Vegas Blvd" },
            TestRecords.Source(Feeds.Moc, "M5", "Mikado", house: "3400", phone: "702 791 7111") with { Street = "Las Vegas Blvd" },
            // Classed alike, but a third record of the registry carries the number: an agent's or a building's line.
            TestRecords.Source(Feeds.Gdt, "G3", "Sokha Trading", house: "12", phone: "012 558 204", tin: "324419183") with { Street = "St. 5", IsicCode = "4690" },
            TestRecords.Source(Feeds.Gdt, "G4", "Ly Huot", house: "12", phone: "012 558 204", tin: "606385194") with { Street = "St. 5", IsicCode = "4690" },
            TestRecords.Source(Feeds.Gdt, "G5", "Meas Import Export", house: "14", phone: "012 558 204", tin: "702885111") with { Street = "St. 5", IsicCode = "4690" },
            // Another house: two firms.
            TestRecords.Source(Feeds.Gdt, "G6", "Vibol Pharmacy", house: "9", phone: "017 275 476", tin: "935853562") with { Street = "St. 34", IsicCode = "4772" },
            TestRecords.Source(Feeds.Gdt, "G7", "Heng Metta", house: "104", phone: "017 275 476", tin: "653887551") with { Street = "St. 34", IsicCode = "4772" },
        ]);
        var scoring = new PairScoring(records);
        bool Joins(int a, int b)
        {
            var pattern = PairComparer.Compare(records[a], records[b]);
            Assert.Equal(0, Pattern.Level(pattern, Fields.Name));
            return LinkDecision.OneFirmUnderTwoNames(pattern, scoring, a, b);
        }

        Assert.True(Joins(0, 1));
        Assert.False(Joins(2, 3));
        Assert.False(Joins(4, 5));
        Assert.False(Joins(7, 8));
    }

    [Fact]
    public void An_incremental_run_keeps_the_kinds_and_the_namesakes_isic_share_of_the_last_full_run()
    {
        var record = TestRecords.Standardise([TestRecords.Source(Feeds.Moc, "M1", "Heng Restaurant & Bar")])[0];
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            StandardRecordCodec.Write(w, record, "hash", new StandardRecordCodec());
        }

        stream.Position = 0;
        using var r = new BinaryReader(stream);
        Assert.Equal(EstablishmentKind.Dining | EstablishmentKind.Bar, StandardRecordCodec.Read(r, new StandardRecordCodec(), (_, _) => null).Record.Kinds);

        var model = new FellegiSunterModel(Table(0.5), Table(0.001), 0.001, isicUBesideName: 0.4069);
        var back = ModelState.FromBytes(ModelState.Of("run", "2026-01-01T00:00:00Z", "f", model, 3).ToBytes()).Model();
        Assert.Equal(0.4069, back.IsicUBesideName);
    }

    [Fact]
    public void Within_one_registry_agreeing_names_in_the_review_band_join_unless_something_of_one_firm_disagrees()
    {
        var agree = Pack((Fields.Name, 4), (Fields.Place, 4), (Fields.Isic, 2));

        Assert.True(LinkDecision.AgreeingNamesUncontradicted(agree));
        Assert.True(LinkDecision.AgreeingNamesUncontradicted(Pattern.With(agree, Fields.Name, 3)));
        Assert.False(LinkDecision.AgreeingNamesUncontradicted(Pattern.With(agree, Fields.House, 0)));
        Assert.False(LinkDecision.AgreeingNamesUncontradicted(Pattern.With(agree, Fields.Phone, 0)));
        Assert.False(LinkDecision.AgreeingNamesUncontradicted(Pattern.With(agree, Fields.Email, 0)));
        Assert.False(LinkDecision.AgreeingNamesUncontradicted(Pattern.With(agree, Fields.Name, 1))); // words in common only
        Assert.False(LinkDecision.AgreeingNamesUncontradicted(Pattern.With(agree, Fields.Name, 0)));
    }
}
