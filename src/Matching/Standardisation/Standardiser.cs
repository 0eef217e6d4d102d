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
        var (latinName, latinBranch) = Branches.Strip(latinSource);
        var (khmerName, khmerBranch) = Branches.Strip(khmerSource);
        var tokens = LatinNames.Tokens(latinName).Select(Intern).ToArray();
        var khmer = Intern(KhmerNames.Standardise(khmerName));
        var khmerCore = Intern(TradeWords.KhmerCore(khmer));
        var khmerCoreKey = Intern(PhoneticKey.FromKhmer(khmerCore));
        var latinCoreKey = Intern(PhoneticKey.FromLatin(string.Join(' ', TradeWords.LatinCore(tokens))));
        return new StandardRecord
        {
            // Only what outputs and explanations show is kept of the source row; the address, phone and
            // e-mail columns live on in standardised form (national scale: about 1 KB less per record).
            Source = r with
            {
                HouseNo = null, Street = null, Village = null, Commune = null, District = null, Province = null,
                Address = null, Phone = null, Email = null, IsicCode = null, Status = null, RefTin = null, RefMocNo = null,
            },
            LatinTokens = tokens,
            LatinJoined = Intern(string.Concat(tokens)),
            Khmer = khmer,
            LatinKey = Intern(PhoneticKey.FromLatin(string.Join(' ', tokens))),
            KhmerKey = Intern(PhoneticKey.FromKhmer(khmer)),
            // Identifiers are not interned: most occur in one to three records, and a table of a million of
            // them cost more time and memory than the copies it saved.
            Tin = Identifiers.CanonicalTin(r.AnyTin),
            MocNo = Identifiers.CanonicalMocNo(r.AnyMocNo),
            Phones = Phones.Parse(r.Phone),
            Email = string.IsNullOrWhiteSpace(r.Email) ? null : r.Email.Trim().ToLowerInvariant(),
            Place = _places.Resolve(r.Province, r.District, r.Commune, r.Village, r.Address),
            House = InternOrNull(Premises.HouseNumber(r.HouseNo, r.Address)),
            Street = InternOrNull(Premises.StreetKey(r.Street, r.Address)),
            CoreKey = latinCoreKey.Length > 0 ? latinCoreKey : khmerCoreKey,
            KhmerCoreKey = khmerCoreKey,
            KhmerCore = khmerCore,
            IsBranch = r.Feed == 0 && (latinBranch || khmerBranch),
            Isic = r.IsicCode is { Length: >= 2 } isic ? Intern(isic.Trim()) : null,
        };
    }
}

/// <summary>
/// Rare words weigh more than common ones ("trading", "garment", "construction"): each Latin token gets
/// log(N / document frequency), as in TF-IDF and Splink's term-frequency adjustments.
/// </summary>
public static class TokenWeighting
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
