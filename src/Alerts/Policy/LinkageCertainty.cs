using System.Globalization;
using Integration.Alerts.Model;

namespace Integration.Alerts.Policy;

/// <summary>
/// A link an answer may rest on that is not certain: a review-band pair between <see cref="Record"/> and
/// <see cref="Partner"/>, or (when the run stored no pairs for the record) the record's own review-band link.
/// </summary>
/// <param name="PartnerEnterpriseId">Set when <see cref="Record"/> belongs to another enterprise (a candidate placed elsewhere).</param>
internal sealed record UncertainLink(RecordKey Record, RecordKey? Partner, double Probability, string? PartnerEnterpriseId = null)
{
    public override string ToString()
    {
        var where = PartnerEnterpriseId is null ? "" : $" of enterprise {PartnerEnterpriseId}";
        return Partner is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"{Record}{where} (review band with {p}, p={Probability:0.00})")
            : string.Create(CultureInfo.InvariantCulture, $"{Record}{where} (linked in the review band, {Probability:0.00})");
    }
}

/// <summary>
/// Records that are joined to each other by certain links but to the checked registration only through
/// uncertain ones: they are one firm's, or none of them is the checked firm's.
/// </summary>
/// <param name="OutsideEnterpriseId">Set for a candidate the matcher placed in another enterprise.</param>
internal sealed record UncertainGroup(IReadOnlyList<RecordKey> Records, IReadOnlyList<UncertainLink> Links, string? OutsideEnterpriseId)
{
    public override string ToString() => string.Join(", ", Links);
}

/// <summary>
/// Which of an enterprise's records the checked registration R is joined to by certain links only (a path of
/// automatic, verified or clerk-accepted pairs), and the groups it is joined to through a review-band link:
/// inside the enterprise, or candidates in the review band that the matcher placed in another enterprise.
/// rules.md step 5 makes a check REVIEW only when the answer rests on such a link; a redundant weaker pair
/// inside records that certain pairs already join is not one.
/// </summary>
internal sealed record LinkageCertainty(IReadOnlySet<RecordKey> Certain, IReadOnlyList<UncertainGroup> Groups, IReadOnlyList<PairRow> Pairs)
{
    /// <summary>True when the matcher made <paramref name="link"/> by a method the policy counts as uncertain (the review band).</summary>
    public static bool IsUncertain(LinkRow link, IReadOnlyCollection<string> uncertainMethods) =>
        uncertainMethods.Contains(link.Method, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// From the stored pairs. A record of the enterprise with no stored pair (a run that kept none, or rows
    /// written by hand) stands for its pairs by its own link: certain unless its method is one of
    /// <paramref name="uncertainMethods"/>.
    /// </summary>
    public static LinkageCertainty Of(EnterpriseFacts facts, RecordKey own, IReadOnlyCollection<string> uncertainMethods)
    {
        var nodes = facts.Records.Append(own).Distinct().ToList();
        var index = new Dictionary<RecordKey, int>(nodes.Count);
        for (var i = 0; i < nodes.Count; i++)
        {
            index[nodes[i]] = i;
        }

        // Union-find over the records, plus one hub that records without stored pairs join by their link.
        var hub = nodes.Count;
        var parent = Enumerable.Range(0, nodes.Count + 1).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        var inside = new List<PairRow>();
        var outside = new List<PairRow>();
        var touched = new bool[nodes.Count];
        // In key order: the pairs come in the order they were read, which a single check and the batch do not share.
        foreach (var p in facts.Pairs.OrderBy(p => p.FeedA, StringComparer.Ordinal).ThenBy(p => p.KeyA, StringComparer.Ordinal)
                     .ThenBy(p => p.FeedB, StringComparer.Ordinal).ThenBy(p => p.KeyB, StringComparer.Ordinal))
        {
            if (p.Kind == PairBand.ClerkReject || p.A == p.B)
            {
                continue;
            }

            var hasA = index.TryGetValue(p.A, out var a);
            var hasB = index.TryGetValue(p.B, out var b);
            if (hasA && hasB)
            {
                inside.Add(p);
                touched[a] = touched[b] = true;
                if (p.Kind.IsCertain())
                {
                    parent[Find(a)] = Find(b);
                }
            }
            else if ((hasA || hasB) && p.Kind.IsUncertain() && facts.Neighbours?.LinkOf(p.Other(hasA ? p.A : p.B)) is not null)
            {
                outside.Add(p);
            }
        }

        var uncertainByLink = new Dictionary<int, UncertainLink>();
        for (var i = 0; i < nodes.Count; i++)
        {
            if (touched[i] || facts.LinkOf(nodes[i]) is not { } link)
            {
                continue;
            }

            if (IsUncertain(link, uncertainMethods))
            {
                uncertainByLink[i] = new UncertainLink(nodes[i], null, link.Confidence);
            }
            else
            {
                parent[Find(i)] = Find(hub);
            }
        }

        var ownRoot = Find(index[own]);
        var certain = nodes.Where((_, i) => Find(i) == ownRoot).ToHashSet();
        var groups = new List<UncertainGroup>();
        foreach (var component in Enumerable.Range(0, nodes.Count).Where(i => Find(i) != ownRoot).GroupBy(Find).OrderBy(g => g.Min()))
        {
            var members = component.Select(i => nodes[i]).ToList();
            var set = members.ToHashSet();
            var links = inside
                .Where(p => set.Contains(p.A) != set.Contains(p.B))
                .Select(p => set.Contains(p.A) ? new UncertainLink(p.A, p.B, p.Probability) : new UncertainLink(p.B, p.A, p.Probability))
                .Concat(component.Where(uncertainByLink.ContainsKey).Select(i => uncertainByLink[i]))
                .ToList();
            if (component.Key == Find(hub) && uncertainByLink.TryGetValue(index[own], out var ownLink))
            {
                links.Add(ownLink); // R itself is the record linked in the review band
            }

            groups.Add(new UncertainGroup(members, links, null));
        }

        foreach (var candidate in outside.GroupBy(p => index.ContainsKey(p.A) ? p.B : p.A).OrderBy(g => g.Key.Feed, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal))
        {
            var enterprise = facts.Neighbours!.LinkOf(candidate.Key)!.EnterpriseId;
            var links = candidate.Select(p => new UncertainLink(candidate.Key, p.Other(candidate.Key), p.Probability, enterprise)).ToList();
            groups.Add(new UncertainGroup([candidate.Key], links, enterprise));
        }

        return new LinkageCertainty(certain, groups, [.. inside, .. outside]);
    }
}
