using Dapper;
using Integration.Core.Database;
using Integration.Matching.Scoring;

namespace Integration.Matching.Contracts;

/// <summary>Two records of one registry the matcher holds to be one firm, and why.</summary>
public sealed record DuplicatePair(string KeyA, string KeyB, double Probability, string Method, string Evidence)
{
    /// <summary>True when the two were joined in the review band: a clerk should confirm before anything is cleaned up.</summary>
    public bool Uncertain => Method == StoredText.Of(LinkMethod.Review);
}

/// <summary>
/// The records one enterprise holds in one registry, when it holds more than one that is not a MoC branch
/// licence: the registrations to clean up (for NSSF, one of them is usually CLOSED or a re-registration).
/// </summary>
public sealed record DuplicateRegistration(string EnterpriseId, string Feed, IReadOnlyList<string> Keys, IReadOnlyList<DuplicatePair> Pairs, string RunId)
{
    /// <summary>True when any pair of the group is only in the review band.</summary>
    public bool Uncertain => Pairs.Any(p => p.Uncertain);
}

/// <summary>Read side of registration_duplicates, for the alerts (the NSSF division's list) and the API.</summary>
public sealed class DuplicateRegistrations(Db db)
{
    /// <summary>Every group of the latest run, by enterprise; <paramref name="feed"/> limits it to one registry.</summary>
    public async Task<IReadOnlyList<DuplicateRegistration>> ListAsync(string? feed = null, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(
            Select + (feed is null ? "" : " WHERE feed = @feed") + " ORDER BY enterprise_id, feed, key_a, key_b", new { feed }, cancellationToken: ct));
        return Group(rows);
    }

    /// <summary>The groups of one enterprise (empty when it holds one record per registry).</summary>
    public async Task<IReadOnlyList<DuplicateRegistration>> ForEnterpriseAsync(string enterpriseId, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var rows = await conn.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE enterprise_id = @enterpriseId ORDER BY feed, key_a, key_b", new { enterpriseId }, cancellationToken: ct));
        return Group(rows);
    }

    private const string Select =
        "SELECT enterprise_id AS EnterpriseId, feed AS Feed, key_a AS KeyA, key_b AS KeyB, probability AS Probability, method AS Method, evidence AS Evidence, run_id AS RunId FROM registration_duplicates";

    public static readonly string[] Columns = ["enterprise_id", "feed", "key_a", "key_b", "probability", "method", "evidence", "run_id"];

    private static List<DuplicateRegistration> Group(IEnumerable<Row> rows) =>
        rows.GroupBy(r => (r.EnterpriseId, r.Feed))
            .Select(g => new DuplicateRegistration(
                g.Key.EnterpriseId,
                g.Key.Feed,
                g.SelectMany(r => new[] { r.KeyA, r.KeyB }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                g.Select(r => new DuplicatePair(r.KeyA, r.KeyB, r.Probability, r.Method, r.Evidence)).ToList(),
                g.First().RunId))
            .ToList();

    private sealed class Row
    {
        public string EnterpriseId { get; set; } = "";
        public string Feed { get; set; } = "";
        public string KeyA { get; set; } = "";
        public string KeyB { get; set; } = "";
        public double Probability { get; set; }
        public string Method { get; set; } = "";
        public string Evidence { get; set; } = "";
        public string RunId { get; set; } = "";
    }
}
