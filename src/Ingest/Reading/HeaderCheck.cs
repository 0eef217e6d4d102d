using Integration.Ingest.Feeds;

namespace Integration.Ingest.Reading;

/// <summary>
/// Decides whether a header belongs to the feed whose folder the file was delivered to. A file for the
/// wrong feed must be refused rather than loaded as a snapshot that "removes" the whole register.
/// </summary>
internal static class HeaderCheck
{
    /// <summary>Throws <see cref="FileRejectedException"/> when the key columns are missing or another feed fits the header better.</summary>
    public static void Verify(string fileLabel, FeedDefinition feed, IReadOnlyList<string> header, IngestOptions options, HeaderMap map)
    {
        var missing = MissingKeys(feed, map);
        var other = BetterFeed(feed, header, options, map.KnownCount);
        if (other is not null && (missing.Count > 0 || other.Value.Score > map.KnownCount))
        {
            throw new FileRejectedException($"{fileLabel} line 1: header looks like a {other.Value.Feed.Name} file, not {feed.Name} (WRONG_FEED)");
        }

        if (missing.Count > 0)
        {
            throw new FileRejectedException($"{fileLabel} line 1: header has no {string.Join(" or ", missing)} column (MISSING_HEADER); columns: {Validation.Excerpt.Of(string.Join(", ", header.Select(h => h.Trim().TrimStart('\uFEFF'))), 400)}");
        }
    }

    /// <summary>Required key columns absent from the header (alternatives count as one).</summary>
    public static List<string> MissingKeys(FeedDefinition feed, HeaderMap map)
    {
        var missing = new List<string>();
        foreach (var key in feed.KeyColumns.Where(k => !feed.KeyAlternatives.Contains(k, StringComparer.Ordinal)))
        {
            if (!map.Has(key))
            {
                missing.Add(key);
            }
        }

        if (feed.KeyAlternatives.Count > 0 && !feed.KeyAlternatives.Any(map.Has))
        {
            missing.Add(string.Join("/", feed.KeyAlternatives));
        }

        return missing;
    }

    /// <summary>Another feed whose key columns are all present and which knows more of the header's columns.</summary>
    private static (FeedDefinition Feed, int Score)? BetterFeed(FeedDefinition feed, IReadOnlyList<string> header, IngestOptions options, int ownScore)
    {
        (FeedDefinition Feed, int Score)? best = null;
        foreach (var other in FeedCatalog.All.Where(f => f != feed))
        {
            var map = HeaderMap.Build(other, header, options.MappingFor(other.Name), out _);
            if (MissingKeys(other, map).Count > 0)
            {
                continue;
            }

            var score = map.KnownCount;
            if (score > ownScore && (best is null || score > best.Value.Score))
            {
                best = (other, score);
            }
        }

        return best;
    }
}
