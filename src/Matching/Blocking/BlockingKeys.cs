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

    /// <summary>Same commune (else district) and the same first letters of the phonetic key.</summary>
    PlacePhonetic,

    /// <summary>Same commune (else district) and the same first letters of the joined Latin name.</summary>
    PlaceName,

    /// <summary>The same phonetic key of the name without trade words (Bopha Trading = ហាង បុប្ផា).</summary>
    CoreName,

    /// <summary>Same commune (else district) and the same house number: neighbours whatever their names say.</summary>
    Premises,
}

/// <summary>Generates a record's blocking keys as 64-bit hashes (no key strings kept in memory).</summary>
public static class BlockingKeyGenerator
{
    public static readonly int KeyCount = Enum.GetValues<BlockingKey>().Length;

    public static void Keys(StandardRecord r, Dictionary<string, int> tokenFrequency, int rareTokens, List<(ulong Hash, BlockingKey Key)> into)
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

        // The commune where known (small blocks), else the district.
        var area = r.Place.Commune ?? r.Place.District;
        AddKey(into, r.LatinKey, area);
        if (r.KhmerKey != r.LatinKey)
        {
            AddKey(into, r.KhmerKey, area);
        }

        if (area is not null && r.LatinJoined.Length >= 3)
        {
            Add(into, BlockingKey.PlaceName, area, r.LatinJoined.AsSpan(0, 3));
        }

        if (r.CoreKey.Length >= 2)
        {
            Add(into, BlockingKey.CoreName, r.CoreKey);
        }

        if (r.KhmerCoreKey.Length >= 2)
        {
            Add(into, BlockingKey.CoreName, r.KhmerCoreKey);
        }

        if (r.House is not null && area is not null)
        {
            Add(into, BlockingKey.Premises, area, r.House);
        }
    }

    private static void AddKey(List<(ulong, BlockingKey)> into, string key, string? district)
    {
        if (key.Length < 2)
        {
            return;
        }

        Add(into, BlockingKey.Phonetic, key);
        if (district is not null)
        {
            Add(into, BlockingKey.PlacePhonetic, district, key.AsSpan(0, Math.Min(3, key.Length)));
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

    private static ulong Start(BlockingKey key) => (14695981039346656037UL ^ (ulong)key) * 1099511628211UL;

    private static ulong Continue(ulong h, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return h;
    }
}
