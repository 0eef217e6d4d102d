using System.Text.RegularExpressions;

namespace Integration.Matching.Standardisation;

/// <summary>
/// Whether an address names a place abroad: a country (in English or Khmer), a large foreign city, or a US state
/// with its ZIP code. Foreign-owned firms give their head office's address, and lists made abroad give foreign
/// addresses throughout; without this the resolver would find sound-alike Cambodian units in them ("los angeles",
/// "chicago 60653"). Countries that name streets and markets in Phnom Penh (Russian Federation Blvd, the Russian
/// Market, the Japanese bridge, Rue de France) are left out; their cities are in. Domain vocabulary: extend it when real extracts show other foreign places.
/// </summary>
public static partial class ForeignPlaces
{
    /// <summary>Folded word runs (one to three words) that name a country or a city outside Cambodia.</summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        // countries and their usual short forms
        "usa", "u s a", "united states", "united states of america", "america", "canada", "mexico", "brazil",
        "thailand", "vietnam", "viet nam", "laos", "lao pdr", "myanmar", "burma", "malaysia", "singapore", "indonesia",
        "philippines", "brunei", "china", "p r china", "prc", "hong kong", "macau", "macao", "taiwan", "korea",
        "south korea", "republic of korea", "india", "bangladesh", "pakistan", "sri lanka", "nepal", "australia",
        "new zealand", "united kingdom", "uk", "england", "scotland", "ireland", "germany", "italy", "spain",
        "portugal", "netherlands", "belgium", "switzerland", "austria", "sweden", "norway", "denmark", "finland",
        "poland", "turkey", "israel", "uae", "united arab emirates", "saudi arabia",
        "qatar", "egypt", "south africa", "nigeria", "kenya",
        // large cities, the foreign addresses a Cambodian register is most likely to hold
        "bangkok", "pattaya", "chiang mai", "hanoi", "ha noi", "ho chi minh", "ho chi minh city", "saigon", "da nang",
        "can tho", "vientiane", "kuala lumpur", "penang", "jakarta", "manila", "yangon", "beijing", "shanghai", "guangzhou",
        "shenzhen", "kunming", "nanning", "xiamen", "taipei", "tokyo", "osaka", "seoul", "busan", "sydney", "melbourne",
        "london", "paris", "berlin", "new york", "los angeles", "san francisco", "chicago", "houston", "seattle",
        "boston", "toronto", "vancouver", "montreal", "dubai", "delhi", "new delhi", "mumbai",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameSpans = Names.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Khmer names of countries (long enough not to occur inside other words).</summary>
    private static readonly string[] KhmerNames =
    [
        "សហរដ្ឋអាមេរិក", "ប្រទេសថៃ", "ប្រទេសវៀតណាម", "វៀតណាម", "ប្រទេសចិន", "ប្រទេសឡាវ", "ម៉ាឡេស៊ី", "សិង្ហបុរី", "ប្រទេសជប៉ុន",
        "កូរ៉េខាងត្បូង", "បាងកក", "ហូជីមិញ", "ហាណូយ",
    ];

    /// <summary>True when <paramref name="text"/> names a place abroad.</summary>
    public static bool Named(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (TextFold.HasKhmer(text))
        {
            foreach (var name in KhmerNames)
            {
                if (text.Contains(name, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        if (UsStateAndZip().IsMatch(text))
        {
            return true;
        }

        var words = TextFold.LatinWords(text);
        var starts = new List<int>(8) { 0 };
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i] == ' ')
            {
                starts.Add(i + 1);
            }
        }

        for (var s = 0; s < starts.Count; s++)
        {
            for (var n = 1; n <= 4 && s + n <= starts.Count; n++)
            {
                var end = s + n < starts.Count ? starts[s + n] - 1 : words.Length;
                if (NameSpans.Contains(words.AsSpan(starts[s], end - starts[s])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A US state's two capitals and a five-digit ZIP code ("IL 60653", "CA 90210-1234").</summary>
    [GeneratedRegex(@"\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s+[0-9]{5}(?:-[0-9]{4})?\b")]
    private static partial Regex UsStateAndZip();
}
