namespace Integration.Access;

/// <summary>
/// What a person or a machine client may do: one role per user group of the product, plus <see cref="Admin"/>
/// for all of them. The same roles govern the web app, the API keys and the CLI's account commands.
/// </summary>
public enum Role
{
    /// <summary>MoC licensing officers: the licence check.</summary>
    Licensing,

    /// <summary>NSSF registration division: leads and their follow-up status; coverage.</summary>
    Registration,

    /// <summary>NSSF inspectors: the risk-ranked target lists.</summary>
    Inspection,

    /// <summary>Clerks resolving uncertain matches: enterprises, the review queue, decisions.</summary>
    Matching,

    /// <summary>Operators: runs, data quality, quarantine, schedule, health.</summary>
    Operations,

    /// <summary>Everything, plus accounts and the audit log.</summary>
    Admin,
}

public static class Roles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    /// <summary>The role as claims and configuration spell it: lower-case (licensing, registration, ...).</summary>
    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? text, out Role role)
    {
        role = default;
        return !string.IsNullOrWhiteSpace(text)
            && !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _)
            && Enum.TryParse(text.Trim(), ignoreCase: true, out role)
            && Enum.IsDefined(role);
    }

    /// <summary>Roles from a '|' or ',' separated list; throws naming the unknown one.</summary>
    public static IReadOnlyList<Role> ParseList(string? text)
    {
        var roles = new List<Role>();
        foreach (var part in (text ?? "").Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(part, out var r))
            {
                throw new ArgumentException($"'{part}' is not a role; roles are {string.Join(", ", All.Select(Name))}.");
            }

            if (!roles.Contains(r))
            {
                roles.Add(r);
            }
        }

        return roles;
    }

    public static string Join(IEnumerable<Role> roles) => string.Join('|', roles.Distinct().Order().Select(Name));
}
