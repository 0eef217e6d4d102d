using Integration.Core.Reference;
using Integration.Matching.Clustering;
using Integration.Matching.Records;
using Integration.Matching.Scoring;

namespace Integration.Matching.Persistence;

/// <summary>The rows a run stores, made from its result as they are written.</summary>
public static class LinkageRows
{
    /// <summary>Rows made as they are written (not held all at once: at national scale that is hundreds of MB).</summary>
    public static IEnumerable<object?[]> Links(LinkageResult result, IdAssignment ids, string runId, double reviewThreshold)
    {
        foreach (var link in result.Links)
        {
            var r = result.Records[link.Record].Source;
            yield return [r.FeedName, r.SourceKey, ids.ClusterIds[link.Cluster], Math.Round(link.Confidence, 6), MatchRunner.MethodName(link.Method),
                MatchEngine.Explain(result, link, reviewThreshold), runId];
        }
    }

    public static IEnumerable<object?[]> Pairs(LinkageResult result, string runId)
    {
        foreach (var p in result.Pairs)
        {
            var a = result.Records[p.A].Source;
            var b = result.Records[p.B].Source;
            if (a.Feed > b.Feed)
            {
                (a, b) = (b, a);
            }

            yield return [a.FeedName, a.SourceKey, b.FeedName, b.SourceKey, Math.Round(p.Probability, 6), Math.Round(p.Weight, 3), p.Band,
                Evidence.Json(result.Model, p.Pattern, result.Scoring.FieldWeights(result.Model, p.A, p.B, p.Pattern), p.Weight, p.Probability), runId];
        }
    }

    /// <summary>Rows made as they are written, like the links (on the bulk writer's row-making thread).</summary>
    public static IEnumerable<EnterpriseRow> Enterprises(LinkageResult result, IdAssignment ids, PreviousLinkage previous, string runId, Gazetteer places)
    {
        var active = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < result.Clusters.Count; c++)
        {
            var id = ids.ClusterIds[c];
            active.Add(id);
            var members = result.Clusters[c].Select(i => result.Records[i]).OrderBy(r => r.Feed).ThenBy(r => r.Source.SourceKey, StringComparer.Ordinal).ToList();
            var place = members.Select(m => m.Place).OrderByDescending(p => p.Commune is not null ? 3 : p.District is not null ? 2 : p.Province is not null ? 1 : 0).First();
            string? Keys(int feed) => Join(members.Where(m => m.Feed == feed).Select(m => m.Source.SourceKey));
            var row = new EnterpriseRow
            {
                EnterpriseId = id,
                NameEn = members.Select(m => m.Source.NameEn).FirstOrDefault(n => n is not null),
                NameKm = members.Select(m => m.Source.NameKm).FirstOrDefault(n => n is not null),
                Province = DisplayName(places, place.Province),
                District = DisplayName(places, place.District),
                ProvinceCode = place.Province,
                DistrictCode = place.District,
                CommuneCode = place.Commune,
                MocRegistrationNos = Keys(0),
                Tins = Keys(1),
                NssfIds = Keys(2),
                Feeds = string.Join('|', members.Select(m => m.Feed).Distinct().Order().Select(f => Feeds.Short[f])),
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

    private static string? Join(IEnumerable<string> values)
    {
        var s = string.Join('|', values);
        return s.Length == 0 ? null : s;
    }
}
