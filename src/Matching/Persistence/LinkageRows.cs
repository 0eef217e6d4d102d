using Integration.Core.Reference;
using Integration.Matching.Clustering;
using Integration.Matching.Comparison;
using Integration.Matching.Records;
using Integration.Matching.Scoring;
using Integration.Matching.Standardisation;

namespace Integration.Matching.Persistence;

/// <summary>The rows a run stores, made from its result as they are written.</summary>
internal static class LinkageRows
{
    /// <summary>Rows made as they are written (not held all at once: at national scale that is hundreds of MB).</summary>
    public static IEnumerable<object?[]> Links(LinkageResult result, IdAssignment ids, string runId, double reviewThreshold)
    {
        foreach (var link in result.Links)
        {
            var r = result.Records[link.Record].Source;
            yield return [r.FeedName, r.SourceKey, ids.ClusterIds[link.Cluster], Math.Round(link.Confidence, 6), StoredText.Of(link.Method),
                Explanation.LinkExplanation.Explain(result, link, reviewThreshold), runId];
        }
    }

    public static IEnumerable<object?[]> Pairs(LinkageResult result, string runId)
    {
        var weights = new double[Fields.Count];
        foreach (var p in result.Pairs)
        {
            var a = result.Records[p.A].Source;
            var b = result.Records[p.B].Source;
            if (a.Feed > b.Feed || (a.Feed == b.Feed && string.CompareOrdinal(a.SourceKey, b.SourceKey) > 0))
            {
                (a, b) = (b, a);
            }

            yield return [a.FeedName, a.SourceKey, b.FeedName, b.SourceKey, Math.Round(p.Probability, 6), Math.Round(p.Weight, 3), StoredText.Of(p.Band),
                Evidence.Json(result.Scoring.PriorWeight(result.Model, p.A, p.B), p.Pattern, Weights(result, p.A, p.B, p.Pattern, weights), p.Weight, p.Probability), runId];
        }
    }

    /// <summary>registration_duplicates: one row per pair of records of one registry in one enterprise, keys in ordinal order.</summary>
    public static IEnumerable<object?[]> Duplicates(LinkageResult result, IdAssignment ids, string runId)
    {
        var clusterOf = new int[result.Records.Length];
        foreach (var l in result.Links)
        {
            clusterOf[l.Record] = l.Cluster;
        }

        foreach (var d in result.Duplicates)
        {
            var a = result.Records[d.A].Source;
            var b = result.Records[d.B].Source;
            if (string.CompareOrdinal(a.SourceKey, b.SourceKey) > 0)
            {
                (a, b) = (b, a);
            }

            var p = d.Method == LinkMethod.Clerk ? 1.0 : d.Probability;
            yield return [ids.ClusterIds[clusterOf[d.A]], a.FeedName, a.SourceKey, b.SourceKey, Math.Round(p, 6), StoredText.Of(d.Method),
                Explanation.LinkExplanation.ExplainPair(result, d), runId];
        }
    }

    /// <summary>Rows made as they are written, like the links (on the bulk writer's row-making thread).</summary>
    public static IEnumerable<EnterpriseRow> Enterprises(LinkageResult result, IdAssignment ids, PreviousLinkage previous, string runId, Gazetteer places)
    {
        var active = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<StandardRecord>();
        var keys = new System.Text.StringBuilder();
        for (var c = 0; c < result.Clusters.Count; c++)
        {
            var id = ids.ClusterIds[c];
            active.Add(id);

            // Loops rather than LINQ: made for every enterprise (511k at national scale) on the row-making thread.
            members.Clear();
            foreach (var i in result.Clusters[c])
            {
                members.Add(result.Records[i]);
            }

            members.Sort(ByFeedAndKey);
            var place = members[0].Place;
            string? nameEn = null, nameKm = null;
            var feeds = 0;
            foreach (var m in members)
            {
                place = Specificity(m.Place) > Specificity(place) ? m.Place : place;
                nameEn ??= m.Source.NameEn;
                nameKm ??= m.Source.NameKm;
                feeds |= 1 << m.Feed;
            }

            string? Keys(int feed)
            {
                keys.Clear();
                foreach (var m in members)
                {
                    if (m.Feed == feed)
                    {
                        (keys.Length > 0 ? keys.Append('|') : keys).Append(m.Source.SourceKey);
                    }
                }

                return keys.Length == 0 ? null : keys.ToString();
            }

            var row = new EnterpriseRow
            {
                EnterpriseId = id,
                NameEn = nameEn,
                NameKm = nameKm,
                Province = DisplayName(places, place.Province),
                District = DisplayName(places, place.District),
                ProvinceCode = place.Province,
                DistrictCode = place.District,
                CommuneCode = place.Commune,
                MocRegistrationNos = Keys(0),
                Tins = Keys(1),
                NssfIds = Keys(2),
                Feeds = FeedNames[feeds],
                CreatedRunId = runId,
                UpdatedRunId = runId,
            };
            if (previous.Enterprises.TryGetValue(id, out var before))
            {
                row = row with
                {
                    CreatedRunId = before.CreatedRunId,
                    UpdatedRunId = before.RetiredRunId is null && before.SameContent(row) ? before.UpdatedRunId : runId,
                };
            }

            yield return row;
        }

        // Ids no longer in use keep their row, retired, so an old export can still be followed.
        foreach (var before in previous.Enterprises.Values.OrderBy(e => e.EnterpriseId, StringComparer.Ordinal))
        {
            if (active.Contains(before.EnterpriseId))
            {
                continue;
            }

            yield return before.RetiredRunId is not null ? before : before with
            {
                RetiredRunId = runId,
                UpdatedRunId = runId,
                RetiredInto = ids.RetiredInto.GetValueOrDefault(before.EnterpriseId),
            };
        }
    }

    // The gazetteer itself, not an AddressResolver: building one indexes every unit by name and sound.
    private static string? DisplayName(Gazetteer places, string? code) => code is null ? null : places.Find(code)?.NameLatin;

    /// <summary>A pair's field weights, into a buffer the caller reuses.</summary>
    private static double[] Weights(LinkageResult result, int a, int b, int pattern, double[] into)
    {
        result.Scoring.FieldWeights(result.Model, a, b, pattern, into);
        return into;
    }

    private static int ByFeedAndKey(StandardRecord x, StandardRecord y) =>
        x.Feed != y.Feed ? x.Feed.CompareTo(y.Feed) : string.CompareOrdinal(x.Source.SourceKey, y.Source.SourceKey);

    private static int Specificity(PlaceCodes p) => p.Commune is not null ? 3 : p.District is not null ? 2 : p.Province is not null ? 1 : 0;

    /// <summary>The feeds column for each set of feeds (bit 0 moc, 1 gdt, 2 nssf), e.g. "moc|nssf".</summary>
    private static readonly string[] FeedNames = Enumerable.Range(0, 8)
        .Select(set => string.Join('|', Enumerable.Range(0, 3).Where(f => (set & (1 << f)) != 0).Select(f => Feeds.Short[f])))
        .ToArray();
}
