using System.Globalization;
using Integration.Core.Dates;
using Integration.Generator.Reference;
using Integration.Generator.Rendering;

namespace Integration.Generator.Model;

/// <summary>What <see cref="ExtraFacts"/> needs to know of a firm drawn by <see cref="FirmFactory"/>.</summary>
internal sealed record BaseFacts(
    FirmName Name,
    FirmAddress Address,
    DateOnly Founded,
    DateOnly? ClosedOn,
    int Workers,
    int NssfInsured,
    string? Tin,
    char TinLetter,
    DateOnly? MocRegisteredOn,
    DateOnly? NssfRegisteredOn,
    string NssfStatus);

/// <summary>
/// Draws the facts of the hard profile (<see cref="CompositionRates"/> from NssfDuplicateRate on) from a random
/// stream of their own, after <see cref="FirmFactory"/> drew the firm as in the default profile: so the hard profile
/// describes the same firms, then adds what real registers show of them. Only made when one of those rates is set.
/// </summary>
internal sealed class ExtraFacts(GeneratorOptions options, Random rng, Places places, Identifiers ids)
{
    private static readonly string[] CommonActivities = ["Mini Mart", "Trading", "Coffee", "Pharmacy", "Motor Repair", "Restaurant", "Beauty Salon"];
    private static readonly string[] ShopActivities = ["Mini Mart", "Trading", "Jewelry", "Electronics", "Beauty Salon", "Coffee", "Pharmacy", "Cosmetics", "Auto Parts", "Bakery", "Food"];

    private readonly CompositionRates _c = options.Composition;
    private readonly double[] _extendedAll = Weights.Cumulative(ExtendedActivities.All.Select(a => a.Weight));
    private readonly double[] _extendedLarge = Weights.Cumulative(ExtendedActivities.All.Select(a => a.LargeWeight));
    private readonly Dictionary<int, FirmAddress> _towers = [];
    private readonly List<TaxAgent> _agents = [];
    private IReadOnlyList<Core.Reference.GazetteerUnit>? _busy;

    public static bool AnyRate(CompositionRates c) =>
        c.NssfDuplicateRate + c.LapsedNssfRate + c.GdtDuplicateRate + c.MocReRegistrationRate + c.TranslatedNameRate + c.EnglishNameRate
        + c.ExtendedActivityRate + c.CommonNameRate + c.SharedBuildingRate + c.BuildingPremisesRate + c.BoreyPremisesRate
        + c.UnitPremisesRate + c.StallPremisesRate + c.ZoneLotRate + c.MovedRate + c.RenamedRate + c.FormChangeRate
        + c.StaleDistrictRate + c.ForeignOwnerPhoneRate + c.ForeignPhoneRate + c.TaxAgentRate > 0;

    private bool Chance(double p) => p > 0 && rng.NextDouble() < p;

    /// <summary>The firm's name under the hard profile: common, translated or English brand, maybe another line of business.</summary>
    public (FirmName Name, bool Common) Name(FirmName name, bool large)
    {
        var foreign = name.CambodiaTag || name.Form.EntityType is "FOREIGN_BRANCH" or "REPRESENTATIVE_OFFICE";
        if (!foreign && Chance(_c.CommonNameRate))
        {
            // A few combinations take most of these firms (skewed draw): the Heng Mini Marts of a khan.
            var combo = (int)(Math.Pow(rng.NextDouble(), 2.5) * CommonActivities.Length * BrandWords.Common.Count);
            var pick = CommonActivities[combo % CommonActivities.Length];
            var activity = Activities.All.First(a => a.NameEn == pick);
            return (name with { Stems = [BrandWords.Common[combo / CommonActivities.Length]], Activity = activity, Ampersand = false }, true);
        }

        if (Chance(_c.ExtendedActivityRate))
        {
            name = name with { Activity = ExtendedActivities.All[Weights.Pick(large ? _extendedLarge : _extendedAll, rng)] };
        }

        if (!foreign && Chance(_c.TranslatedNameRate))
        {
            var noun = BrandWords.Nouns[rng.Next(BrandWords.Nouns.Count)];
            var modifier = rng.NextDouble() < 0.7 ? BrandWords.Modifiers[rng.Next(BrandWords.Modifiers.Count)] : null;
            var english = modifier is null ? noun.English : modifier.English + " " + noun.English;
            var nounWord = new KhmerWord(noun.Km, noun.Romanised);
            IReadOnlyList<KhmerWord> stems = modifier is null ? [nounWord]
                : modifier.KhmerBefore ? [new KhmerWord(modifier.Km, modifier.Romanised), nounWord]
                : [nounWord, new KhmerWord(modifier.Km, modifier.Romanised)];
            return (name with { Stems = stems, Ampersand = false, English = english }, false);
        }

        if (Chance(_c.EnglishNameRate))
        {
            var count = 1 + rng.Next(3);
            var words = new List<KhmerWord>();
            while (words.Count < count)
            {
                var w = BrandWords.English[rng.Next(BrandWords.English.Count)];
                if (!words.Contains(w))
                {
                    words.Add(w);
                }
            }

            return (name with { Stems = words, Ampersand = false }, false);
        }

        return (name, false);
    }

    /// <summary>The firm's location under the hard profile: a busy district for a common name, named premises.</summary>
    public FirmAddress Address(FirmAddress a, FirmName name, bool common, bool large)
    {
        if (common)
        {
            _busy ??= places.BusyDistricts();
            var district = _busy[rng.Next(_busy.Count)];
            a = places.PickIn(places.Province(district.ProvinceCode) ?? a.Province, district.Level == Core.Reference.GazetteerLevel.Province ? null : district, rng);
        }

        var activity = name.Activity;
        if (large && activity.IsManufacturing && Chance(_c.ZoneLotRate))
        {
            var zone = Sites.Zones[rng.Next(Sites.Zones.Count)];
            var lot = rng.Next(3) == 0 ? (1 + rng.Next(200)).ToString(CultureInfo.InvariantCulture) : $"{(char)('A' + rng.Next(8))}-{1 + rng.Next(60)}";
            return a with { HouseNo = lot, Street = Places.MainStreet(a.Province.Code, rng), Premises = new Premises(PremisesKind.ZoneLot, zone, null, null) };
        }

        if (a.Province.Code == "12" && Chance(_c.SharedBuildingRate))
        {
            var t = rng.Next(Sites.Towers.Count);
            if (!_towers.TryGetValue(t, out var tower))
            {
                var at = places.PickIn(a.Province, null, rng);
                tower = at with { HouseNo = (1 + rng.Next(400)).ToString(CultureInfo.InvariantCulture), Street = Places.MainStreet("12", rng) };
                _towers[t] = tower;
            }

            var floor = 2 + rng.Next(30);
            return tower with { Premises = new Premises(PremisesKind.Tower, Sites.Towers[t], $"{floor}{rng.Next(1, 20):D2}", floor) };
        }

        if (ShopActivities.Contains(activity.NameEn) && Chance(_c.StallPremisesRate))
        {
            var market = a.Province.Code == "12" ? Sites.Markets[rng.Next(Sites.Markets.Count - 1)] : MarketOf(a);
            var stall = rng.Next(2) == 0 ? (1 + rng.Next(400)).ToString(CultureInfo.InvariantCulture) : $"{(char)('A' + rng.Next(6))}{1 + rng.Next(120)}";
            return a with { HouseNo = stall, Premises = new Premises(PremisesKind.Stall, market, null, null) };
        }

        var house = a.HouseNo.Length > 0 ? a.HouseNo : (1 + rng.Next(300)).ToString(CultureInfo.InvariantCulture);
        var u = rng.NextDouble();
        if (u < _c.BuildingPremisesRate || (u < _c.BuildingPremisesRate + _c.BoreyPremisesRate && a.Province.Code != "12"))
        {
            // Boreys are Phnom Penh's gated estates; elsewhere the same share lives in numbered buildings.
            var building = rng.Next(2) == 0 ? house : $"{1 + rng.Next(999)}{(rng.Next(3) == 0 ? ((char)('A' + rng.Next(4))).ToString() : "")}";
            return a with { HouseNo = building, Premises = new Premises(PremisesKind.Building, null, null, null) };
        }

        if (u < _c.BuildingPremisesRate + _c.BoreyPremisesRate && a.Province.Code == "12")
        {
            var borey = Sites.Boreys[rng.Next(Sites.Boreys.Count)];
            var no = rng.Next(3) == 0 ? $"{(char)('A' + rng.Next(8))}{1 + rng.Next(80)}" : house;
            return a with { HouseNo = no, Street = new Street($"St. {1 + rng.Next(40)}", "ផ្លូវលេខ " + KhmerDigits.Of(1 + rng.Next(40))), Premises = new Premises(PremisesKind.Borey, borey, null, null) };
        }

        if (u < _c.BuildingPremisesRate + _c.BoreyPremisesRate + _c.UnitPremisesRate)
        {
            var floor = 1 + rng.Next(9);
            return a with { HouseNo = house, Premises = new Premises(PremisesKind.Unit, null, $"{floor}{(char)('A' + rng.Next(6))}", floor) };
        }

        return a;
    }

    /// <summary>A provincial market named after the district (Phsar Battambang).</summary>
    private Reference.Site MarketOf(FirmAddress a)
    {
        return new Reference.Site($"{a.District.NameLatin} Market", "ផ្សារ" + a.District.NameKm, [$"Phsar {a.District.NameLatin}", $"Psar {a.District.NameLatin}"]);
    }

    /// <summary>Duplicate registrations, previous state, foreign contacts and tax agent of a firm.</summary>
    public FirmExtras Extras(BaseFacts f, bool foreignOwned, bool hasGdt)
    {
        var asOf = options.AsOf;
        FirmName? previousName = null;
        if (Chance(_c.RenamedRate))
        {
            previousName = f.Name with { Stems = [NameStems.Khmer[rng.Next(NameStems.Khmer.Count)]], English = null, Ampersand = false };
        }

        if (f.Name.Form.EntityType is "PRIVATE_LIMITED" or "SINGLE_MEMBER_PRIVATE_LIMITED" && Chance(_c.FormChangeRate))
        {
            previousName = (previousName ?? f.Name) with { Form = LegalForms.All[0] };
        }

        var previousAddress = Chance(_c.MovedRate)
            ? (rng.NextDouble() < 0.7 ? places.PickIn(f.Address.Province, null, rng) : places.Pick(rng))
            : null;
        var previousDistrict = Chance(_c.StaleDistrictRate) ? places.OtherDistrict(f.Address, rng) : null;
        var stale = previousName is not null || previousAddress is not null;

        var foreignPhone = Chance(foreignOwned ? _c.ForeignOwnerPhoneRate : _c.ForeignPhoneRate) ? ForeignMobile() : null;
        var headOffice = foreignOwned ? ForeignPlaces.HeadOffices[rng.Next(ForeignPlaces.HeadOffices.Count)] : null;
        var agent = hasGdt && Chance(_c.TaxAgentRate) ? Agent() : null;

        return new FirmExtras
        {
            Moc = f.MocRegisteredOn is { } moc && Chance(_c.MocReRegistrationRate) ? [EarlierMoc(moc, stale)] : [],
            Gdt = f.Tin is not null && Chance(_c.GdtDuplicateRate) ? [OlderTin(f, previousName is not null)] : [],
            Nssf = NssfDuplicates(f, stale, asOf),
            PreviousName = previousName,
            PreviousAddress = previousAddress,
            PreviousDistrict = previousDistrict,
            ForeignPhone = foreignPhone,
            HeadOffice = headOffice,
            Agent = agent,
        };
    }

    /// <summary>
    /// A second NSSF registration: for a registered firm, a CLOSED or SUSPENDED earlier one (re-registration) or, when
    /// the firm was registered soon after founding, a mistaken later one closed soon after; for an unregistered employer,
    /// a registration closed years ago although the firm kept its workers (lapsed).
    /// </summary>
    private IReadOnlyList<Registration> NssfDuplicates(BaseFacts f, bool stale, DateOnly asOf)
    {
        var opened = new DateOnly(2008, 3, 1);
        var status = rng.NextDouble() < 0.7 ? "CLOSED" : "SUSPENDED";
        if (f.NssfRegisteredOn is { } primary)
        {
            if (!Chance(_c.NssfDuplicateRate))
            {
                return [];
            }

            var earliest = f.Founded > opened ? f.Founded : opened;
            var room = primary.DayNumber - earliest.DayNumber;
            if (room >= 500)
            {
                var on = earliest.AddDays(rng.Next(room - 480));
                var ended = on.AddDays(180 + rng.Next(Math.Max(1, primary.DayNumber - on.DayNumber - 181)));
                return [Nssf(on, ended, status, f.NssfInsured, stale && rng.NextDouble() < 0.6, f.Address)];
            }

            var later = primary.AddDays(30 + rng.Next(370));
            var closed = later.AddDays(30 + rng.Next(170));
            return closed < asOf.AddDays(-1) ? [Nssf(later, closed, status, f.NssfInsured, false, f.Address)] : [];
        }

        if (f.Workers >= 5 && f.ClosedOn is null && Chance(_c.LapsedNssfRate))
        {
            var on = (f.Founded > opened ? f.Founded : opened).AddDays(30 + rng.Next(400));
            var ended = on.AddDays(180 + rng.Next(900));
            return ended < asOf.AddDays(-200) ? [Nssf(on, ended, "CLOSED", f.Workers, stale && rng.NextDouble() < 0.6, f.Address)] : [];
        }

        return [];
    }

    /// <summary>A closed registration shows no insured workers; a suspended one at most what the ACTIVE one shows.</summary>
    private Registration Nssf(DateOnly on, DateOnly ended, string status, int insured, bool stale, FirmAddress address) =>
        new(ids.NextNssfId(address.Province.Code), status, on, ended, status == "CLOSED" ? 0 : Math.Max(1, insured), null, stale);

    /// <summary>An older TIN: issued before the current one (often to the sole proprietorship the company grew from).</summary>
    private Registration OlderTin(BaseFacts f, bool formChanged)
    {
        var letter = formChanged || rng.Next(2) == 0 ? 'E' : f.TinLetter;
        var on = f.Founded.AddDays(-rng.Next(1500));
        on = on < new DateOnly(1995, 1, 1) ? new DateOnly(1995, 1, 1) : on;
        var u = rng.Next(10);
        var status = u < 5 ? "DEREGISTERED" : u < 8 ? "DORMANT" : "ACTIVE";
        var month = Month.Of(options.AsOf).Index;
        int? period = f.Workers > 0 && rng.Next(2) == 0 ? month - 14 - rng.Next(24) : null;
        return new Registration(ids.NextTin(letter, f.Address.Province.Code), status, on, status == "DEREGISTERED" ? f.Founded.AddDays(rng.Next(400)) : null,
            period is null ? null : Math.Max(1, f.Workers), period, true);
    }

    /// <summary>An earlier MoC registration of the same business (the pre-2020 register), struck off or left ACTIVE.</summary>
    private Registration EarlierMoc(DateOnly registeredOn, bool stale)
    {
        var on = registeredOn.AddDays(-365 - rng.Next(2600));
        on = on < new DateOnly(1995, 1, 1) ? new DateOnly(1995, 1, 1) : on;
        var u = rng.Next(10);
        var status = u < 4 ? "STRUCK_OFF" : u < 7 ? "DISSOLVED" : "ACTIVE";
        return new Registration(ids.NextRegistrationNo(on), status, on, status == "ACTIVE" ? null : registeredOn.AddDays(-rng.Next(1, 300)), null, null, stale || rng.Next(2) == 0);
    }

    /// <summary>A foreign mobile number: country code, a space, the national number (86 13912345678).</summary>
    private string ForeignMobile()
    {
        var (code, pattern) = ForeignPlaces.Mobiles[rng.Next(ForeignPlaces.Mobiles.Count)];
        var digits = pattern.Select(c => c == 'x' ? (char)('0' + rng.Next(10)) : c).ToArray();
        return code + " " + new string(digits);
    }

    /// <summary>One of a pool of tax agents (one per 250 firms), each with its own office phone and e-mail.</summary>
    private TaxAgent Agent()
    {
        var pool = Math.Max(5, options.Scale / 250);
        var i = rng.Next(pool);
        while (_agents.Count <= i)
        {
            var n = _agents.Count + 1;
            var phone = "023" + (200_000 + rng.Next(800_000)).ToString(CultureInfo.InvariantCulture);
            string[] names = ["taxservice", "accounting", "taxagent", "bookkeeping", "taxconsult"];
            _agents.Add(new TaxAgent(phone, $"{names[n % names.Length]}{n}@gmail.com"));
        }

        return _agents[i];
    }
}
