using System.Text;

namespace Integration.Matching.Standardisation;

/// <summary>
/// Words that say what a business does or what kind of place it is (shop, restaurant, factory, trading,
/// garment...), in English and in Khmer. Registers add, drop or translate them freely (ហាង បុប្ផា ពាណិជ្ជកម្ម /
/// Bopha Trading / Bopha Shop), so a name is also compared by its <em>core</em>, the words left without them;
/// the line of business itself is compared through the ISIC class. Domain vocabulary, not data: extend it
/// when real extracts show other trade words.
/// </summary>
internal static class TradeWords
{
    private static readonly string[] LatinWords =
    [
        // trade and commerce
        "trading", "trade", "traders", "import", "export", "distribution", "distributor", "wholesale", "retail", "supply", "supplies",
        "supplier", "market", "mart", "mini", "minimart", "supermarket", "store", "shop", "shops", "outlet", "depot", "agency", "agent",
        "enterprise", "enterprises", "group", "holding", "holdings", "partners", "brothers", "international", "global", "commercial",
        // making and building
        "garment", "garments", "textile", "textiles", "footwear", "shoes", "bags", "bag", "factory", "manufacturing", "manufacturer",
        "manufacturers", "industry", "industries", "industrial", "products", "production", "construction", "builders", "builder",
        "contractor", "engineering", "development", "developer", "building", "materials", "steel", "hardware", "furniture", "printing",
        "print", "brick", "machinery", "equipment", "electric", "electrical", "electronics", "solar", "energy", "power",
        // money, land and advice
        "investment", "investments", "finance", "financial", "microfinance", "bank", "insurance", "real", "estate", "property",
        "properties", "consulting", "consultant", "consultancy", "management", "accounting", "law", "legal", "services", "service",
        "solutions", "systems", "technology", "technologies", "logistics", "transport", "transportation", "shipping", "express", "delivery",
        "security", "travel", "tours", "tour",
        // food and drink
        "restaurant", "food", "foods", "cafe", "coffee", "tea", "bakery", "cake", "noodle", "noodles", "bar", "pub", "beer", "wine",
        "beverage", "beverages", "drinks", "water", "pure", "ice", "rice", "mill", "meat", "karaoke", "club",
        // stays, health and care
        "hotel", "guesthouse", "guest", "house", "resort", "villa", "apartment", "apartments", "spa", "massage", "salon", "beauty",
        "cosmetics", "clinic", "dental", "medical", "hospital", "pharmacy", "pharmaceutical", "laboratory", "optical", "veterinary",
        "school", "academy", "institute", "college", "university", "kindergarten", "nursery", "daycare", "education", "training", "center",
        // farms and vehicles
        "agriculture", "farm", "farming", "livestock", "poultry", "fishery", "plantation", "rubber", "motor", "motors", "auto", "car",
        "cars", "garage", "repair", "parts", "petrol", "station", "fuel", "oil", "gas", "jewelry", "jewelers", "tailor", "fashion",
        "phone", "mobile", "computer", "media", "advertising", "studio", "photo", "laundry", "cleaning", "association", "foundation",
        "organization", "cooperative",
    ];

    /// <summary>Latin trade words in the form name tokens take (<see cref="LatinNames.NormaliseWord"/>: coffee is cofe).</summary>
    public static readonly HashSet<string> Latin = new(LatinWords.Select(LatinNames.NormaliseWord), StringComparer.Ordinal);

    /// <summary>Khmer trade words, longest first so that a compound is removed before its parts.</summary>
    public static readonly string[] Khmer = new[]
    {
        "ហាង", "ភោជនីយដ្ឋាន", "អាហារដ្ឋាន", "រោងចក្រ", "រោងម៉ាស៊ីន", "រោងពុម្ព", "កសិដ្ឋាន", "ឱសថស្ថាន", "ផ្ទះសំណាក់", "សណ្ឋាគារ", "សាលា",
        "សាលារៀន", "ការិយាល័យតំណាង", "សហគ្រាសឯកបុគ្គល", "សហគ្រាស", "សហកម្មសិទ្ធិ", "ពាណិជ្ជកម្ម", "មីនីម៉ាត", "ផ្សារទំនើប", "កាត់ដេរ",
        "វាយនភណ្ឌ", "ស្បែកជើង", "កាបូប", "សំណង់", "នាំចេញ", "នាំចូល", "កាហ្វេ", "ដឹកជញ្ជូន", "កិនស្រូវ", "បោះពុម្ព", "អចលនទ្រព្យ",
        "ជួសជុលម៉ូតូ", "ជួសជុល", "សម្ផស្ស", "គ្រឿងអេឡិចត្រូនិច", "កសិកម្ម", "សន្តិសុខ", "ទេសចរណ៍", "គ្រឿងសង្ហារិម", "គ្រឿងអលង្ការ",
        "បច្ចេកវិទ្យា", "ប្រឹក្សា", "ឥដ្ឋ", "ទឹកសុទ្ធ", "មជ្ឈមណ្ឌលអប់រំ", "មជ្ឈមណ្ឌល", "និង",
        // lines of business registers add or drop as freely
        "អភិវឌ្ឍន៍", "វិនិយោគ", "គ្លីនិកធ្មេញ", "គ្លីនិក", "មន្ទីរពេទ្យ", "ម្ហូបអាហារ", "អាហារ", "វិស្វកម្ម", "ភស្តុភារ", "សេវាកម្ម",
        "មីក្រូហិរញ្ញវត្ថុ", "ហិរញ្ញវត្ថុ", "ធនាគារ", "ធានារ៉ាប់រង", "ស្ថានីយប្រេងឥន្ធនៈ", "ស្ថានីយប្រេង", "ប្រេងឥន្ធនៈ", "ថាមពល",
        "ស្ប៉ា", "សាឡន", "ម៉ាស្សា", "បណ្ណាគារ", "មត្តេយ្យ", "អប់រំ", "បណ្តុះបណ្តាល", "គ្រឿងសំណង់", "សម្ភារៈ", "គ្រឿងចក្រ",
        "អគ្គិសនី", "ទូរស័ព្ទ", "កុំព្យូទ័រ", "រថយន្ត", "គ្រឿងបន្លាស់", "ចិញ្ចឹមសត្វ", "ផលិតកម្ម", "ឧស្សាហកម្ម", "ផ្គត់ផ្គង់",
        "ចែកចាយ", "អន្តរជាតិ", "រីសត", "ខារ៉ាអូខេ", "ភេសជ្ជៈ", "នំប៉័ង", "ដេប៉ូ",
    }.Select(s => s.Normalize(NormalizationForm.FormC)).OrderByDescending(s => s.Length).ToArray();

    /// <summary>Latin tokens without trade words (all of them when nothing would be left).</summary>
    public static string[] LatinCore(string[] tokens)
    {
        var kept = tokens.Where(t => !Latin.Contains(t)).ToArray();
        return kept.Length > 0 ? kept : tokens;
    }

    /// <summary>A compact Khmer name without trade words and digits (the whole name when nothing would be left).</summary>
    public static string KhmerCore(string compact)
    {
        if (compact.Length == 0)
        {
            return compact;
        }

        var s = compact;
        foreach (var w in Khmer)
        {
            s = s.Replace(w, "", StringComparison.Ordinal);
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is not (>= '\u17E0' and <= '\u17E9'))
            {
                sb.Append(c);
            }
        }

        return sb.Length > 0 ? sb.ToString() : compact;
    }
}
