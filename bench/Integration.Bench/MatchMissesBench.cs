using System.Globalization;
using System.Text;
using Integration.Core.Database;
using Integration.Core.Reference;
using Integration.Matching;
using Integration.Matching.Blocking;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Bench;

/// <summary>
/// Where true pairs are lost, by mechanism: never a candidate (blocking), scored below review, or refused by
/// clustering; and which patterns the wrong links have. Runs the engine in memory on an ingested database.
/// Also: the constraint that keeps each refused pair apart, and for every NSSF employer left without a licence or
/// taxpayer record its best candidate of the other registries (what <c>Matching:UnattachedCandidateThreshold</c> acts on).
/// Usage: match-misses DB TRUTH.csv GAZETTEER [max examples]. TRUTH is ground-truth/records.csv of the generator
/// (true_id,feed,source_key) or a benchmark's truth/records.csv (feed,source_key,entity).
/// </summary>
public sealed class MatchMissesBench : IBench
{
    public string Name => "match-misses";

    public string Description => "developer diagnosis: true pairs lost per stage and the patterns of misses and wrong links";

    public Task<string> RunAsync(string[] args)
    {
        var db = new Db(new DatabaseOptions { ConnectionString = args[0] });
        var truth = ReadTruth(args[1]);
        var gazetteer = Gazetteer.Load(args[2]);
        var examples = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        var records = new Standardiser(gazetteer).StandardiseAll(new RecordStore(db).ReadCurrent());
        var options = new MatchingOptions();
        var result = new MatchEngine(options).Run(records, []);
        var entity = records.Select(r => truth.GetValueOrDefault((r.Source.FeedName, r.Source.SourceKey))).ToArray();
        var clusterOf = new int[records.Length];
        foreach (var l in result.Links)
        {
            clusterOf[l.Record] = l.Cluster;
        }

        var members = new Dictionary<int, List<int>>();
        foreach (var l in result.Links)
        {
            (members.TryGetValue(l.Cluster, out var list) ? list : members[l.Cluster] = []).Add(l.Record);
        }

        // Which constraint keeps a pair scored above review apart (as the final clusters stand).
        string Refusal(int a, int b)
        {
            var ma = members[clusterOf[a]];
            var mb = members[clusterOf[b]];
            var sameFeed = ma.Any(x => mb.Any(y => records[x].Feed == records[y].Feed && !records[x].IsBranch && !records[y].IsBranch));
            var over = Enumerable.Range(0, 3).Any(f => ma.Count(x => records[x].Feed == f && !records[x].IsBranch) + mb.Count(x => records[x].Feed == f && !records[x].IsBranch) > options.MaxRecordsPerFeed);
            var feeds = string.Join("+", ma.Concat(mb).Where(x => !records[x].IsBranch).GroupBy(x => records[x].Feed).Where(g => g.Count() > 1).Select(g => Feeds.Short[g.Key]));
            return over ? "per-feed cap" : sameFeed ? "two " + feeds + " records not linked directly" : "other";
        }

        var index = BlockIndex.Build(records, options.MaxBlockSize, options.RareTokensPerRecord, options.BlockingKeys, options.LinkWithinRegistries, options.BlockWindow);
        var found = new List<(int Record, int Keys)>();
        var md = new StringBuilder();
        var byEntity = Enumerable.Range(0, records.Length).Where(i => entity[i] is not null).GroupBy(i => entity[i]!).ToList();
        var stages = new Dictionary<string, int>(StringComparer.Ordinal);
        var missPatterns = new Dictionary<string, int>(StringComparer.Ordinal);
        var exampleLines = new List<string>();
        var wrongLines = new List<string>();
        long truePairs = 0;
        foreach (var g in byEntity)
        {
            var m = g.ToArray();
            for (var x = 0; x < m.Length; x++)
            {
                for (var y = x + 1; y < m.Length; y++)
                {
                    var (a, b) = m[x] < m[y] ? (m[x], m[y]) : (m[y], m[x]);
                    var kind = records[a].Feed == records[b].Feed ? "within" : "cross";
                    truePairs++;
                    if (clusterOf[a] == clusterOf[b])
                    {
                        Bump(stages, kind + " linked");
                        continue;
                    }

                    index.Candidates(a, records, found);
                    var pattern = PairComparer.Compare(records[a], records[b]);
                    var w = result.Scoring.Weight(result.Model, a, b, pattern);
                    var p = FellegiSunterModel.Probability(w);
                    var stage = !found.Exists(f => f.Record == b) ? "not a candidate" : p < options.ReviewThreshold ? "below review" : "refused by clustering (" + Refusal(a, b) + ")";
                    Bump(stages, kind + " " + stage);
                    var text = Describe(pattern);
                    Bump(missPatterns, $"{kind} {stage}: {text}");
                    if (exampleLines.Count < examples)
                    {
                        exampleLines.Add(string.Create(CultureInfo.InvariantCulture,
                            $"- {kind} {stage} w={w:0.0}: {Show(records[a])} || {Show(records[b])} :: {Evidence.Text(pattern, result.Scoring.FieldWeights(result.Model, a, b, pattern), w)}"));
                    }
                }
            }
        }

        // Wrong links: pairs in one cluster of different true entities.
        var wrong = new Dictionary<string, int>(StringComparer.Ordinal);
        long wrongPairs = 0;
        foreach (var c in result.Clusters.Where(c => c.Length > 1))
        {
            for (var x = 0; x < c.Length; x++)
            {
                for (var y = x + 1; y < c.Length; y++)
                {
                    if (entity[c[x]] is { } ea && entity[c[y]] is { } eb && ea != eb)
                    {
                        wrongPairs++;
                        var pattern = PairComparer.Compare(records[c[x]], records[c[y]]);
                        Bump(wrong, (records[c[x]].Feed == records[c[y]].Feed ? "within " : "cross ") + Describe(pattern));
                        if (wrongLines.Count < examples)
                        {
                            var w = result.Scoring.Weight(result.Model, c[x], c[y], pattern);
                            wrongLines.Add(string.Create(CultureInfo.InvariantCulture,
                                $"- WRONG w={w:0.0}: {Show(records[c[x]])} || {Show(records[c[y]])} :: {Evidence.Text(pattern, result.Scoring.FieldWeights(result.Model, c[x], c[y], pattern), w)}"));
                        }
                    }
                }
            }
        }

        // Pairs kept in the review band, by pattern, with how many are true.
        var review = new Dictionary<string, (int All, int True)>(StringComparer.Ordinal);
        foreach (var kp in result.Pairs.Where(p => p.Band == PairBand.Review))
        {
            var k = (records[kp.A].Feed == records[kp.B].Feed ? "within " : "cross ") + (kp.Accepted ? "joined: " : "kept apart: ") + Describe(kp.Pattern);
            var t = entity[kp.A] is { } x && x == entity[kp.B] ? 1 : 0;
            var c = review.GetValueOrDefault(k);
            review[k] = (c.All + 1, c.True + t);
        }

        // Employers no licence or taxpayer record joined: their best cross-registry candidate, true or not.
        var nssfFeed = Integration.Matching.Records.Feeds.Index(Integration.Matching.Records.Feeds.Nssf);
        var orphanLines = new List<string>();
        var orphans = members.Values.Where(m => m.All(x => records[x].Feed == nssfFeed)).SelectMany(m => m).ToHashSet();
        var candidatesOf = orphans.ToDictionary(o => o, _ => new List<int>());
        for (var i = 0; i < records.Length; i++)
        {
            if (records[i].Feed == nssfFeed)
            {
                continue;
            }

            index.Candidates(i, records, found);
            foreach (var f in found)
            {
                if (candidatesOf.TryGetValue(f.Record, out var list))
                {
                    list.Add(i);
                }
            }
        }

        var othersOf = Enumerable.Range(0, records.Length).Where(i => entity[i] is not null && records[i].Feed != nssfFeed)
            .GroupBy(i => entity[i]!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (x, cands) in candidatesOf)
        {
            var scoredOthers = cands
                .Select(i => (Record: i, P: FellegiSunterModel.Probability(result.Scoring.Weight(result.Model, Math.Min(x, i), Math.Max(x, i), PairComparer.Compare(records[Math.Min(x, i)], records[Math.Max(x, i)])))))
                .OrderByDescending(f => f.P).ToList();
            var firmHas = entity[x] is { } own ? othersOf.GetValueOrDefault(own) : 0;
            var best = scoredOthers.FirstOrDefault();
            var second = scoredOthers.Skip(1).FirstOrDefault();
            orphanLines.Add(string.Create(CultureInfo.InvariantCulture,
                $"- firm's other records {firmHas} cands={scoredOthers.Count} best={(scoredOthers.Count == 0 ? "-" : best.P.ToString("0.0000", CultureInfo.InvariantCulture))} true={(scoredOthers.Count > 0 && entity[best.Record] == entity[x])} second={(scoredOthers.Count > 1 ? second.P.ToString("0.0000", CultureInfo.InvariantCulture) : "-")} trueRank={scoredOthers.FindIndex(f => entity[f.Record] == entity[x])} :: {Show(records[x])} || {(scoredOthers.Count == 0 ? "" : Show(records[best.Record]))}"));
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"# Misses: {records.Length:N0} records, {truePairs:N0} true pairs, {wrongPairs:N0} wrong pairs, prior {result.Model.PriorWeight:0.00} bits, within {result.Model.WithinPriorWeight:0.00}");
        md.AppendLine();
        foreach (var (k, v) in stages.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {k}: {v:N0}");
        }

        md.AppendLine();
        md.AppendLine("## Missed patterns (top 40)");
        foreach (var (k, v) in missPatterns.OrderByDescending(k => k.Value).Take(40))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {v:N0} {k}");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Review-band pairs by pattern (true of all), {result.Links.Count(l => l.Method == LinkMethod.Review)} records in review");
        foreach (var (k, v) in review.OrderByDescending(k => k.Value.All).Take(80))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {v.True}/{v.All} {k}");
        }

        md.AppendLine();
        md.AppendLine("## Wrong-link patterns (top 20)");
        foreach (var (k, v) in wrong.OrderByDescending(k => k.Value).Take(20))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {v:N0} {k}");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Employers left without a licence or taxpayer record ({orphanLines.Count}): best candidate of the other registries, whether it is the firm's, rank of the firm's own");
        foreach (var line in orphanLines.Order(StringComparer.Ordinal).Take(Math.Max(examples, 20)))
        {
            md.AppendLine(line);
        }

        md.AppendLine();
        md.AppendLine("## Model");
        for (var f = 0; f < Fields.Count; f++)
        {
            md.Append(Fields.Names[f]).Append(": ");
            for (var l = 0; l < Fields.LevelCount(f); l++)
            {
                md.Append(CultureInfo.InvariantCulture, $"{Fields.Levels[f][l]} {result.Model.Weights[f][l]:+0.0;-0.0} (m {result.Model.M[f][l]:0.0000} u {result.Model.U[f][l]:0.000000}); ");
            }

            md.AppendLine();
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"isic beside agreeing names: u {result.Model.IsicUBesideName?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "unknown"}, weight {result.Model.IsicWeightBesideName(false):+0.0;-0.0}");
        md.AppendLine();
        md.AppendLine("## Examples");
        foreach (var e in wrongLines.Concat(exampleLines))
        {
            md.AppendLine(e);
        }

        return Task.FromResult(md.ToString());
    }

    private static string Show(StandardRecord r) =>
        $"{r.Source.FeedName[..3]}:{r.Source.SourceKey} '{r.Source.NameEn}' '{r.Source.NameKm}' tin={r.Tin} moc={r.MocNo} ph={string.Join('/', r.Phones)} pl={r.Place.Province}/{r.Place.District}/{r.Place.Commune}/{r.Place.Village} h={r.House} st={r.Street}";

    private static string Describe(int pattern)
    {
        var parts = new List<string>();
        for (var f = 0; f < Fields.Count; f++)
        {
            var l = Pattern.Level(pattern, f);
            if (l >= 0)
            {
                parts.Add(Fields.Names[f] + " " + Fields.Levels[f][l]);
            }
        }

        return string.Join("; ", parts);
    }

    private static void Bump(Dictionary<string, int> d, string k) => d[k] = d.GetValueOrDefault(k) + 1;

    private static Dictionary<(string, string), string> ReadTruth(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        var fi = Array.IndexOf(header, "feed");
        var ki = Array.IndexOf(header, "source_key");
        var ei = Math.Max(Array.IndexOf(header, "entity"), Array.IndexOf(header, "true_id"));
        var d = new Dictionary<(string, string), string>();
        foreach (var line in lines.Skip(1))
        {
            var c = line.Split(',');
            d[(c[fi], c[ki])] = c[ei];
        }

        return d;
    }
}
