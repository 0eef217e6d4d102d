using Integration.Matching.Standardisation;

namespace Integration.Matching.Blocking;

/// <summary>
/// The blocking keys (Splink's blocking rules): two records become a candidate pair when they share any
/// one of them. Several independent keys, so a pair missed by one (a typo in the name, a missing phone)
/// is found by another.
/// </summary>
public enum BlockingKey : byte
{
    /// <summary>Same TIN (own or cross-reference).</summary>
    Tin,

    /// <summary>Same MoC registration number (own or cross-reference).</summary>
    MocNo,

    /// <summary>A shared phone number.</summary>
    Phone,

    Email,

    /// <summary>One of the record's rarest Latin name words.</summary>
    RareToken,

    /// <summary>The same compact Khmer name.</summary>
    KhmerName,

    /// <summary>The same phonetic key of the whole name (meets Khmer-only records with their Latin twins).</summary>
    Phonetic,

    /// <summary>Same commune and the same first letters of the phonetic key (a record without a commune: any commune of its district).</summary>
    PlacePhonetic,

    /// <summary>Same commune and the same first letters of the joined Latin name (missing commune as above).</summary>
    PlaceName,

    /// <summary>The same phonetic key of the name without trade words (Bopha Trading = ហាង បុប្ផា).</summary>
    CoreName,

    /// <summary>
    /// Same house number in the same commune (missing commune as above), in the same district, on the same street of the province, or, for
    /// records with no district and no street, the house number alone: neighbours whatever their names say.
    /// </summary>
    Premises,
}

/// <summary>Generates a record's blocking keys as 64-bit hashes (no key strings kept in memory).</summary>
internal static class BlockingKeyGenerator
{
    public static readonly int KeyCount = Enum.GetValues<BlockingKey>().Length;

    /// <summary>True for the keys made of the name alone (their large blocks pair only records with no other key, ordered by place).</summary>
    public static bool SaysName(BlockingKey key) => key is BlockingKey.RareToken or BlockingKey.KhmerName or BlockingKey.Phonetic or BlockingKey.CoreName;

    /// <summary>
    /// True for identifier and contact keys: shared by more records than a block holds, a TIN is a wrong
    /// cross-reference and a phone or e-mail an agent's; such a block is no evidence and pairs nothing.
    /// </summary>
    public static bool SaysContact(BlockingKey key) => key is BlockingKey.Tin or BlockingKey.MocNo or BlockingKey.Phone or BlockingKey.Email;

    /// <summary>The keys bits of the identifier keys, in the masks <see cref="BlockIndex.Candidates"/> gives.</summary>
    public const int IdentifierKeys = (1 << (int)BlockingKey.Tin) | (1 << (int)BlockingKey.MocNo);

    /// <param name="areas">The communes a record stands in for blocking (<see cref="BlockingAreas"/>).</param>
    public static void Keys(StandardRecord r, Dictionary<string, int> tokenFrequency, int rareTokens, BlockingAreas areas, List<(ulong Hash, BlockingKey Key)> into)
    {
        into.Clear();
        Add(into, BlockingKey.Tin, r.Tin);
        Add(into, BlockingKey.MocNo, r.MocNo);
        foreach (var p in r.Phones)
        {
            Add(into, BlockingKey.Phone, p);
        }

        Add(into, BlockingKey.Email, r.Email);
        if (r.LatinTokens.Length > 0 && rareTokens > 0)
        {
            AddRareTokens(into, r.LatinTokens, tokenFrequency, rareTokens);
        }

        if (r.Khmer.Length > 0)
        {
            Add(into, BlockingKey.KhmerName, r.Khmer);
        }

        AddName(into, r.LatinKey);
        if (r.KhmerKey != r.LatinKey)
        {
            AddName(into, r.KhmerKey);
        }

        if (r.CoreKey.Length >= 2)
        {
            Add(into, BlockingKey.CoreName, r.CoreKey);
        }

        if (r.KhmerCoreKey.Length >= 2)
        {
            Add(into, BlockingKey.CoreName, r.KhmerCoreKey);
        }

        // Keys by place: in the record's commune, or, where the commune is missing, in every commune of its
        // district (a missing part agrees with any value of it), so that a blank commune still meets its twin.
        foreach (var area in areas.Of(r))
        {
            AddPlace(into, r.LatinKey, area);
            if (r.KhmerKey != r.LatinKey)
            {
                AddPlace(into, r.KhmerKey, area);
            }

            if (r.LatinJoined.Length >= 3)
            {
                Add(into, BlockingKey.PlaceName, area, r.LatinJoined.AsSpan(0, 3));
            }

            if (r.House is not null)
            {
                Add(into, BlockingKey.Premises, area, r.House);
            }
        }

        // The house in its district finds a twin whose commune is missing or resolved to another commune (a market or
        // a village named like a neighbouring commune, a commune left out of one line): the commune keys above never
        // meet then. A large block (house 12 in a city district) is cut to windows by name like any place block.
        if (r.House is not null && r.Place.District is { } district)
        {
            Add(into, BlockingKey.Premises, district, r.House);
        }

        // The house on its street in the province finds a twin whose district or commune is missing or resolved
        // elsewhere; with neither place nor street the house number alone (large blocks are cut to windows by name).
        if (r.House is not null && r.Street is not null)
        {
            Add(into, BlockingKey.Premises, (r.Place.Province ?? "") + " street " + r.Street, r.House);
        }
        else if (r.House is not null && r.Place.District is null)
        {
            Add(into, BlockingKey.Premises, "house", r.House);
        }
    }

    private static void AddName(List<(ulong, BlockingKey)> into, string key)
    {
        if (key.Length >= 2)
        {
            Add(into, BlockingKey.Phonetic, key);
        }
    }

    private static void AddPlace(List<(ulong, BlockingKey)> into, string key, string area)
    {
        if (key.Length >= 2)
        {
            Add(into, BlockingKey.PlacePhonetic, area, key.AsSpan(0, Math.Min(3, key.Length)));
        }
    }

    /// <summary>The record's rarest words of three letters or more (short words and digits say little on their own), rarest first.</summary>
    private static void AddRareTokens(List<(ulong, BlockingKey)> into, string[] tokens, Dictionary<string, int> tokenFrequency, int count)
    {
        // Names have a handful of words: pick the rarest by repeated scans rather than sorting a copy.
        string? previous = null;
        var previousFrequency = 0;
        for (var taken = 0; taken < count; taken++)
        {
            string? best = null;
            var bestFrequency = 0;
            foreach (var t in tokens)
            {
                if (t.Length < 3)
                {
                    continue;
                }

                var f = tokenFrequency.GetValueOrDefault(t, 1);
                if (previous is not null && Compare(f, t, previousFrequency, previous) <= 0)
                {
                    continue; // already taken
                }

                if (best is null || Compare(f, t, bestFrequency, best) < 0)
                {
                    (best, bestFrequency) = (t, f);
                }
            }

            if (best is null)
            {
                return;
            }

            Add(into, BlockingKey.RareToken, best);
            (previous, previousFrequency) = (best, bestFrequency);
        }
    }

    private static int Compare(int frequency, string token, int otherFrequency, string other)
    {
        var c = frequency.CompareTo(otherFrequency);
        return c != 0 ? c : string.CompareOrdinal(token, other);
    }

    private static void Add(List<(ulong, BlockingKey)> into, BlockingKey key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Add(into, key, Hash(key, value));
        }
    }

    /// <summary>The key "place:value" without making its string: the same hash as of the joined text.</summary>
    private static void Add(List<(ulong, BlockingKey)> into, BlockingKey key, string place, ReadOnlySpan<char> value) =>
        Add(into, key, Continue(Continue(Continue(Start(key), place), ":"), value));

    private static void Add(List<(ulong, BlockingKey)> into, BlockingKey key, ulong h)
    {
        foreach (var (existing, _) in into)
        {
            if (existing == h)
            {
                return;
            }
        }

        into.Add((h, key));
    }

    /// <summary>FNV-1a over the key kind and the value; 64 bits make collisions negligible at national scale.</summary>
    public static ulong Hash(BlockingKey key, string value) => Continue(Start(key), value);

    private static ulong Start(BlockingKey key) => Fnv1a.Add(Fnv1a.Offset, (ulong)key);

    private static ulong Continue(ulong h, ReadOnlySpan<char> text) => Fnv1a.Add(h, text);
}
