using Integration.Core.Reference;
using Integration.Matching.Records;

namespace Integration.Matching.Standardisation;

/// <summary>Turns source records into <see cref="StandardRecord"/>s, in parallel, and weighs name tokens by rarity.</summary>
public sealed class Standardiser(Gazetteer gazetteer)
{
    private readonly AddressResolver _places = new(gazetteer);

    // Name words, keys and codes repeat across hundreds of thousands of records: one string each.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);

    private string Intern(string s) => s.Length == 0 ? "" : _strings.GetOrAdd(s, s);

    private string? InternOrNull(string? s) => s is null ? null : Intern(s);

    public AddressResolver Places => _places;

    /// <summary>Records in chunks a worker standardises at once: small enough that few raw rows wait in memory.</summary>
    private const int ChunkSize = 2048;

    /// <summary>
    /// Standardises <paramref name="records"/> in their order while they are still being read: one thread
    /// reads chunks, one worker per core standardises them, so a streamed source is never held raw as a whole
    /// (national scale: the raw columns are about 1 KB a record).
    /// </summary>
    public StandardRecord[] StandardiseAll(IEnumerable<SourceRecord> records)
    {
        using var chunks = new System.Collections.Concurrent.BlockingCollection<(int Index, SourceRecord[] Rows)>(boundedCapacity: 4 * Environment.ProcessorCount);
        var done = new System.Collections.Concurrent.ConcurrentDictionary<int, StandardRecord[]>();
        var reader = Task.Run(() =>
        {
            try
            {
                var index = 0;
                foreach (var chunk in records.Chunk(ChunkSize))
                {
                    chunks.Add((index++, chunk));
                }
            }
            finally
            {
                chunks.CompleteAdding();
            }
        });
        Parallel.ForEach(
            chunks.GetConsumingEnumerable(),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            chunk =>
            {
                var output = new StandardRecord[chunk.Rows.Length];
                for (var i = 0; i < output.Length; i++)
                {
                    output[i] = Standardise(chunk.Rows[i]);
                }

                done[chunk.Index] = output;
            });
        reader.GetAwaiter().GetResult(); // a failed read surfaces here

        var result = new StandardRecord[done.Values.Sum(c => c.Length)];
        var at = 0;
        for (var c = 0; c < done.Count; c++)
        {
            done[c].CopyTo(result, at);
            at += done[c].Length;
        }

        TokenWeighting.Apply(result);
        return result;
    }

    public StandardRecord Standardise(SourceRecord r)
    {
        // A Khmer name typed into the Latin column (or the other way round) is still used, in its own script.
        var latinSource = TextFold.HasLatin(r.NameEn) ? r.NameEn : TextFold.HasLatin(r.NameKm) && !TextFold.HasKhmer(r.NameKm) ? r.NameKm : null;
        var khmerSource = TextFold.HasKhmer(r.NameKm) ? r.NameKm : TextFold.HasKhmer(r.NameEn) ? r.NameEn : null;
        var latin = latinSource is null ? LatinName.None : _latinNames.GetOrAdd(latinSource, StandardiseLatin);
        var khmerPart = khmerSource is null ? KhmerName.None : _khmerNames.GetOrAdd(khmerSource, StandardiseKhmer);
        var premises = Premises.Parse(r.HouseNo, r.Street, r.Address);
        return new StandardRecord
        {
            Source = SourceRef.Of(r),
            LatinTokens = latin.Tokens,
            LatinJoined = latin.Joined,
            Khmer = khmerPart.Name,
            LatinKey = latin.Key,
            LatinAcronym = latin.Acronym,
            LatinInitials = latin.Initials,
            KhmerKey = khmerPart.Key,
            LatinMeaning = latin.Meaning,
            KhmerMeaning = khmerPart.Meaning,
            // Identifiers are not interned: most occur in one to three records, and a table of a million of
            // them cost more time and memory than the copies it saved.
            Tin = Identifiers.CanonicalTin(r.AnyTin),
            MocNo = Identifiers.CanonicalMocNo(r.AnyMocNo),
            Phones = Phones.Parse(r.Phone),
            Email = string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim().ToLowerInvariant(),
            Place = _places.Resolve(r.Province, r.District, r.Commune, r.Village, r.Address),
            House = InternOrNull(premises.House),
            Unit = InternOrNull(premises.Unit),
            Street = InternOrNull(Premises.StreetKey(r.Street, r.Address)),
            CoreKey = latin.CoreKey.Length > 0 ? latin.CoreKey : khmerPart.CoreKey,
            KhmerCoreKey = khmerPart.CoreKey,
            KhmerCore = khmerPart.Core,
            IsBranch = r.Feed == 0 && (latin.IsBranch || khmerPart.IsBranch),
            Kinds = latin.Kinds | khmerPart.Kinds,
            Isic = r.IsicCode is { Length: >= 2 } isic ? Intern(isic.Trim()) : null,
        };
    }

    // One firm's name is spelled alike in many records (national scale: 393k Latin and 194k Khmer spellings
    // for 837k records), so each spelling is standardised once; records with the same spelling also share
    // the token array.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LatinName> _latinNames = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, KhmerName> _khmerNames = new(StringComparer.Ordinal);

    private LatinName StandardiseLatin(string source)
    {
        var (name, branch) = Branches.Strip(source);
        var tokens = LatinNames.Tokens(name).Select(Intern).ToArray();
        var core = TradeWords.LatinCore(tokens);
        return new LatinName(
            tokens,
            Intern(string.Concat(tokens)),
            Intern(PhoneticKey.FromLatin(string.Join(' ', tokens))),
            Intern(PhoneticKey.FromLatin(string.Join(' ', core))),
            branch,
            Intern(LatinNames.Acronym(core)),
            Intern(LatinNames.Initials(core)),
            Intern(Lexicon.OfLatin(tokens)),
            EstablishmentKinds.OfLatin(tokens));
    }

    private KhmerName StandardiseKhmer(string source)
    {
        var (name, branch) = Branches.Strip(source);
        var khmer = Intern(KhmerNames.Standardise(name));
        var core = Intern(TradeWords.KhmerCore(khmer));
        return new KhmerName(khmer, Intern(PhoneticKey.FromKhmer(khmer)), core, Intern(PhoneticKey.FromKhmer(core)), branch, Intern(Lexicon.OfKhmer(khmer)), EstablishmentKinds.OfKhmer(khmer));
    }

    /// <summary>A Latin-script name standardised: its words, joined, phonetic keys of all and of the core words, the core as an acronym or its initials, its meaning, the kinds of establishment it names.</summary>
    private sealed record LatinName(string[] Tokens, string Joined, string Key, string CoreKey, bool IsBranch, string Acronym, string Initials, string Meaning, EstablishmentKind Kinds)
    {
        public static readonly LatinName None = new([], "", "", "", false, "", "", "", EstablishmentKind.None);
    }

    /// <summary>A Khmer-script name standardised: compact name, its key, its core without trade words, the core's key, its meaning, the kinds of establishment it names.</summary>
    private sealed record KhmerName(string Name, string Key, string Core, string CoreKey, bool IsBranch, string Meaning, EstablishmentKind Kinds)
    {
        public static readonly KhmerName None = new("", "", "", "", false, "", EstablishmentKind.None);
    }
}

/// <summary>
/// Rare words weigh more than common ones ("trading", "garment", "construction"): each Latin token gets
/// log(N / document frequency), as in TF-IDF and Splink's term-frequency adjustments.
/// </summary>
internal static class TokenWeighting
{
    public static Dictionary<string, int> DocumentFrequencies(IReadOnlyList<StandardRecord> records)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            for (var t = 0; t < r.LatinTokens.Length; t++)
            {
                var token = r.LatinTokens[t];
                if (Array.IndexOf(r.LatinTokens, token) == t)
                {
                    df[token] = df.GetValueOrDefault(token) + 1;
                }
            }
        }

        return df;
    }

    public static void Apply(IReadOnlyList<StandardRecord> records)
    {
        var df = DocumentFrequencies(records);
        var n = Math.Max(records.Count, 2);
        foreach (var r in records)
        {
            var w = new double[r.LatinTokens.Length];
            double total = 0;
            for (var t = 0; t < w.Length; t++)
            {
                w[t] = Math.Log((double)n / df.GetValueOrDefault(r.LatinTokens[t], 1)) + 0.5;
                total += w[t];
            }

            r.TokenWeights = w;
            r.TotalWeight = total;
        }
    }
}
