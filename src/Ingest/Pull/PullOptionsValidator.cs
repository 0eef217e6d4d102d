using Integration.Core.Settings;
using Integration.Ingest.Feeds;

namespace Integration.Ingest.Pull;

/// <summary>
/// Start-up check of the <c>Pull</c> section: every source names a known feed, its address is absolute HTTPS (or
/// HTTP with AllowInsecureHttp), and its retry, paging and circuit numbers can work. A source without a URL is
/// allowed: its pull job does nothing (PullService reports NotConfigured).
/// </summary>
internal sealed class PullOptionsValidator() : SettingsValidator<PullOptions>(PullOptions.Section)
{
    protected override void Check(PullOptions options, SettingsProblems problems)
    {
        problems.NotEmpty(nameof(options.WorkPath), options.WorkPath);
        foreach (var (feed, source) in options.Sources)
        {
            var s = $"Sources:{feed}:";
            if (!FeedCatalog.All.Any(f => string.Equals(f.Name, feed, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add(s.TrimEnd(':'), $"is not a feed; feeds are {string.Join(", ", FeedCatalog.All.Select(f => f.Name))}.");
            }

            if (!string.IsNullOrWhiteSpace(source.Url))
            {
                if (!Uri.TryCreate(source.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                {
                    problems.Add(s + nameof(source.Url), $"is '{source.Url}'; it must be an absolute https address.");
                }
                else if (url.Scheme == "http" && !source.AllowInsecureHttp)
                {
                    problems.Add(s + nameof(source.Url), "is plain HTTP; ministry extracts go over HTTPS (set AllowInsecureHttp only for a trusted network).");
                }
            }

            problems.AtLeast(s + nameof(source.PageSize), source.PageSize, 0);
            problems.AtLeast(s + nameof(source.MaxPages), source.MaxPages, 1);
            problems.Above(s + nameof(source.TimeoutSeconds), source.TimeoutSeconds, 0);
            problems.AtLeast(s + nameof(source.MaxAttempts), source.MaxAttempts, 1);
            problems.AtLeast(s + nameof(source.RetryBaseSeconds), source.RetryBaseSeconds, 0);
            problems.AtLeast(s + nameof(source.BreakAfterFailures), source.BreakAfterFailures, 1);
            problems.AtLeast(s + nameof(source.BreakSeconds), source.BreakSeconds, 0);
            problems.AtLeast(s + nameof(source.ResumeAttempts), source.ResumeAttempts, 0);
            problems.AtLeast(s + nameof(source.AlertAfterFailedPulls), source.AlertAfterFailedPulls, 1);
            problems.Defined(s + nameof(source.Paging), source.Paging);
            if (source.Paging == PagingKind.PageNumber)
            {
                problems.NotEmpty(s + nameof(source.PageParameter), source.PageParameter);
            }

            // As PullHttp reads it: colons between the bytes allowed.
            if (source.ServerCertificateSha256.Replace(":", "", StringComparison.Ordinal).Trim() is { Length: > 0 } pin && !(pin.Length == 64 && pin.All(char.IsAsciiHexDigit)))
            {
                problems.Add(s + nameof(source.ServerCertificateSha256), "must be 64 hex digits (the certificate's SHA-256, colons allowed) or empty.");
            }
        }
    }
}
