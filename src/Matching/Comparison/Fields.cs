namespace Integration.Matching.Comparison;

/// <summary>
/// The compared fields and their comparison levels, as in Splink's comparison library. A pair's levels
/// are packed into one integer <see cref="Pattern"/> (one decimal digit per field, 0 = missing on either
/// side), so EM runs over a few hundred distinct patterns instead of millions of pairs.
/// </summary>
public static class Fields
{
    public const int Name = 0;
    public const int Tin = 1;
    public const int Moc = 2;
    public const int Phone = 3;
    public const int Place = 4;
    public const int Email = 5;
    public const int Isic = 6;
    public const int House = 7;
    public const int Count = 8;

    public static readonly string[] Names = ["name", "tin", "moc_no", "phone", "place", "email", "isic", "house"];

    /// <summary>Level labels per field; the index is the level.</summary>
    public static readonly string[][] Levels =
    [
        ["different", "weak", "similar", "very similar", "exact", "cross-script weak", "cross-script similar", "cross-script same sound", "short form"],
        ["different", "one slip apart", "equal"],
        ["different", "one slip apart", "equal"],
        ["different", "shared number"],
        ["different province", "same province", "same district", "same commune", "same village"],
        ["different", "equal"],
        ["different", "same division", "same class"],
        ["different", "same number", "same number and street"],
    ];

    /// <summary>
    /// Name level 8, "short form": one name is the other's short form, its words all among the other's
    /// ("Edwards" / "Chicago Public Schools Edwards, Richard") or its initials ("IBM" / "International Business
    /// Machines"). The last level a pattern digit can hold.
    /// </summary>
    public const int NameShortForm = 8;

    /// <summary>Name levels that say the names agree (enough to confirm a shared identifier).</summary>
    public static bool NameAgrees(int level) => level is 2 or 3 or 4 or 6 or 7 or NameShortForm;

    /// <summary>Name levels that say the names share something (some words, or a faint cross-script likeness) but do not agree.</summary>
    public static bool NameWeak(int level) => level is 1 or 5;

    public static int LevelCount(int field) => Levels[field].Length;

    /// <summary>How strongly a name level says "same name", on one scale for same-script and cross-script levels.</summary>
    public static int NameStrength(int level) => level switch
    {
        5 => 1,
        6 => 2,
        7 => 3,
        NameShortForm => 2,
        _ => level,
    };
}

/// <summary>Packing of per-field levels into one integer: digit f (from the right) holds level+1, 0 for missing.</summary>
public static class Pattern
{
    private static readonly int[] Powers = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

    public static int Level(int pattern, int field) => (pattern / Powers[field] % 10) - 1;

    public static int With(int pattern, int field, int level) =>
        pattern - (((pattern / Powers[field]) % 10) * Powers[field]) + ((level + 1) * Powers[field]);

    public static int Pack(ReadOnlySpan<int> levels)
    {
        var p = 0;
        for (var f = 0; f < levels.Length; f++)
        {
            p += (levels[f] + 1) * Powers[f];
        }

        return p;
    }
}
