using Integration.Core.Reference;

namespace Integration.Matching.Standardisation;

/// <summary>Gazetteer codes of one address: province PP, district PPDD, commune PPDDCC; null where unknown.</summary>
public readonly record struct PlaceCodes(string? Province, string? District, string? Commune)
{
    /// <summary>The most precise code known.</summary>
    public string? Finest => Commune ?? District ?? Province;
}

/// <summary>
/// Resolves place names to gazetteer codes from any romanisation (Phnom Penh/Phnum Penh), abbreviation
/// (PP), unit prefix or none (Khan Sen Sok/Sen Sok/Saensokh) or Khmer spelling. Names are looked up by
/// their folded spelling first and by their phonetic key second, always inside the parent unit when the
/// parent is known, so a commune name repeated in several districts resolves to the right one.
/// </summary>
public sealed class AddressResolver
{
    /// <summary>Unit words registries put before or after a name: they say what kind of unit, not which.</summary>
    private static readonly HashSet<string> UnitWords = new(StringComparer.Ordinal)
    {
        "khan", "sangkat", "srok", "khum", "krong", "khaet", "khet", "reach", "theani", "province", "provincial",
        "district", "commune", "city", "capital", "municipality", "phum", "village", "st", "street", "no", "house",
        "sk", "kh", "pro", "dist",
    };

    private static readonly string[] KhmerUnitWords =
        ["រាជធានី", "ខេត្ត", "ខណ្ឌ", "ស្រុក", "ក្រុង", "សង្កាត់", "ឃុំ", "ភូមិ"];

    /// <summary>Common abbreviations and old names of provinces.</summary>
    private static readonly Dictionary<string, string> ProvinceAliases = new(StringComparer.Ordinal)
    {
        ["pp"] = "12", ["pnh"] = "12", ["phnompenh"] = "12", ["sr"] = "17", ["rep"] = "17", ["shv"] = "18",
        ["sihanoukville"] = "18", ["kampongsom"] = "18", ["sihanouk"] = "18", ["btb"] = "02", ["bmc"] = "01",
        ["kratie"] = "10", ["sreap"] = "17", ["siemreab"] = "17", ["btbg"] = "02", ["mondolkiri"] = "11", ["ratanakkiri"] = "16", ["rattanakiri"] = "16",
    };

    private readonly Dictionary<string, List<GazetteerUnit>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GazetteerUnit>> _byKey = new(StringComparer.Ordinal);
    private readonly Gazetteer _gazetteer;

    public AddressResolver(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        foreach (var u in gazetteer.Units)
        {
            if (u.Level == GazetteerLevel.Village)
            {
                continue;
            }

            Index(_byName, FoldLatin(u.NameLatin), u);
            Index(_byName, FoldKhmer(u.NameKm), u);
            Index(_byKey, PhoneticKey.FromLatin(StripUnits(u.NameLatin)), u);
            Index(_byKey, PhoneticKey.FromKhmer(FoldKhmer(u.NameKm)), u);
        }
    }

    /// <summary>Resolves the structured parts first and the free-text address line for what they leave open.</summary>
    public PlaceCodes Resolve(string? province, string? district, string? commune, string? address)
    {
        // Registers sometimes put the province in the district column and the other way round.
        var p = Find(province, GazetteerLevel.Province, null) ?? Find(district, GazetteerLevel.Province, null);
        var d = Find(district, GazetteerLevel.District, p?.Code)
            ?? (string.IsNullOrWhiteSpace(district) ? null : Find(province, GazetteerLevel.District, p?.Code));
        p ??= d is null ? null : _gazetteer.Find(d.ProvinceCode);
        var c = Find(commune, GazetteerLevel.Commune, d?.Code ?? p?.Code);
        d ??= c is null ? null : _gazetteer.Find(c.Code[..4]);
        p ??= c is null ? null : _gazetteer.Find(c.ProvinceCode);

        if (!string.IsNullOrWhiteSpace(address) && (p is null || d is null || c is null))
        {
            // "#12, St. 271, Sangkat Tuol Tumpung Ti Pir, Khan Chamkar Mon, Phnom Penh": right to left, coarse to fine.
            foreach (var part in AddressPieces(address))
            {
                if (p is null && Find(part, GazetteerLevel.Province, null) is { } fp)
                {
                    p = fp;
                    continue;
                }

                if (d is null && Find(part, GazetteerLevel.District, p?.Code) is { } fd)
                {
                    d = fd;
                    p ??= _gazetteer.Find(fd.ProvinceCode);
                    continue;
                }

                if (c is null && Find(part, GazetteerLevel.Commune, d?.Code ?? p?.Code) is { } fc)
                {
                    c = fc;
                    d ??= _gazetteer.Find(fc.Code[..4]);
                    p ??= _gazetteer.Find(fc.ProvinceCode);
                }
            }
        }

        return new PlaceCodes(p?.Code, d?.Code, c?.Code);
    }

    /// <summary>
    /// Pieces of a free-text address to look up, in reading order: each comma-separated part, and for a
    /// part of several words (Khmer addresses and many Latin ones have no commas) every run of one to
    /// three words, so "ភូមិ ២ អូរឫស្សីទី ៣ ៧មករា ភ្នំពេញ" still yields the commune, district and province.
    /// </summary>
    private static List<string> AddressPieces(string address)
    {
        // Right to left (coarse to fine), and within a part the longest runs first.
        var pieces = new List<string>();
        var parts = address.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var p = parts.Length - 1; p >= 0; p--)
        {
            var words = parts[p].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            pieces.Add(parts[p]);
            for (var len = Math.Min(3, words.Length - 1); len >= 1; len--)
            {
                for (var start = words.Length - len; start >= 0; start--)
                {
                    pieces.Add(string.Join(' ', words, start, len));
                }
            }
        }

        return pieces;
    }

    public string? DisplayName(string? code) => code is null ? null : _gazetteer.Find(code)?.NameLatin;

    /// <summary>The unit of <paramref name="level"/> named by <paramref name="text"/>, inside <paramref name="parent"/> when given.</summary>
    public GazetteerUnit? Find(string? text, GazetteerLevel level, string? parent)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var khmer = TextFold.HasKhmer(text);
        var name = khmer ? FoldKhmer(text) : FoldLatin(text);
        if (name.Length == 0)
        {
            return null;
        }

        if (level == GazetteerLevel.Province && ProvinceAliases.TryGetValue(name, out var alias))
        {
            return _gazetteer.Find(alias);
        }

        if (Pick(_byName, name, level, parent) is { } exact)
        {
            return exact;
        }

        var key = khmer ? PhoneticKey.FromKhmer(name) : PhoneticKey.FromLatin(StripUnits(text));
        // Short keys ("PN" from a lone "Penh") match too much: the phonetic fallback needs a real name.
        return key.Length >= 4 ? Pick(_byKey, key, level, parent) : null;
    }

    private static GazetteerUnit? Pick(Dictionary<string, List<GazetteerUnit>> index, string name, GazetteerLevel level, string? parent)
    {
        if (!index.TryGetValue(name, out var units))
        {
            return null;
        }

        GazetteerUnit? found = null;
        foreach (var u in units)
        {
            if (u.Level != level || (parent is not null && !u.Code.StartsWith(parent, StringComparison.Ordinal)))
            {
                continue;
            }

            if (found is not null)
            {
                return null; // ambiguous without a parent: better unknown than wrong
            }

            found = u;
        }

        return found;
    }

    private static void Index(Dictionary<string, List<GazetteerUnit>> index, string name, GazetteerUnit unit)
    {
        if (name.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(name, out var list))
        {
            index[name] = list = [];
        }

        if (!list.Contains(unit))
        {
            list.Add(unit);
        }
    }

    /// <summary>Folded Latin name without unit words or spaces, words in canonical romanisation.</summary>
    private static string FoldLatin(string text) => string.Concat(StripUnits(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(LatinNames.NormaliseWord));

    private static string StripUnits(string text)
    {
        var words = TextFold.LatinWords(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = words.Where(w => !UnitWords.Contains(w)).ToArray();
        return string.Join(' ', kept.Length > 0 ? kept : words);
    }

    private static string FoldKhmer(string text)
    {
        var s = TextFold.KhmerCompact(text);
        foreach (var unit in KhmerUnitWords)
        {
            if (s.StartsWith(unit, StringComparison.Ordinal) && s.Length > unit.Length)
            {
                s = s[unit.Length..];
            }
        }

        return s;
    }
}
