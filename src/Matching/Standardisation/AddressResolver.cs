// Over 300 lines: one resolver (lookup of word runs at every level, then the best-supported chain); its caches and scoring share one index.
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Integration.Core.Reference;

namespace Integration.Matching.Standardisation;

/// <summary>How sure the resolver is of an address's codes; only <see cref="Confident"/> and <see cref="Ambiguous"/> keep any.</summary>
public enum PlaceQuality
{
    /// <summary>Nothing in the address names a Cambodian unit.</summary>
    None,

    /// <summary>
    /// Only a chance match: one run of words that spells or sounds like a unit, with no unit word, no column of
    /// its own level and no second level of the same chain to back it ("Kimball", "chicago 60653"). Nothing kept.
    /// </summary>
    Weak,

    /// <summary>The address names a place abroad (a country, a foreign city, a US state with its ZIP code) and no Cambodian province. Nothing kept.</summary>
    Foreign,

    /// <summary>Two chains were equally supported: only the part they share is kept (possibly nothing).</summary>
    Ambiguous,

    /// <summary>The chain is named credibly (its province, a unit word, its own column, several words) or by two of its levels independently.</summary>
    Confident,
}

/// <summary>
/// Gazetteer codes of one address: province PP, district PPDD, commune PPDDCC, village PPDDCCVV; null where
/// unknown. A weak, foreign or ambiguous resolution keeps no codes it is unsure of, so it can never count as a
/// disagreement between two records (unknown, not different).
/// </summary>
public readonly record struct PlaceCodes(string? Province, string? District, string? Commune, string? Village = null, PlaceQuality Quality = PlaceQuality.Confident)
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

    /// <summary>Unit words a clerk may run onto a name ("khansensok"); not "reach" or "kh", which end other words too (Sangkreach).</summary>
    private static readonly HashSet<string> JoinedUnitWords = new(StringComparer.Ordinal)
    {
        "khan", "sangkat", "songkat", "srok", "khum", "krong", "khaet", "khet", "province", "district", "commune", "city", "phum", "phoum", "village",
    };

    /// <summary>Unit words that announce a village; a bare number after them is a village name ("Phum 9").</summary>
    private static readonly HashSet<string> VillageWords = new(StringComparer.Ordinal) { "phum", "phoum", "ph", "village" };

    /// <summary>Words of the house-and-street part of a line; they never name a place.</summary>
    private static readonly HashSet<string> StreetWords = new(StringComparer.Ordinal)
    {
        "no", "st", "street", "national", "road", "nr", "blvd", "boulevard", "house", "building", "floor", "preah",
        "bldg", "unit", "flat", "room", "ave", "avenue", "rd", "lane", "suite", "apt", "apartment",
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

    private readonly Dictionary<string, List<GazetteerUnit>> _byName;
    private readonly Dictionary<string, List<GazetteerUnit>> _byKey;
    private readonly Dictionary<string, List<GazetteerUnit>> _villageByName;
    private readonly Dictionary<string, List<GazetteerUnit>> _villageByKey;
    private readonly Dictionary<string, Dictionary<string, List<GazetteerUnit>>> _villageIn;

    // One cache per hint (-1 for the free-text line, then the levels), keyed by the text as written.
    private readonly ConcurrentDictionary<string, PieceMatch>[] _pieceCache =
        [.. Enumerable.Range(0, 5).Select(_ => new ConcurrentDictionary<string, PieceMatch>(StringComparer.Ordinal))];
    private readonly ConcurrentDictionary<string, PlaceCodes> _addressCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PlaceCodes>.AlternateLookup<ReadOnlySpan<char>> _addressCacheSpan;
    private int _addressCached;
    // Apart per script: one word in both ("st") folds differently in a Khmer line and in a Latin one.
    private readonly ConcurrentDictionary<string, string> _latinWords = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _khmerWords = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _khmerKeys = new(StringComparer.Ordinal);

    // Looked up by span: the inner loop tries every run of up to five words of a line, and building a
    // string for each was most of the resolver's time (national scale).
    private readonly Dictionary<string, List<GazetteerUnit>>.AlternateLookup<ReadOnlySpan<char>> _byNameSpan;
    private readonly Dictionary<string, List<GazetteerUnit>>.AlternateLookup<ReadOnlySpan<char>> _byKeySpan;
    private readonly Dictionary<string, List<GazetteerUnit>>.AlternateLookup<ReadOnlySpan<char>> _villageByNameSpan;
    private readonly Dictionary<string, List<GazetteerUnit>>.AlternateLookup<ReadOnlySpan<char>> _villageByKeySpan;
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _khmerKeysSpan;
    private readonly Dictionary<string, string[]> _chain;
    private readonly Gazetteer _gazetteer;

    /// <summary>
    /// The gazetteer's name indexes, built once per gazetteer instance (the full gazetteer takes 0.4 s of CPU, over
    /// 1.5 s on a loaded machine) and shared by every resolver made on it: each match run makes a new one, with
    /// caches of its own. Read-only once built, so shared across threads.
    /// </summary>
    private static readonly ConditionalWeakTable<Gazetteer, PlaceIndex> Indexes = new();

    public AddressResolver(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        var index = Indexes.GetValue(gazetteer, g => new PlaceIndex(g));
        (_byName, _byKey, _villageByName, _villageByKey, _villageIn, _chain) =
            (index.ByName, index.ByKey, index.VillageByName, index.VillageByKey, index.VillageIn, index.Chain);
        _addressCacheSpan = _addressCache.GetAlternateLookup<ReadOnlySpan<char>>();
        _byNameSpan = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _byKeySpan = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _villageByNameSpan = _villageByName.GetAlternateLookup<ReadOnlySpan<char>>();
        _villageByKeySpan = _villageByKey.GetAlternateLookup<ReadOnlySpan<char>>();
        _khmerKeysSpan = _khmerKeys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Resolves the structured parts and the free-text address line together.</summary>
    public PlaceCodes Resolve(string? province, string? district, string? commune, string? address) =>
        Resolve(province, district, commune, null, address);

    public PlaceCodes Resolve(string? province, string? district, string? commune, string? village, string? address)
    {
        // Registers repeat the same place spellings endlessly; only the house number makes a line unique.
        var line = address is null ? null : Premises.WithoutHouseNumber(address);
        var length = 4 + (province?.Length ?? 0) + (district?.Length ?? 0) + (commune?.Length ?? 0) + (village?.Length ?? 0) + (line?.Length ?? 0);
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(length);
        try
        {
            var key = buffer.AsSpan(0, length);
            var at = 0;
            foreach (var part in (ReadOnlySpan<string?>)[province, district, commune, village, line])
            {
                if (at > 0)
                {
                    key[at++] = '\u001F';
                }

                part.AsSpan().CopyTo(key[at..]);
                at += part?.Length ?? 0;
            }

            // Looked up by span: most lines are new, and a key string for each was garbage at once.
            if (_addressCacheSpan.TryGetValue(key, out var known))
            {
                return known;
            }

            var codes = ResolveUncached(province, district, commune, village, address);
            // Counted apart: ConcurrentDictionary.Count takes every lock of the table, and on every miss that
            // serialised the standardisation threads (measured: most of the national run's address time).
            if (Volatile.Read(ref _addressCached) < MaxCachedAddresses && _addressCache.TryAdd(new string(key), codes))
            {
                Interlocked.Increment(ref _addressCached);
            }

            return codes;
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Bounds the memory the address cache may take at national scale.</summary>
    private const int MaxCachedAddresses = 400_000;

    // Scratch tables of the thread resolving: one pair per thread, not two new ones per record.
    [ThreadStatic]
    private static Dictionary<string, Naming>? t_scores;

    [ThreadStatic]
    private static List<(string Name, double Score)>? t_villages;

    private PlaceCodes ResolveUncached(string? province, string? district, string? commune, string? village, string? address)
    {
        var scores = t_scores ??= new Dictionary<string, Naming>(StringComparer.Ordinal);
        var villages = t_villages ??= [];
        scores.Clear();
        villages.Clear();
        var piece = 0;
        var foreign = false;
        foreign |= Collect(province, (int)GazetteerLevel.Province, piece++, scores, villages);
        foreign |= Collect(district, (int)GazetteerLevel.District, piece++, scores, villages);
        foreign |= Collect(commune, (int)GazetteerLevel.Commune, piece++, scores, villages);
        foreign |= Collect(village, (int)GazetteerLevel.Village, piece++, scores, villages);
        if (!string.IsNullOrWhiteSpace(address))
        {
            var line = address.AsSpan();
            foreach (var range in line.SplitAny(",;\n"))
            {
                foreign |= Collect(line[range].Trim(), -1, piece++, scores, villages);
            }
        }

        var codes = Choose(scores, foreign);
        return codes.Commune is { } c ? codes with { Village = VillageIn(c, villages) } : codes;
    }

    /// <summary>The village of <paramref name="commune"/> named best; none when two are named equally well.</summary>
    private string? VillageIn(string commune, List<(string Name, double Score)> named)
    {
        if (!_villageIn.TryGetValue(commune, out var villagesOfCommune))
        {
            return null;
        }

        string? best = null;
        var bestScore = 0.0;
        foreach (var (name, score) in named)
        {
            if (!villagesOfCommune.TryGetValue(name, out var units))
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

    /// <summary>
    /// What one piece of text names: units above village level with how they are named, village-name lists, and
    /// whether it names a place abroad.
    /// </summary>
    private sealed record PieceMatch((string Code, Naming Naming)[] Units, (string Name, double Score)[] Villages, bool Foreign);

    /// <summary>
    /// How a unit is named: its support, whether that naming is credible on its own (see
    /// <see cref="PlaceQuality.Confident"/>), the words that named it best and other words that named it too
    /// (<see cref="Words"/>; <see cref="Words.None"/> if none), so that two levels named by the same words ("e first"
    /// and "first" sounding like Pursat the province and the district) do not count as two, while "Malai, Malai"
    /// (district and commune of one name, written twice) does.
    /// </summary>
    private readonly record struct Naming(double Score, bool Credible, Words By, Words AlsoBy)
    {
        public Naming Merge(Naming other)
        {
            var (best, second) = other.Score > Score ? (other, this) : (this, other);
            var also = best.AlsoBy.IsNone && !second.By.Overlaps(best.By) ? second.By : best.AlsoBy.IsNone ? second.AlsoBy : best.AlsoBy;
            return best with { Credible = Credible || other.Credible, AlsoBy = also };
        }

        public bool ApartFrom(Naming other) =>
            !By.Overlaps(other.By) || (!AlsoBy.IsNone && !AlsoBy.Overlaps(other.By)) || (!other.AlsoBy.IsNone && !other.AlsoBy.Overlaps(By));
    }

    /// <summary>A run of words of one piece of the address: the piece (column or comma-separated part), its first and last word.</summary>
    private readonly record struct Words(int Piece, int First, int Last)
    {
        public static readonly Words None = new(-1, 0, 0);

        public bool IsNone => Piece < 0;

        public bool Overlaps(Words other) =>
            !IsNone && !other.IsNone && Piece == other.Piece && First <= other.Last && other.First <= Last;
    }

    public string? DisplayName(string? code) => code is null ? null : _gazetteer.Find(code)?.NameLatin;

    /// <summary>
    /// The chain with the most support; equally supported rival chains keep only what they share. The chain is
    /// kept only when it is named credibly or by two of its levels through different runs of words; else the
    /// address is <see cref="PlaceQuality.Weak"/>, or <see cref="PlaceQuality.Foreign"/> when it names a place
    /// abroad and no Cambodian province credibly.
    /// </summary>
    private PlaceCodes Choose(Dictionary<string, Naming> scores, bool foreign)
    {
        if (scores.Count == 0)
        {
            return new PlaceCodes(null, null, null, null, foreign ? PlaceQuality.Foreign : PlaceQuality.None);
        }

        var best = double.MinValue;
        string? chosen = null;
        string? leader = null;
        foreach (var code in scores.Keys)
        {
            double chain = 0;
            foreach (var ancestor in _chain[code])
            {
                chain += scores.GetValueOrDefault(ancestor).Score;
            }

            if (chain > best + 1e-9)
            {
                best = chain;
                chosen = leader = code;
            }
            else if (chain > best - 1e-9)
            {
                chosen = CommonPrefix(chosen!, code);
            }
        }

        var (credible, provinceNamed) = Credibility(leader!, scores);
        if (foreign && !provinceNamed)
        {
            return new PlaceCodes(null, null, null, null, PlaceQuality.Foreign);
        }

        if (!credible)
        {
            return new PlaceCodes(null, null, null, null, PlaceQuality.Weak);
        }

        var quality = chosen == leader ? PlaceQuality.Confident : PlaceQuality.Ambiguous;
        if (string.IsNullOrEmpty(chosen))
        {
            return new PlaceCodes(null, null, null, null, quality);
        }

        // The gazetteer's own code strings, not new substrings: one copy each for 840k records.
        var codes = _chain.TryGetValue(chosen, out var known) ? known : Enumerable.Range(1, chosen.Length / 2).Select(n => chosen[..(n * 2)]).ToArray();
        return new PlaceCodes(
            codes[0],
            codes.Length >= 2 ? codes[1] : null,
            codes.Length >= 3 ? codes[2] : null,
            codes.Length >= 4 ? codes[3] : null,
            quality);
    }

    /// <summary>
    /// Whether the chain of <paramref name="code"/> is named credibly: one of its units credibly, or two of its
    /// levels by different runs of words (a chance sound-alike rarely names a unit and its parent); and whether its
    /// province is named credibly.
    /// </summary>
    private (bool Credible, bool ProvinceNamed) Credibility(string code, Dictionary<string, Naming> scores)
    {
        var credible = false;
        var apart = false;
        var chain = _chain[code];
        for (var i = 0; i < chain.Length; i++)
        {
            if (!scores.TryGetValue(chain[i], out var naming) || naming.Score <= 0)
            {
                continue;
            }

            credible |= naming.Credible;
            for (var j = 0; j < i && !apart; j++)
            {
                apart = scores.TryGetValue(chain[j], out var parent) && parent.Score > 0 && naming.ApartFrom(parent);
            }
        }

        var province = scores.GetValueOrDefault(code[..2]);
        return (credible || apart, province.Credible);
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

    /// <summary>Adds what <paramref name="text"/> names to <paramref name="scores"/>; true when it names a place abroad.</summary>
    private bool Collect(ReadOnlySpan<char> text, int hint, int piece, Dictionary<string, Naming> scores, List<(string, double)> villages)
    {
        if (text.IsWhiteSpace())
        {
            return false;
        }

        // Cached by the text as written: the same piece recurs in most records, and cutting its house
        // number (which never names a place) again on every record was a third of the resolver's time.
        var cache = _pieceCache[hint + 1];
        if (!cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var match))
        {
            var written = text.ToString();
            match = Candidates(Premises.WithoutHouseNumber(written, placeColumn: hint >= 0), hint);
            cache.TryAdd(written, match);
        }
        foreach (var (code, naming) in match.Units)
        {
            var here = naming with { By = naming.By with { Piece = piece }, AlsoBy = naming.AlsoBy.IsNone ? Words.None : naming.AlsoBy with { Piece = piece } };
            scores[code] = scores.TryGetValue(code, out var known) ? known.Merge(here) : here;
        }

        villages.AddRange(match.Villages);
        return match.Foreign;
    }

    /// <summary>Every unit named by a run of one to five words of <paramref name="text"/>, with how well it is named.</summary>
    private PieceMatch Candidates(string text, int hint)
    {
        var found = new Dictionary<string, Naming>(StringComparer.Ordinal);
        var villages = new List<(string, double)>();
        if (TextFold.HasKhmer(text))
        {
            KhmerRuns(text, hint, found, villages);
        }
        else
        {
            LatinRuns(text, hint, found, villages);
        }

        return new PieceMatch(found.Select(kv => (kv.Key, kv.Value)).ToArray(), villages.ToArray(), ForeignPlaces.Named(text));
    }

    private void KhmerRuns(string text, int hint, Dictionary<string, Naming> found, List<(string, double)> villages)
    {
        // Each word compacted once; runs are joined from the compact words.
        var words = text.Split([' ', '\u200B', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => _khmerWords.GetOrAdd(w, x => TextFold.KhmerCompact(x))).Where(w => w.Length > 0).ToArray();
        var buffer = new char[words.Sum(w => w.Length)];
        for (var start = 0; start < words.Length; start++)
        {
            var length = 0;
            for (var len = 1; len <= 4 && start + len <= words.Length; len++)
            {
                words[start + len - 1].CopyTo(buffer.AsSpan(length));
                length += words[start + len - 1].Length;
                var name = StripKhmerUnits(buffer.AsSpan(0, length), out var villageWord);
                if (name.Length == 0 || (IsDigits(name) && !villageWord && hint != (int)GazetteerLevel.Village))
                {
                    continue;
                }

                // Khmer script is Cambodian, and a Khmer spelling is specific: spelled alike is credible.
                var marked = name.Length < length;
                AddUnits(_byNameSpan, name, new Run(1.0 + len, hint, start, start + len - 1, len, Exact: true, Credible: true), found);
                AddVillages(_villageByNameSpan, "n", name, 1.0 + len, hint, villages);
                if (!_khmerKeysSpan.TryGetValue(name, out var key))
                {
                    var s = name.ToString();
                    key = _khmerKeys.GetOrAdd(s, PhoneticKey.FromKhmer(s));
                }

                if (key.Length >= 3)
                {
                    AddUnits(_byKeySpan, key, new Run(0.5 + (0.7 * len), hint, start, start + len - 1, len, Exact: false, Credible: marked || len >= 2), found);
                    AddVillages(_villageByKeySpan, "k", key, 0.5 + (0.7 * len), hint, villages);
                }
            }
        }
    }

    private void LatinRuns(string text, int hint, Dictionary<string, Naming> found, List<(string, double)> villages)
    {
        var words = SplitJoinedWords(TextFold.LatinWords(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var normalised = new string[words.Length];
        var chars = 0;
        for (var i = 0; i < words.Length; i++)
        {
            normalised[i] = _latinWords.GetOrAdd(words[i], LatinNames.NormaliseWord);
            chars += Math.Max(words[i].Length, normalised[i].Length) + 1;
        }

        // The run's normalised words joined, that folded, the run's words spaced, and their phonetic key.
        var buffers = new char[4 * chars];
        var joined = buffers.AsSpan(0, chars);
        var folded = buffers.AsSpan(chars, chars);
        var spaced = buffers.AsSpan(2 * chars, chars);
        var key = buffers.AsSpan(3 * chars, chars);
        for (var start = 0; start < words.Length; start++)
        {
            var villageWord = VillageWords.Contains(words[start]);
            int joinedLength = 0, spacedLength = 0, kept = 0;
            var allDigits = true;
            var marked = false;
            var shortWord = false;
            var letter = false;
            for (var len = 1; len <= 5 && start + len <= words.Length; len++)
            {
                var last = start + len - 1;
                if (StreetWords.Contains(words[last]))
                {
                    break;
                }

                if (UnitWords.Contains(words[last]))
                {
                    marked = true;
                }
                else
                {
                    normalised[last].CopyTo(joined[joinedLength..]);
                    joinedLength += normalised[last].Length;
                    if (kept++ > 0)
                    {
                        spaced[spacedLength++] = ' ';
                    }

                    words[last].CopyTo(spaced[spacedLength..]);
                    spacedLength += words[last].Length;
                    allDigits &= IsDigits(words[last]);
                    shortWord |= words[last].Length < 3;
                    letter |= words[last].Length < 2;
                }

                if (kept == 0 || (allDigits && !villageWord && hint != (int)GazetteerLevel.Village))
                {
                    continue;
                }

                // A longer run is better evidence: "Toul Tumpung Ti Pir" by sound beats "Pir" by spelling.
                var name = folded[..FoldWords(joined[..joinedLength], folded)];
                // Credible on its own: a unit word with it ("Khan ...", "Sangkat ..."), two words spelled alike (six
                // letters or more, no initial: "s la" is Sla) or three that sound alike, none shorter than three
                // letters (two English words, or a run with "at", "pl" or "e", sound like some commune or province
                // often enough: "e paces", "pl near" = Pailin).
                AddUnits(_byNameSpan, name, new Run(1.0 + kept, hint, start, last, kept, Exact: true, Credible: marked || (kept >= 2 && !letter && name.Length >= 6)), found);
                AddVillages(_villageByNameSpan, "n", name, 1.0 + kept, hint, villages);
                var sound = key[..PlaceKey(spaced[..spacedLength], key)];
                if (sound.Length >= 3)
                {
                    AddUnits(_byKeySpan, sound, new Run(0.5 + (0.7 * kept), hint, start, last, shortWord ? 1 : kept, Exact: false, Credible: marked || (kept >= 3 && !shortWord)), found);
                    AddVillages(_villageByKeySpan, "k", sound, 0.5 + (0.7 * kept), hint, villages);
                }
            }
        }
    }

    /// <summary>
    /// Words a clerk ran together ("dangkorphnom penh"): a word of eight letters or more that names nothing is cut
    /// where its head names a unit above village level (by spelling or sound) and its tail, alone or with the next
    /// word, is spelled as one ("dangkor" + "phnom penh"), each part four letters or more (village names are too
    /// many and too short to cut by); or where a unit word is run onto a name ("battambangprovince", "khansensok").
    /// Joined words that are one name ("Sensok") are found by the runs already.
    /// </summary>
    private string[] SplitJoinedWords(string[] words)
    {
        List<string>? split = null;
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            string? head = null, tail = null;
            if (w.Length >= 8 && !IsDigits(w) && !UnitWords.Contains(w) && !StreetWords.Contains(w) && !Names(w, bySound: true, villages: true))
            {
                var next = i + 1 < words.Length ? words[i + 1] : "";
                for (var k = 4; k <= w.Length - 4 && head is null; k++)
                {
                    var (h, t) = (w[..k], w[k..]);
                    var unitWord = JoinedUnitWords.Contains(h) || JoinedUnitWords.Contains(t);
                    if (unitWord ? Names(JoinedUnitWords.Contains(h) ? t : h, bySound: true)
                        : (Names(t, bySound: false) || (next.Length > 0 && Names(t + next, bySound: false))) && Names(h, bySound: true))
                    {
                        (head, tail) = (h, t);
                    }
                }
            }

            if (head is not null && tail is not null)
            {
                split ??= [.. words[..i]];
                split.Add(head);
                split.Add(tail);
            }
            else
            {
                split?.Add(w);
            }
        }

        return split is null ? words : [.. split];
    }

    /// <summary>Whether one folded word names a unit above village level (or any) by its spelling (or, with <paramref name="bySound"/>, by its phonetic key).</summary>
    private bool Names(string word, bool bySound, bool villages = false)
    {
        var normalised = LatinNames.NormaliseWord(word);
        Span<char> folded = stackalloc char[normalised.Length];
        var name = folded[..FoldWords(normalised, folded)];
        if (_byNameSpan.ContainsKey(name) || (villages && _villageByNameSpan.ContainsKey(name)))
        {
            return true;
        }

        if (!bySound)
        {
            return false;
        }

        var key = PlaceKey(word);
        return key.Length >= 3 && (_byKeySpan.ContainsKey(key) || (villages && _villageByKeySpan.ContainsKey(key)));
    }

    private static void AddVillages(
        Dictionary<string, List<GazetteerUnit>>.AlternateLookup<ReadOnlySpan<char>> index, string kind, ReadOnlySpan<char> name, double quality, int hint, List<(string, double)> villages)
    {
        if (index.ContainsKey(name))
        {
            villages.Add((string.Concat(kind, name), quality * LevelWeight[(int)GazetteerLevel.Village] * (hint == (int)GazetteerLevel.Village ? 1.5 : 1.0)));
        }
    }

    /// <summary>
    /// One run of words looked up: its quality (longer and spelled-alike runs are better evidence), the column it
    /// came from (-1 for the line), its first and last word, how many name words it has, whether it matched by spelling and
    /// whether it is credible on its own at any level. A province spelled alike or sounding alike in two words
    /// (there are only 25), and any unit named in the column of its own level, is credible too.
    /// </summary>
    private readonly record struct Run(double Quality, int Hint, int Start, int End, int Words, bool Exact, bool Credible);

    private static void AddUnits(
        Dictionary<string, List<GazetteerUnit>>.AlternateLookup<ReadOnlySpan<char>> index, ReadOnlySpan<char> name, Run run, Dictionary<string, Naming> found)
    {
        var (quality, hint) = (run.Quality, run.Hint);
        if (!index.TryGetValue(name, out var units))
        {
            return;
        }

        foreach (var u in units)
        {
            // One name naming a unit and its own parent (Siem Reap the province and its capital district,
            // Kamboul the district and its commune): in a column, the level the column asks for; in a
            // line, mostly the coarser (the finer one is usually named again on its own).
            var shadow = 1.0;
            if ((int)u.Level != hint && NamesAnAncestor(units, u))
            {
                if (hint >= 0)
                {
                    continue;
                }

                shadow = 0.4;
            }

            var level = (int)u.Level;
            var s = shadow * quality * LevelWeight[level] * (level == hint ? 1.5 : 1.0);
            var credible = run.Credible || level == hint || (u.Level == GazetteerLevel.Province && (run.Exact || run.Words >= 2));
            var naming = new Naming(s, credible, new Words(0, run.Start, run.End), Words.None);
            found[u.Code] = found.TryGetValue(u.Code, out var known) ? known.Merge(naming) : naming;
        }
    }

    private static bool NamesAnAncestor(List<GazetteerUnit> units, GazetteerUnit unit)
    {
        foreach (var other in units)
        {
            if (other != unit && unit.Code.StartsWith(other.Code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
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
        var key = new char[latinWords.Length];
        return new string(key, 0, PlaceKey(latinWords, key));
    }

    /// <summary>
    /// <see cref="PlaceKey(string)"/> of lower-case words separated by single spaces, written to
    /// <paramref name="key"/>, which may be the very span the words are in; returns its length.
    /// </summary>
    private static int PlaceKey(ReadOnlySpan<char> words, Span<char> key)
    {
        Span<char> kept = words.Length <= 256 ? stackalloc char[words.Length] : new char[words.Length];
        var length = 0;
        for (var i = 0; i < words.Length; i++)
        {
            var afterVowel = i > 0 && words[i - 1] is 'a' or 'e' or 'i' or 'o' or 'u';
            var beforeVowel = i + 1 < words.Length && words[i + 1] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (words[i] == 'r' && afterVowel && !beforeVowel)
            {
                continue;
            }

            kept[length++] = words[i];
        }

        return PhoneticKey.FromLatinWords(kept[..length], key);
    }

    /// <summary>Folded Latin name without unit words or spaces, words in canonical romanisation.</summary>
    private static string FoldLatin(string text)
    {
        var joined = string.Concat(StripUnits(TextFold.LatinWords(text)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(LatinNames.NormaliseWord));
        var folded = new char[joined.Length];
        return new string(folded, 0, FoldWords(joined, folded));
    }

    /// <summary>
    /// Normalised words joined, then an h between a vowel and a consonant dropped, so that joined and split
    /// spellings fold alike ("KaohReah" and "Kaoh Reah": per word the final h goes, joined it is inside).
    /// Writes to <paramref name="folded"/> and returns the length.
    /// </summary>
    private static int FoldWords(ReadOnlySpan<char> joined, Span<char> folded)
    {
        var length = 0;
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == 'h' && i > 0 && IsVowel(joined[i - 1]) && (i + 1 == joined.Length || !IsVowel(joined[i + 1])))
            {
                continue;
            }

            folded[length++] = joined[i];
        }

        return length;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static string StripUnits(string words)
    {
        var all = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var kept = all.Where(w => !UnitWords.Contains(w)).ToArray();
        return string.Join(' ', kept.Length > 0 ? kept : all);
    }

    /// <summary>Compact Khmer name with its unit words removed (they may be doubled: ភូមិភូមិ ២).</summary>
    private static string FoldKhmer(string text) => StripKhmerUnits(TextFold.KhmerCompact(text), out _).ToString();

    private static ReadOnlySpan<char> StripKhmerUnits(ReadOnlySpan<char> compact, out bool villageWord)
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

    /// <summary>The gazetteer's units by folded name and by sound key, villages apart and by commune, and each unit's chain of codes.</summary>
    private sealed class PlaceIndex
    {
        public Dictionary<string, List<GazetteerUnit>> ByName { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<GazetteerUnit>> ByKey { get; } = new(StringComparer.Ordinal);

        // Villages apart: a name like Thmei or Kandal names hundreds of them; they are only looked for inside
        // the commune the rest of the address settles on.
        public Dictionary<string, List<GazetteerUnit>> VillageByName { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<GazetteerUnit>> VillageByKey { get; } = new(StringComparer.Ordinal);

        // Commune code, then kind + name: string keys hash far cheaper than tuples (every record looks here).
        public Dictionary<string, Dictionary<string, List<GazetteerUnit>>> VillageIn { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string[]> Chain { get; } = new(StringComparer.Ordinal);

        public PlaceIndex(Gazetteer gazetteer)
        {
            foreach (var u in gazetteer.Units)
            {
                var (byName, byKey) = u.Level == GazetteerLevel.Village ? (VillageByName, VillageByKey) : (ByName, ByKey);
                Index(byName, FoldLatin(u.NameLatin), u);
                Index(byName, FoldKhmer(u.NameKm), u);
                Index(byKey, PlaceKey(StripUnits(TextFold.LatinWords(u.NameLatin))), u);
                Index(byKey, PhoneticKey.FromKhmer(FoldKhmer(u.NameKm)), u);
            }

            foreach (var (index, kind) in new[] { (VillageByName, "n"), (VillageByKey, "k") })
            {
                foreach (var (name, units) in index)
                {
                    foreach (var u in units)
                    {
                        var commune = u.Code[..6];
                        if (!VillageIn.TryGetValue(commune, out var names))
                        {
                            VillageIn[commune] = names = new(StringComparer.Ordinal);
                        }

                        if (!names.TryGetValue(kind + name, out var list))
                        {
                            names[kind + name] = list = [];
                        }

                        list.Add(u);
                    }
                }
            }

            foreach (var u in gazetteer.Units)
            {
                Chain[u.Code] = Enumerable.Range(1, u.Code.Length / 2).Select(n => u.Code[..(n * 2)]).ToArray();
            }

            foreach (var (alias, code) in ProvinceAliases)
            {
                if (gazetteer.Find(code) is { } p)
                {
                    Index(ByName, alias, p);
                }
            }
        }
    }
}
