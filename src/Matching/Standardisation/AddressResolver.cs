using System.Collections.Concurrent;
using Integration.Core.Reference;

namespace Integration.Matching.Standardisation;

/// <summary>Gazetteer codes of one address: province PP, district PPDD, commune PPDDCC, village PPDDCCVV; null where unknown.</summary>
public readonly record struct PlaceCodes(string? Province, string? District, string? Commune, string? Village = null)
{
    /// <summary>The most precise code known.</summary>
    public string? Finest => Village ?? Commune ?? District ?? Province;
}

/// <summary>
/// Resolves an address to gazetteer codes from any mix of parts and free text, in any romanisation
/// (Phnom Penh/Phnum Penh/PP), with or without unit words (Khan Sen Sok/Sen Sok/Saensokh), in Khmer
/// script, with or without commas. Every run of one to five words of every part is looked up (by folded
/// spelling, then by phonetic key) at every level; then the chain province &gt; district &gt; commune &gt;
/// village that the most evidence agrees with wins. A commune name that exists in several districts, or
/// a village name that is also a commune elsewhere, is settled by its parents being named too; where two
/// chains are equally supported only their common part is kept (better unknown than wrong).
/// </summary>
public sealed class AddressResolver
{
    /// <summary>Unit words registries put before or after a name: they say what kind of unit, not which.</summary>
    private static readonly HashSet<string> UnitWords = new(StringComparer.Ordinal)
    {
        "khan", "sangkat", "songkat", "srok", "srk", "khum", "krong", "kr", "khaet", "khet", "reach", "theani", "province", "provincial",
        "district", "commune", "city", "capital", "municipality", "phum", "phoum", "ph", "village", "sk", "kh", "pro", "dist",
    };

    /// <summary>Unit words that announce a village; a bare number after them is a village name ("Phum 9").</summary>
    private static readonly HashSet<string> VillageWords = new(StringComparer.Ordinal) { "phum", "phoum", "ph", "village" };

    /// <summary>Words of the house-and-street part of a line; they never name a place.</summary>
    private static readonly HashSet<string> StreetWords = new(StringComparer.Ordinal)
    {
        "no", "st", "street", "national", "road", "nr", "blvd", "boulevard", "house", "building", "floor", "preah",
    };

    private static readonly string[] KhmerUnitWords =
        ["រាជធានី", "ខេត្ត", "ខណ្ឌ", "ស្រុក", "ក្រុង", "សង្កាត់", "ឃុំ", "ភូមិ"];

    /// <summary>Common abbreviations and old names of provinces.</summary>
    private static readonly Dictionary<string, string> ProvinceAliases = new(StringComparer.Ordinal)
    {
        ["pp"] = "12", ["pnh"] = "12", ["phnompenh"] = "12", ["ppenh"] = "12", ["sr"] = "17", ["rep"] = "17", ["shv"] = "18",
        ["sihanoukville"] = "18", ["kampongsom"] = "18", ["kampongsaom"] = "18", ["sihanouk"] = "18", ["btb"] = "02", ["bmc"] = "01",
        ["kratie"] = "10", ["sreap"] = "17", ["siemreab"] = "17", ["btbg"] = "02", ["mondolkiri"] = "11", ["ratanakkiri"] = "16", ["rattanakiri"] = "16",
    };

    private static readonly double[] LevelWeight = [1.6, 1.4, 1.2, 0.8];

    private readonly Dictionary<string, List<GazetteerUnit>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GazetteerUnit>> _byKey = new(StringComparer.Ordinal);

    // Villages apart: a name like Thmei or Kandal names hundreds of them; they are only looked for inside
    // the commune the rest of the address settles on.
    private readonly Dictionary<string, List<GazetteerUnit>> _villageByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GazetteerUnit>> _villageByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Commune, string Name), List<GazetteerUnit>> _villageIn = new();
    private readonly ConcurrentDictionary<(string, int), PieceMatch> _pieceCache = new();
    private readonly ConcurrentDictionary<string, PlaceCodes> _addressCache = new(StringComparer.Ordinal);
    private int _addressCached;
    private readonly ConcurrentDictionary<string, string> _wordCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _keyCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _chain = new(StringComparer.Ordinal);
    private readonly Gazetteer _gazetteer;

    public AddressResolver(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        foreach (var u in gazetteer.Units)
        {
            var (byName, byKey) = u.Level == GazetteerLevel.Village ? (_villageByName, _villageByKey) : (_byName, _byKey);
            Index(byName, FoldLatin(u.NameLatin), u);
            Index(byName, FoldKhmer(u.NameKm), u);
            Index(byKey, PlaceKey(StripUnits(TextFold.LatinWords(u.NameLatin))), u);
            Index(byKey, PhoneticKey.FromKhmer(FoldKhmer(u.NameKm)), u);
        }

        foreach (var (index, kind) in new[] { (_villageByName, "n"), (_villageByKey, "k") })
        {
            foreach (var (name, units) in index)
            {
                foreach (var u in units)
                {
                    var at = (u.Code[..6], kind + name);
                    if (!_villageIn.TryGetValue(at, out var list))
                    {
                        _villageIn[at] = list = [];
                    }

                    list.Add(u);
                }
            }
        }

        foreach (var u in gazetteer.Units)
        {
            _chain[u.Code] = Enumerable.Range(1, u.Code.Length / 2).Select(n => u.Code[..(n * 2)]).ToArray();
        }

        foreach (var (alias, code) in ProvinceAliases)
        {
            if (gazetteer.Find(code) is { } p)
            {
                Index(_byName, alias, p);
            }
        }
    }

    /// <summary>Resolves the structured parts and the free-text address line together.</summary>
    public PlaceCodes Resolve(string? province, string? district, string? commune, string? address) =>
        Resolve(province, district, commune, null, address);

    public PlaceCodes Resolve(string? province, string? district, string? commune, string? village, string? address)
    {
        // Registers repeat the same place spellings endlessly; only the house number makes a line unique.
        var key = string.Join('\u001F', province, district, commune, village, address is null ? null : Premises.WithoutHouseNumber(address));
        if (_addressCache.TryGetValue(key, out var known))
        {
            return known;
        }

        var codes = ResolveUncached(province, district, commune, village, address);
        // Counted apart: ConcurrentDictionary.Count takes every lock of the table, and on every miss that
        // serialised the standardisation threads (measured: most of the national run's address time).
        if (Volatile.Read(ref _addressCached) < MaxCachedAddresses && _addressCache.TryAdd(key, codes))
        {
            Interlocked.Increment(ref _addressCached);
        }

        return codes;
    }

    /// <summary>Bounds the memory the address cache may take at national scale.</summary>
    private const int MaxCachedAddresses = 400_000;

    private PlaceCodes ResolveUncached(string? province, string? district, string? commune, string? village, string? address)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var villages = new List<(string Name, double Score)>();
        Collect(province, (int)GazetteerLevel.Province, scores, villages);
        Collect(district, (int)GazetteerLevel.District, scores, villages);
        Collect(commune, (int)GazetteerLevel.Commune, scores, villages);
        Collect(village, (int)GazetteerLevel.Village, scores, villages);
        if (!string.IsNullOrWhiteSpace(address))
        {
            foreach (var part in address.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Collect(part, -1, scores, villages);
            }
        }

        var codes = Choose(scores);
        return codes.Commune is { } c ? codes with { Village = VillageIn(c, villages) } : codes;
    }

    /// <summary>The village of <paramref name="commune"/> named best; none when two are named equally well.</summary>
    private string? VillageIn(string commune, List<(string Name, double Score)> named)
    {
        string? best = null;
        var bestScore = 0.0;
        foreach (var (name, score) in named)
        {
            if (!_villageIn.TryGetValue((commune, name), out var units))
            {
                continue;
            }

            foreach (var u in units)
            {
                if (score > bestScore + 1e-9)
                {
                    (best, bestScore) = (u.Code, score);
                }
                else if (score > bestScore - 1e-9 && best != u.Code)
                {
                    best = null;
                }
            }
        }

        return best;
    }

    /// <summary>What one piece of text names: units above village level with their support, and village-name lists.</summary>
    private sealed record PieceMatch((string Code, double Score)[] Units, (string Name, double Score)[] Villages);

    public string? DisplayName(string? code) => code is null ? null : _gazetteer.Find(code)?.NameLatin;

    /// <summary>The chain with the most support; equally supported rival chains keep only what they share.</summary>
    private PlaceCodes Choose(Dictionary<string, double> scores)
    {
        if (scores.Count == 0)
        {
            return default;
        }

        var best = double.MinValue;
        string? chosen = null;
        foreach (var code in scores.Keys)
        {
            double chain = 0;
            foreach (var ancestor in _chain[code])
            {
                chain += scores.GetValueOrDefault(ancestor);
            }

            if (chain > best + 1e-9)
            {
                best = chain;
                chosen = code;
            }
            else if (chain > best - 1e-9)
            {
                chosen = CommonPrefix(chosen!, code);
            }
        }

        if (string.IsNullOrEmpty(chosen))
        {
            return default;
        }

        // The gazetteer's own code strings, not new substrings: one copy each for 840k records.
        var codes = _chain.TryGetValue(chosen, out var known) ? known : Enumerable.Range(1, chosen.Length / 2).Select(n => chosen[..(n * 2)]).ToArray();
        return new PlaceCodes(
            codes[0],
            codes.Length >= 2 ? codes[1] : null,
            codes.Length >= 3 ? codes[2] : null,
            codes.Length >= 4 ? codes[3] : null);
    }

    private static string CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n + 2 <= a.Length && n + 2 <= b.Length && string.CompareOrdinal(a, n, b, n, 2) == 0)
        {
            n += 2;
        }

        return a[..n];
    }

    private void Collect(string? text, int hint, Dictionary<string, double> scores, List<(string, double)> villages)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        // The house number never names a place and makes every line unique: cut it before the cache.
        text = Premises.WithoutHouseNumber(text);
        var match = _pieceCache.GetOrAdd((text, hint), k => Candidates(k.Item1, k.Item2));
        foreach (var (code, score) in match.Units)
        {
            if (score > scores.GetValueOrDefault(code))
            {
                scores[code] = score;
            }
        }

        villages.AddRange(match.Villages);
    }

    /// <summary>Every unit named by a run of one to five words of <paramref name="text"/>, with how well it is named.</summary>
    private PieceMatch Candidates(string text, int hint)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        var villages = new List<(string, double)>();
        void AddVillages(string kind, string name, Dictionary<string, List<GazetteerUnit>> index, double quality)
        {
            if (index.ContainsKey(name))
            {
                villages.Add((kind + name, quality * LevelWeight[(int)GazetteerLevel.Village] * (hint == (int)GazetteerLevel.Village ? 1.5 : 1.0)));
            }
        }

        void Add(List<GazetteerUnit>? units, double quality)
        {
            if (units is null)
            {
                return;
            }

            foreach (var u in units)
            {
                // One name naming a unit and its own parent (Siem Reap the province and its capital district,
                // Kamboul the district and its commune): in a column, the level the column asks for; in a
                // line, mostly the coarser (the finer one is usually named again on its own).
                var shadow = 1.0;
                if (units.Exists(o => o != u && u.Code.StartsWith(o.Code, StringComparison.Ordinal)) && (int)u.Level != hint)
                {
                    if (hint >= 0)
                    {
                        continue;
                    }

                    shadow = 0.4;
                }

                var level = (int)u.Level;
                var s = shadow * quality * LevelWeight[level] * (level == hint ? 1.5 : 1.0);
                if (s > found.GetValueOrDefault(u.Code))
                {
                    found[u.Code] = s;
                }
            }
        }

        if (TextFold.HasKhmer(text))
        {
            // Each word compacted once; runs are joined from the compact words.
            var words = text.Split([' ', '\u200B', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Select(w => _wordCache.GetOrAdd(w, x => TextFold.KhmerCompact(x))).Where(w => w.Length > 0).ToArray();
            for (var start = 0; start < words.Length; start++)
            {
                for (var len = 1; len <= 4 && start + len <= words.Length; len++)
                {
                    var name = StripKhmerUnits(len == 1 ? words[start] : string.Concat(words.AsSpan(start, len)), out var villageWord);
                    if (name.Length == 0 || (IsDigits(name) && !villageWord && hint != (int)GazetteerLevel.Village))
                    {
                        continue;
                    }

                    Add(_byName.GetValueOrDefault(name), 1.0 + len);
                    AddVillages("n", name, _villageByName, 1.0 + len);
                    var key = _keyCache.GetOrAdd("\u0001" + name, k => PhoneticKey.FromKhmer(k[1..]));
                    if (key.Length >= 3)
                    {
                        Add(_byKey.GetValueOrDefault(key), 0.5 + (0.7 * len));
                        AddVillages("k", key, _villageByKey, 0.5 + (0.7 * len));
                    }
                }
            }
        }
        else
        {
            var words = TextFold.LatinWords(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var start = 0; start < words.Length; start++)
            {
                if (StreetWords.Contains(words[start]))
                {
                    continue;
                }

                for (var len = 1; len <= 5 && start + len <= words.Length; len++)
                {
                    var run = words.AsSpan(start, len);
                    if (StreetWords.Contains(run[^1]))
                    {
                        break;
                    }

                    var villageWord = VillageWords.Contains(run[0]);
                    var kept = new List<string>(len);
                    foreach (var w in run)
                    {
                        if (!UnitWords.Contains(w))
                        {
                            kept.Add(w);
                        }
                    }

                    if (kept.Count == 0 || (kept.TrueForAll(IsDigits) && !villageWord && hint != (int)GazetteerLevel.Village))
                    {
                        continue;
                    }

                    var name = FoldWords(kept.Select(w => _wordCache.GetOrAdd(w, LatinNames.NormaliseWord)));
                    // A longer run is better evidence: "Toul Tumpung Ti Pir" by sound beats "Pir" by spelling.
                    Add(_byName.GetValueOrDefault(name), 1.0 + kept.Count);
                    AddVillages("n", name, _villageByName, 1.0 + kept.Count);
                    var key = _keyCache.GetOrAdd(string.Join(' ', kept), PlaceKey);
                    if (key.Length >= 3)
                    {
                        Add(_byKey.GetValueOrDefault(key), 0.5 + (0.7 * kept.Count));
                        AddVillages("k", key, _villageByKey, 0.5 + (0.7 * kept.Count));
                    }
                }
            }
        }

        return new PieceMatch(found.Select(kv => (kv.Key, kv.Value)).ToArray(), villages.ToArray());
    }

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= '\u17E0' and <= '\u17E9'))
            {
                return false;
            }
        }

        return s.Length > 0;
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

    /// <summary>
    /// Phonetic key of a place name; an r after a vowel is dropped as well, since popular spellings add or
    /// drop it freely (Tuol Kouk / Toul Kork, Chamkar / Chamka).
    /// </summary>
    private static string PlaceKey(string latinWords)
    {
        var w = latinWords.ToCharArray();
        var kept = new System.Text.StringBuilder(w.Length);
        for (var i = 0; i < w.Length; i++)
        {
            var afterVowel = i > 0 && w[i - 1] is 'a' or 'e' or 'i' or 'o' or 'u';
            var beforeVowel = i + 1 < w.Length && w[i + 1] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (w[i] == 'r' && afterVowel && !beforeVowel)
            {
                continue;
            }

            kept.Append(w[i]);
        }

        return PhoneticKey.FromLatin(kept.ToString());
    }

    /// <summary>Folded Latin name without unit words or spaces, words in canonical romanisation.</summary>
    private static string FoldLatin(string text) => FoldWords(StripUnits(TextFold.LatinWords(text)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(LatinNames.NormaliseWord));

    /// <summary>
    /// Normalised words joined, then an h between a vowel and a consonant dropped, so that joined and split
    /// spellings fold alike ("KaohReah" and "Kaoh Reah": per word the final h goes, joined it is inside).
    /// </summary>
    private static string FoldWords(IEnumerable<string> normalisedWords)
    {
        var joined = string.Concat(normalisedWords);
        var sb = new System.Text.StringBuilder(joined.Length);
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == 'h' && i > 0 && IsVowel(joined[i - 1]) && (i + 1 == joined.Length || !IsVowel(joined[i + 1])))
            {
                continue;
            }

            sb.Append(joined[i]);
        }

        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string StripUnits(string words)
    {
        var all = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = all.Where(w => !UnitWords.Contains(w)).ToArray();
        return string.Join(' ', kept.Length > 0 ? kept : all);
    }

    private static string FoldKhmer(string text) => FoldKhmer(text, out _);

    /// <summary>Compact Khmer name with its unit words removed (they may be doubled: ភូមិភូមិ ២).</summary>
    private static string FoldKhmer(string text, out bool villageWord) => StripKhmerUnits(TextFold.KhmerCompact(text), out villageWord);

    private static string StripKhmerUnits(string compact, out bool villageWord)
    {
        var s = compact;
        villageWord = false;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var unit in KhmerUnitWords)
            {
                if (s.StartsWith(unit, StringComparison.Ordinal) && s.Length > unit.Length)
                {
                    villageWord |= unit == "ភូមិ";
                    s = s[unit.Length..];
                    changed = true;
                }
            }
        }

        return s;
    }
}
