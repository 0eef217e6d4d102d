using System.Text.RegularExpressions;

namespace Integration.Matching.Standardisation;

/// <summary>
/// MoC registers a firm's branches as records of their own, named after the head office plus a branch
/// marker: "Sokha Trading Co., Ltd. - Branch 2", "... (Siem Reap Branch)", "... សាខា២". The marker is cut
/// off (so the name compares with the head office's) and remembered. A foreign firm's own legal form
/// "(Cambodia Branch)" / "Branch in Cambodia" is not a branch marker.
/// </summary>
public static partial class Branches
{
    public static (string? Name, bool IsBranch) Strip(string? name)
    {
        // Every marker names the word itself; most names have neither, and three regex scans each cost more.
        if (string.IsNullOrWhiteSpace(name)
            || (!name.Contains("branch", StringComparison.OrdinalIgnoreCase) && !name.Contains("សាខា", StringComparison.Ordinal)))
        {
            return (name, false);
        }

        var m = Numbered().Match(name);
        if (!m.Success)
        {
            m = Placed().Match(name);
            if (m.Success && m.Groups[1].Value.Trim().Equals("Cambodia", StringComparison.OrdinalIgnoreCase))
            {
                m = Match.Empty;
            }
        }

        if (!m.Success)
        {
            m = Khmer().Match(name);
        }

        return m.Success ? (name[..m.Index].TrimEnd(), true) : (name, false);
    }

    [GeneratedRegex(@"\s*-?\s*\bBranch\s*(?:No\.?\s*)?[0-9]+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"\s*\(([^()]+?)\s+Branch\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Placed();

    [GeneratedRegex(@"\s*សាខា\s*[០-៩0-9]+\s*$")]
    private static partial Regex Khmer();
}
