using System.Text;

namespace Integration.Matching.Standardisation;

/// <summary>
/// Words that say what a business does or what kind of place it is (shop, restaurant, factory, trading,
/// garment...), in English and in Khmer. Registers add, drop or translate them freely (ហាង បុប្ផា ពាណិជ្ជកម្ម /
/// Bopha Trading / Bopha Shop), so a name is also compared by its <em>core</em>, the words left without them;
/// the line of business itself is compared through the ISIC class. Domain vocabulary, not data: extend it
/// when real extracts show other trade words.
/// </summary>
public static class TradeWords
{
    public static readonly HashSet<string> Latin = new(StringComparer.Ordinal)
    {
        "trading", "trade", "mini", "mart", "minimart", "garment", "garments", "textile", "textiles", "footwear", "shoes", "bags", "bag",
        "construction", "import", "export", "restaurant", "coffee", "cafe", "pharmacy", "guesthouse", "guest", "house", "hotel",
        "transport", "rice", "mill", "printing", "print", "real", "estate", "motor", "repair", "beauty", "salon", "electronics",
        "agriculture", "security", "services", "service", "travel", "tours", "tour", "furniture", "jewelry", "jewellery", "technology",
        "consulting", "consultant", "brick", "factory", "pure", "water", "education", "centre", "center", "shop", "store", "enterprise",
        "partners", "group", "manufacturing", "industry", "industrial", "supply", "supplies", "market",
    };

    /// <summary>Khmer trade words, longest first so that a compound is removed before its parts.</summary>
    public static readonly string[] Khmer = new[]
    {
        "ហាង", "ភោជនីយដ្ឋាន", "រោងចក្រ", "រោងម៉ាស៊ីន", "រោងពុម្ព", "កសិដ្ឋាន", "ឱសថស្ថាន", "ផ្ទះសំណាក់", "សណ្ឋាគារ", "សាលា",
        "ការិយាល័យតំណាង", "សហគ្រាសឯកបុគ្គល", "សហគ្រាស", "សហកម្មសិទ្ធិ", "ពាណិជ្ជកម្ម", "មីនីម៉ាត", "កាត់ដេរ", "វាយនភណ្ឌ", "ស្បែកជើង",
        "កាបូប", "សំណង់", "នាំចេញ", "នាំចូល", "កាហ្វេ", "ដឹកជញ្ជូន", "កិនស្រូវ", "បោះពុម្ព", "អចលនទ្រព្យ", "ជួសជុលម៉ូតូ", "សម្ផស្ស",
        "គ្រឿងអេឡិចត្រូនិច", "កសិកម្ម", "សន្តិសុខ", "ទេសចរណ៍", "គ្រឿងសង្ហារិម", "គ្រឿងអលង្ការ", "បច្ចេកវិទ្យា", "ប្រឹក្សា", "ឥដ្ឋ",
        "ទឹកសុទ្ធ", "មជ្ឈមណ្ឌលអប់រំ", "មជ្ឈមណ្ឌល", "និង",
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
