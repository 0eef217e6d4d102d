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
            // The rarest words first; short words and digits say little on their own.
            var ranked = r.LatinTokens.Where(t => t.Length >= 3).Distinct()
                .OrderBy(t => tokenFrequency.GetValueOrDefault(t, 1)).ThenBy(t => t, StringComparer.Ordinal).Take(rareTokens);
            foreach (var t in ranked)
            {
                Add(into, BlockingKey.RareToken, t);
            }
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
            Add(into, BlockingKey.PlaceName, area + ":" + r.LatinJoined[..3]);
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
            Add(into, BlockingKey.Premises, area + ":" + r.House);
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
            Add(into, BlockingKey.PlacePhonetic, district + ":" + key[..Math.Min(3, key.Length)]);
        }
    }

    private static void Add(List<(ulong, BlockingKey)> into, BlockingKey key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var h = Hash(key, value);
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
    public static ulong Hash(BlockingKey key, string value)
    {
        var h = 14695981039346656037UL ^ (ulong)key;
        h *= 1099511628211UL;
        foreach (var c in value)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return h;
    }
}
