using Integration.Matching.Standardisation;

namespace Integration.Matching.Incremental;

/// <summary>
/// Writes and reads standardised records in a compact binary form, so that an incremental run standardises only
/// the records that changed since the last run (national scale: standardising every record is ~18 s, reading them
/// back a fraction of that). Each record travels with the <c>row_hash</c> of the source row it was made from;
/// <see cref="StandardRecord.TokenWeights"/> are not kept, they depend on all records and are computed again.
/// Values many records share (name words, place codes, ISIC, street, dates) are written once and then by number.
/// A new member of <see cref="StandardRecord"/> must be added here too: the round-trip test compares every property.
/// </summary>
internal sealed class StandardRecordCodec
{
    private readonly Dictionary<string, int> _shared = new(StringComparer.Ordinal);
    private readonly List<string> _read = [];

    public static void Write(BinaryWriter w, StandardRecord r, string rowHash, StandardRecordCodec table)
    {
        var s = r.Source;
        w.Write((byte)s.Feed);
        w.Write(s.SourceKey);
        w.Write(rowHash);
        Plain(w, s.NameEn);
        Plain(w, s.NameKm);
        Plain(w, s.Director);
        w.Write((byte)((s.TinIsOwn ? 1 : 0) | (s.MocIsOwn ? 2 : 0) | (r.IsBranch ? 4 : 0)));
        w.Write7BitEncodedInt(r.LatinTokens.Length);
        foreach (var t in r.LatinTokens)
        {
            table.Shared(w, t);
        }

        Plain(w, r.LatinJoined);
        Plain(w, r.Khmer);
        table.Shared(w, r.LatinKey);
        table.Shared(w, r.KhmerKey);
        table.Shared(w, r.LatinAcronym);
        table.Shared(w, r.LatinInitials);
        table.Shared(w, r.LatinMeaning);
        table.Shared(w, r.KhmerMeaning);
        Plain(w, r.Tin);
        Plain(w, r.MocNo);
        w.Write7BitEncodedInt(r.Phones.Length);
        foreach (var p in r.Phones)
        {
            w.Write(p);
        }

        Plain(w, r.Email);
        table.Shared(w, r.Place.Province);
        table.Shared(w, r.Place.District);
        table.Shared(w, r.Place.Commune);
        table.Shared(w, r.Place.Village);
        w.Write((byte)r.Place.Quality);
        table.Shared(w, r.House);
        table.Shared(w, r.Unit);
        table.Shared(w, r.Street);
        table.Shared(w, r.CoreKey);
        table.Shared(w, r.KhmerCoreKey);
        Plain(w, r.KhmerCore);
        table.Shared(w, r.Isic);
        w.Write7BitEncodedInt((int)r.Kinds);
    }

    /// <summary>One record; <paramref name="lastSeenOn"/> comes from the current row (it moves with every snapshot, the row hash does not).</summary>
    public static (StandardRecord Record, string RowHash) Read(BinaryReader r, StandardRecordCodec table, Func<int, string, string?> lastSeenOn)
    {
        var feed = r.ReadByte();
        var key = r.ReadString();
        var hash = r.ReadString();
        var nameEn = Plain(r);
        var nameKm = Plain(r);
        var director = Plain(r);
        var flags = r.ReadByte();
        var tokens = new string[r.Read7BitEncodedInt()];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = table.Shared(r)!;
        }

        var latinJoined = Plain(r)!;
        var khmer = Plain(r)!;
        var latinKey = table.Shared(r)!;
        var khmerKey = table.Shared(r)!;
        var acronym = table.Shared(r)!;
        var initials = table.Shared(r)!;
        var latinMeaning = table.Shared(r)!;
        var khmerMeaning = table.Shared(r)!;
        var tin = Plain(r);
        var moc = Plain(r);
        var phones = new string[r.Read7BitEncodedInt()];
        for (var i = 0; i < phones.Length; i++)
        {
            phones[i] = r.ReadString();
        }

        var email = Plain(r);
        var place = new PlaceCodes(table.Shared(r), table.Shared(r), table.Shared(r), table.Shared(r), (PlaceQuality)r.ReadByte());
        var record = new StandardRecord
        {
            Source = new SourceRef(feed, key, nameEn, nameKm, lastSeenOn(feed, key), (flags & 1) != 0, (flags & 2) != 0, director),
            LatinTokens = tokens,
            LatinJoined = latinJoined,
            Khmer = khmer,
            LatinKey = latinKey,
            KhmerKey = khmerKey,
            LatinAcronym = acronym,
            LatinInitials = initials,
            LatinMeaning = latinMeaning,
            KhmerMeaning = khmerMeaning,
            Tin = tin,
            MocNo = moc,
            Phones = phones,
            Email = email,
            Place = place,
            House = table.Shared(r),
            Unit = table.Shared(r),
            Street = table.Shared(r),
            CoreKey = table.Shared(r)!,
            KhmerCoreKey = table.Shared(r)!,
            KhmerCore = Plain(r)!,
            IsBranch = (flags & 4) != 0,
            Isic = table.Shared(r),
            Kinds = (EstablishmentKind)r.Read7BitEncodedInt(),
        };
        return (record, hash);
    }

    private static void Plain(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null)
        {
            w.Write(s);
        }
    }

    private static string? Plain(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    // 0 = null, 1 = a new value that follows (number: count so far), n + 2 = the value numbered n.
    private void Shared(BinaryWriter w, string? s)
    {
        if (s is null)
        {
            w.Write7BitEncodedInt(0);
        }
        else if (_shared.TryGetValue(s, out var n))
        {
            w.Write7BitEncodedInt(n + 2);
        }
        else
        {
            _shared[s] = _shared.Count;
            w.Write7BitEncodedInt(1);
            w.Write(s);
        }
    }

    private string? Shared(BinaryReader r)
    {
        var code = r.Read7BitEncodedInt();
        if (code == 0)
        {
            return null;
        }

        if (code == 1)
        {
            var s = r.ReadString();
            _read.Add(s);
            return s;
        }

        return _read[code - 2];
    }
}
