using Integration.Core.Reference;
using Integration.Matching.Records;
using Integration.Matching.Standardisation;
using Integration.TestSupport;

namespace Integration.Matching.Tests;

/// <summary>Standardised records made in memory, for the blocking and training tests.</summary>
public static class TestRecords
{
    private static readonly Lazy<Standardiser> Standardiser = new(() => new Standardiser(Gazetteer.Shipped.Value));

    public static SourceRecord Source(string feed, string key, string? name, string? commune = null, string? district = null, string? province = null,
        string? house = null, string? phone = null, string? tin = null) => new()
    {
        Feed = Feeds.Index(feed),
        SourceKey = key,
        NameEn = name,
        Commune = commune,
        District = district,
        Province = province,
        HouseNo = house,
        Phone = phone,
        OwnTin = feed == Feeds.Gdt ? tin : null,
        RefTin = feed == Feeds.Gdt ? null : tin,
    };

    /// <summary>Standardised in one batch (term weights depend on the batch), in the order given.</summary>
    public static StandardRecord[] Standardise(IEnumerable<SourceRecord> records) => Standardiser.Value.StandardiseAll(records);

    /// <summary>Firm names of two words from a small vocabulary, distinct for distinct <paramref name="i"/> below 2,500.</summary>
    public static string Name(int i)
    {
        string[] first = ["Angkor", "Bayon", "Mekong", "Tonle", "Lotus", "Apsara", "Kampot", "Preah", "Sovann", "Rasmey", "Chenda", "Mealea", "Vimean", "Kiri", "Sophea",
            "Botum", "Phnom", "Neak", "Srey", "Ratana", "Pisey", "Kolab", "Soriya", "Thida", "Veasna", "Makara", "Borey", "Sokun", "Dara", "Leakena", "Narith", "Phalla",
            "Rotha", "Samnang", "Tevy", "Vanna", "Chantrea", "Daravy", "Kanha", "Monorom", "Nimol", "Oudom", "Pheap", "Reaksmey", "Sothea", "Tola", "Vichet", "Yuthea", "Bopha", "Channary"];
        string[] second = ["Trading", "Garment", "Construction", "Pharmacy", "Printing", "Transport", "Hotel", "Bakery", "Clinic", "Electric", "Motors", "Jewelry", "Furniture",
            "Textile", "Logistics", "Media", "Farm", "Rice Mill", "Water", "Solar", "Steel", "Paper", "Coffee", "Salon", "Tailor", "Optic", "Dental", "Books", "Tiles", "Glass",
            "Plastics", "Cement", "Seafood", "Fruit", "Spa", "Cinema", "Studio", "Pottery", "Silk", "Shoes", "Bags", "Toys", "Tools", "Paint", "Gas", "Oil", "Tyres", "Boats", "Radio", "Lamps"];
        return $"{first[i % first.Length]} {first[(i / first.Length) % first.Length]} {second[(i * 7) % second.Length]}";
    }
}
