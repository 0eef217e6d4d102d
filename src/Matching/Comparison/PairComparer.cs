using Integration.Matching.Standardisation;

namespace Integration.Matching.Comparison;

/// <summary>Compares two standardised records field by field into a packed level <see cref="Pattern"/>.</summary>
public static class PairComparer
{
    public static int Compare(StandardRecord a, StandardRecord b)
    {
        Span<int> levels = stackalloc int[Fields.Count];
        levels[Fields.Name] = NameSimilarity.Level(a, b);
        levels[Fields.Tin] = IdLevel(a.Tin, b.Tin, a.TinIsOwn && b.TinIsOwn);
        levels[Fields.Moc] = IdLevel(a.MocNo, b.MocNo, a.MocIsOwn && b.MocIsOwn);
        levels[Fields.Phone] = PhoneLevel(a.Phones, b.Phones);
        levels[Fields.Place] = PlaceLevel(a, b);
        levels[Fields.Email] = a.Email is null || b.Email is null ? -1 : a.Email == b.Email ? 1 : 0;
        levels[Fields.Isic] = IsicLevel(a.Isic, b.Isic);
        levels[Fields.House] = HouseLevel(a, b);
        return Pattern.Pack(levels);
    }

    /// <param name="bothOwn">
    /// Both are the records' own keys in one registry (two GDT TINs, two MoC numbers): those always differ, and
    /// sequential numbers are often one digit apart, so only an equal number (two spellings of one key) says anything.
    /// </param>
    private static int IdLevel(string? a, string? b, bool bothOwn)
    {
        if (a is null || b is null || (bothOwn && a != b))
        {
            return -1;
        }

        return a == b ? 2 : Identifiers.OneSlipApart(a, b) ? 1 : 0;
    }

    private static int PhoneLevel(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return -1;
        }

        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return 1;
                }
            }
        }

        return 0;
    }

    private static int PlaceLevel(StandardRecord a, StandardRecord b)
    {
        var pa = a.Place;
        var pb = b.Place;
        if (pa.Province is null || pb.Province is null)
        {
            return -1;
        }

        if (pa.Province != pb.Province)
        {
            return 0;
        }

        if (pa.District is null || pb.District is null || pa.District != pb.District)
        {
            return 1;
        }

        if (pa.Commune is null || pb.Commune is null || pa.Commune != pb.Commune)
        {
            return 2;
        }

        return pa.Village is not null && pa.Village == pb.Village ? 4 : 3;
    }

    private static int HouseLevel(StandardRecord a, StandardRecord b)
    {
        if (a.House is null || b.House is null)
        {
            return -1;
        }

        // Ranges (45-47 and 46) are one house; 12A against 12 is not known either way.
        if (Premises.SameNumber(a.House, b.House) is not { } same)
        {
            return -1;
        }

        // One tower, two tenants: the same house number, another unit.
        if (!same || (a.Unit is not null && b.Unit is not null && a.Unit != b.Unit))
        {
            return 0;
        }

        return a.Street is not null && a.Street == b.Street ? 2 : 1;
    }

    private static int IsicLevel(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return -1;
        }

        return a == b ? 2 : string.CompareOrdinal(a, 0, b, 0, 2) == 0 ? 1 : 0;
    }
}
