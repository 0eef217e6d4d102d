namespace Integration.Matching.Standardisation;

/// <summary>
/// FNV-1a, 64 bits: the one hash of the matcher's keys (blocking keys, agreement-count values, person names),
/// stable across runs and processes, unlike string.GetHashCode.
/// </summary>
internal static class Fnv1a
{
    public const ulong Offset = 14695981039346656037UL;

    private const ulong Prime = 1099511628211UL;

    /// <summary>The hash <paramref name="h"/> continued over each character of <paramref name="text"/>.</summary>
    public static ulong Add(ulong h, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            h = Add(h, c);
        }

        return h;
    }

    /// <summary>The hash <paramref name="h"/> continued over one value (a character, a kind, a separator).</summary>
    public static ulong Add(ulong h, ulong value) => (h ^ value) * Prime;
}
