namespace Integration.Generator.Reference;

/// <summary>
/// A word of a brand name that Khmer translates: its English form, its Khmer word and that word's usual
/// romanisation. A firm called "Golden Star" in English is ផ្កាយមាស in Khmer (noun first: star, golden) and
/// "Phkay Meas" when a clerk romanises the Khmer.
/// </summary>
/// <param name="KhmerBefore">The Khmer modifier goes before the noun (មហា "great"), not after it as most do.</param>
internal sealed record BrandWord(string English, string Km, string Romanised, bool IsNoun, bool KhmerBefore = false);

/// <summary>Brand vocabulary of Cambodian firm names, and the English corporate words that Khmer transliterates.</summary>
internal static class BrandWords
{
    public static IReadOnlyList<BrandWord> Nouns { get; } =
    [
        new("Star", "ផ្កាយ", "Phkay", true), new("Sunrise", "ថ្ងៃរះ", "Thngai Reah", true), new("Diamond", "ពេជ្រ", "Pich", true),
        new("Light", "ពន្លឺ", "Ponleu", true), new("Moon", "ព្រះច័ន្ទ", "Preah Chan", true), new("River", "ទន្លេ", "Tonle", true),
        new("Mountain", "ភ្នំ", "Phnom", true), new("Flower", "ផ្កា", "Phka", true), new("Lotus", "ឈូក", "Chhouk", true),
        new("Dragon", "នាគ", "Neak", true), new("Tiger", "ខ្លា", "Khla", true), new("Elephant", "ដំរី", "Damrei", true),
        new("Rose", "កុលាប", "Kolab", true), new("Kingdom", "នគរ", "Nokor", true), new("Future", "អនាគត", "Anakot", true),
        new("Hope", "សង្ឃឹម", "Sangkhim", true), new("Friendship", "មិត្តភាព", "Mittapheap", true), new("Sky", "មេឃ", "Mekh", true),
        new("Island", "កោះ", "Koh", true), new("Pearl", "គុជ", "Kuch", true), new("Family", "គ្រួសារ", "Kruosar", true),
        new("Brothers", "បងប្អូន", "Bang Paoun", true), new("Victory", "ជ័យជំនះ", "Chey Chumneah", true), new("Peace", "សន្តិភាព", "Santepheap", true),
        new("Success", "ជោគជ័យ", "Chok Chey", true), new("Quality", "គុណភាព", "Kunapheap", true),
    ];

    public static IReadOnlyList<BrandWord> Modifiers { get; } =
    [
        new("Golden", "មាស", "Meas", false), new("Silver", "ប្រាក់", "Prak", false), new("New", "ថ្មី", "Thmey", false),
        new("Lucky", "សំណាង", "Samnang", false), new("Royal", "រាជ", "Reach", false), new("Great", "មហា", "Moha", false, KhmerBefore: true),
        new("Happy", "សប្បាយ", "Sabay", false), new("Green", "បៃតង", "Baitang", false), new("Blue", "ខៀវ", "Khiev", false),
        new("Red", "ក្រហម", "Krahom", false), new("Fresh", "ស្រស់", "Sros", false), new("Prosperous", "រុងរឿង", "Rung Roeung", false),
        new("Bright", "ភ្លឺ", "Phlu", false),
    ];

    /// <summary>English corporate words and how a Khmer register transliterates them.</summary>
    public static IReadOnlyList<KhmerWord> English { get; } =
    [
        new("មឺឃ្យូរី", "Mercury"), new("ប៉ាស៊ីហ្វិក", "Pacific"), new("គ្លូបល", "Global"), new("យូណាយធីត", "United"), new("ព្រីមៀ", "Premier"),
        new("ខេភីថល", "Capital"), new("អាលាយអិន", "Alliance"), new("ហូរ៉ាយហ្សិន", "Horizon"), new("ហ្វីនីក", "Phoenix"), new("អេភិច", "Apex"),
        new("វីហ្សិន", "Vision"), new("ប្រាយម៍", "Prime"), new("ស្មាត", "Smart"), new("ហ្វឺស្ទ", "First"), new("មេត្រូ", "Metro"),
        new("អូរៀន", "Orient"), new("ដែលតា", "Delta"), new("ក្រោន", "Crown"), new("អ៊ីស្ទើន", "Eastern"), new("ស៊ុមមីត", "Summit"),
        new("អ៊ិនធើណេសិនណល", "International"), new("អាស៊ី", "Asia"), new("ខេមបូឌា", "Cambodia"), new("អ៊ីនដូចិន", "Indochina"),
    ];

    /// <summary>Shop names so common that one district holds many different firms called so.</summary>
    public static IReadOnlyList<KhmerWord> Common { get; } =
    [
        new("ហេង", "Heng"), new("សុខា", "Sokha"), new("លី", "Ly"), new("គឹមហេង", "Kim Heng"), new("ម៉េងលី", "Mengly"),
        new("ហេងហេង", "Heng Heng"), new("ចាន់", "Chan"), new("សំណាង", "Samnang"), new("ស្រីពៅ", "Srey Pov"), new("ឡាក់ឃី", "Lucky"),
    ];
}

/// <summary>How registers shorten the words of business names (English and American spellings included).</summary>
internal static class Abbreviations
{
    private static readonly Dictionary<string, string[]> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Development"] = ["Dev.", "Devt.", "Dev", "Dvpt."],
        ["Construction"] = ["Const.", "Constr.", "Cons."],
        ["Import Export"] = ["Imp-Exp", "Imp. & Exp.", "Import-Export", "Imp Exp", "I/E", "Imp.Exp"],
        ["International"] = ["Int'l", "Intl", "Intl.", "Inter"],
        ["Manufacturing"] = ["Mfg.", "Manuf.", "Mfg"],
        ["Engineering"] = ["Eng.", "Engg", "Engr."],
        ["Trading"] = ["Trdg.", "Trad.", "Trade"],
        ["Services"] = ["Svcs.", "Serv.", "Service"],
        ["Security Services"] = ["Security Svcs", "Security Service", "Security"],
        ["Investment"] = ["Inv.", "Invest.", "Investments"],
        ["Group"] = ["Grp.", "Grp"],
        ["Technology"] = ["Tech", "Techno", "Tech."],
        ["Logistics"] = ["Logis.", "Logistic"],
        ["Industrial"] = ["Ind.", "Indus.", "Industry"],
        ["Holdings"] = ["Hldgs", "Holding"],
        ["Cambodia"] = ["Cam.", "Camb.", "KH"],
        ["Electronics"] = ["Elec.", "Electronic"],
        ["Transport"] = ["Transp.", "Trans.", "Transportation"],
        ["Real Estate"] = ["R.E.", "Realty", "RE"],
        ["Agriculture"] = ["Agri.", "Agro", "Agricultural"],
        ["Consulting"] = ["Consult.", "Consultancy", "Consultants"],
        ["Education Centre"] = ["Education Center", "Edu. Center", "Edu Centre", "Education"],
        ["Travel & Tours"] = ["Travel and Tour", "Travel & Tour", "T&T", "Travel"],
        ["Mini Mart"] = ["Minimart", "Mini-Mart", "MiniMart", "Mart"],
        ["Guesthouse"] = ["Guest House", "G.H.", "GH"],
        ["Restaurant"] = ["Rest.", "Restaurant & Bar", "Resto"],
        ["Coffee"] = ["Cafe", "Café", "Coffee Shop", "Coffee House"],
        ["Beauty Salon"] = ["Beauty", "Salon", "Beauty & Spa"],
        ["Jewelry"] = ["Jewellery", "Jewelery", "Jewelry Shop"],
        ["Pharmacy"] = ["Pharma", "Pharmacie", "Drug Store"],
        ["Furniture"] = ["Furn.", "Furnitures"],
        ["Pure Water"] = ["Water", "Drinking Water", "Purified Water"],
        ["Brick Factory"] = ["Brick", "Bricks Factory", "Brick Kiln"],
        ["Rice Mill"] = ["Rice Mill Factory", "Rice Miller", "Rice Milling"],
        ["Motor Repair"] = ["Motor Rep.", "Moto Repair", "Motorbike Repair"],
        ["Printing"] = ["Print", "Printing House", "Printers"],
        ["Clinic"] = ["Clinique", "Medical Clinic", "Polyclinic"],
        ["Dental Clinic"] = ["Dental", "Dental Care", "Dentist"],
        ["Microfinance"] = ["MFI", "Micro Finance", "Micro-Finance"],
        ["Accounting"] = ["Acctg", "Accountancy", "Accounting Services"],
        ["Food"] = ["Foods", "Food Products", "F&B"],
        ["Supply"] = ["Supplies", "Supplier", "Suppliers"],
        ["Solar"] = ["Solar Energy", "Solar Power"],
        ["Petrol Station"] = ["Gas Station", "Fuel Station", "Petrol"],
        ["Auto Parts"] = ["Auto Spare Parts", "Autoparts", "Spare Parts"],
        ["Cosmetics"] = ["Cosmetic", "Beauty Products"],
        ["Packaging"] = ["Pack.", "Packing"],
        ["Steel"] = ["Steels", "Steel Works"],
        ["Centre"] = ["Center", "Ctr."],
    };

    /// <summary>The longest known phrase of <paramref name="words"/> starting at <paramref name="at"/>, with its alternatives.</summary>
    public static (int Length, string[] Forms)? At(IReadOnlyList<string> words, int at)
    {
        for (var n = Math.Min(3, words.Count - at); n >= 1; n--)
        {
            if (Words.TryGetValue(string.Join(' ', words.Skip(at).Take(n)), out var forms))
            {
                return (n, forms);
            }
        }

        return null;
    }
}
