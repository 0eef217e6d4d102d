using System.Text;

namespace Integration.Matching.Standardisation;

/// <summary>The kind of place a name says a business is, when it says one; several when it names several ("Restaurant &amp; Bar").</summary>
[Flags]
public enum EstablishmentKind
{
    None = 0,
    Dining = 1,
    Cafe = 2,
    Bar = 4,
    Lodging = 8,
    Health = 16,
    Beauty = 32,
    School = 64,
    Grocery = 128,
    Garage = 256,
}

/// <summary>
/// Words that name the kind of establishment (restaurant, cafe, hotel, clinic, school...), grouped so that the words
/// one kind goes by are one kind (coffee / cafe / coffee house, clinic / dental / pharmacy, guesthouse / hotel). Two
/// outlets in one building often differ only by this word ("Ritz-Carlton Cafe" / "Ritz-Carlton Dining Room"), so two
/// names that each name a kind and share none are names of two establishments, however alike the rest is
/// (<see cref="Comparison.NameSimilarity"/>). Generic words of trade (trading, shop, store, enterprise, group, food)
/// name no kind: registers add, drop and swap those freely. Domain vocabulary, not data: extend it when real
/// extracts show other kinds.
/// </summary>
internal static class EstablishmentKinds
{
    private static readonly (EstablishmentKind Kind, string[] Latin, string[] Khmer)[] Words =
    [
        (EstablishmentKind.Dining, ["restaurant", "resto", "dining", "steakhouse", "grill", "bistro", "brasserie", "diner", "eatery", "bbq", "barbecue", "pizzeria", "buffet", "noodle", "noodles"], ["ភោជនីយដ្ឋាន", "អាហារដ្ឋាន"]),
        (EstablishmentKind.Cafe, ["cafe", "coffee", "tea", "teahouse", "bakery", "cake", "patisserie"], ["កាហ្វេ", "នំប៉័ង"]),
        (EstablishmentKind.Bar, ["bar", "pub", "lounge", "karaoke", "nightclub", "tavern", "brewery"], ["ខារ៉ាអូខេ"]),
        (EstablishmentKind.Lodging, ["hotel", "guesthouse", "motel", "hostel", "resort", "villa", "lodge"], ["សណ្ឋាគារ", "ផ្ទះសំណាក់", "រីសត"]),
        (EstablishmentKind.Health, ["clinic", "clinique", "polyclinic", "dental", "dentist", "hospital", "pharmacy", "pharmacie", "pharmaceutical", "drug", "medical", "laboratory", "optical", "veterinary"], ["គ្លីនិក", "មន្ទីរពេទ្យ", "ឱសថស្ថាន"]),
        (EstablishmentKind.Beauty, ["spa", "massage", "salon", "beauty", "cosmetics", "barber"], ["ស្ប៉ា", "សាឡន", "ម៉ាស្សា", "សម្ផស្ស"]),
        (EstablishmentKind.School, ["school", "academy", "institute", "college", "university", "kindergarten", "nursery", "daycare", "preschool", "education", "training"], ["សាលា", "មត្តេយ្យ", "អប់រំ", "បណ្តុះបណ្តាល"]),
        (EstablishmentKind.Grocery, ["mart", "minimart", "supermarket", "grocery"], ["មីនីម៉ាត", "ផ្សារទំនើប"]),
        (EstablishmentKind.Garage, ["garage", "motor", "motors", "moto", "motorbike", "auto", "car", "cars", "tyre", "tire"], ["ជួសជុលម៉ូតូ", "រថយន្ត", "គ្រឿងបន្លាស់"]),
    ];

    /// <summary>Latin words (in the form name tokens take, <see cref="LatinNames.NormaliseWord"/>) and the kind each names.</summary>
    private static readonly Dictionary<string, EstablishmentKind> Latin = Words
        .SelectMany(k => k.Latin.Select(w => (Word: LatinNames.NormaliseWord(w), k.Kind)))
        .GroupBy(x => x.Word, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Aggregate(EstablishmentKind.None, (all, x) => all | x.Kind), StringComparer.Ordinal);

    private static readonly (string Word, EstablishmentKind Kind)[] Khmer = Words
        .SelectMany(k => k.Khmer.Select(w => (w.Normalize(NormalizationForm.FormC), k.Kind)))
        .ToArray();

    /// <summary>The kinds the Latin name tokens name.</summary>
    public static EstablishmentKind OfLatin(IEnumerable<string> tokens)
    {
        var kinds = EstablishmentKind.None;
        foreach (var t in tokens)
        {
            kinds |= Latin.GetValueOrDefault(t);
        }

        return kinds;
    }

    /// <summary>The kinds a compact Khmer name names (Khmer is written without spaces: words are found inside it).</summary>
    public static EstablishmentKind OfKhmer(string compact)
    {
        var kinds = EstablishmentKind.None;
        foreach (var (word, kind) in Khmer)
        {
            if (compact.Contains(word, StringComparison.Ordinal))
            {
                kinds |= kind;
            }
        }

        return kinds;
    }

    /// <summary>True when both names name a kind of establishment and they name none in common: two establishments.</summary>
    public static bool Conflict(EstablishmentKind a, EstablishmentKind b) => a != EstablishmentKind.None && b != EstablishmentKind.None && (a & b) == EstablishmentKind.None;
}
