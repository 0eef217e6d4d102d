using Integration.Matching.Standardisation;

namespace Integration.Matching.Blocking;

/// <summary>
/// The communes a record stands in for the place keys: its own, or, when its commune is missing, every commune
/// of its district that any record names (a missing part agrees with any value of it). Without a district a record
/// has no place keys: the name keys, which ignore place, find it.
/// </summary>
internal sealed class BlockingAreas
{
    /// <summary>A district's communes beyond this are too many to stand in for: the district itself is used.</summary>
    public const int MaxCommunesPerDistrict = 40;

    private readonly Dictionary<string, string[]> _communesOfDistrict;

    private BlockingAreas(Dictionary<string, string[]> communesOfDistrict) => _communesOfDistrict = communesOfDistrict;

    public static BlockingAreas From(IEnumerable<StandardRecord> records)
    {
        var seen = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.Place is { District: { } d, Commune: { } c })
            {
                if (!seen.TryGetValue(d, out var set))
                {
                    seen[d] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(c);
            }
        }

        return new BlockingAreas(seen.ToDictionary(
            kv => kv.Key,
            kv => kv.Value.Count <= MaxCommunesPerDistrict ? kv.Value.Order(StringComparer.Ordinal).ToArray() : [kv.Key],
            StringComparer.Ordinal));
    }

    public ReadOnlySpan<string> Of(StandardRecord r)
    {
        if (r.Place.Commune is { } commune)
        {
            return new[] { commune };
        }

        return r.Place.District is not { } district ? [] : _communesOfDistrict.TryGetValue(district, out var communes) ? communes : new[] { district };
    }
}
