using Dapper;
using Integration.Core.Database;

namespace Integration.Matching.Persistence;

/// <summary>A stored link of one record to its enterprise.</summary>
public sealed record EnterpriseLink(string Feed, string SourceKey, double Confidence, string Method, string Evidence, string RunId);

/// <summary>An enterprise with its links; <see cref="RequestedId"/> differs from the enterprise id when a retired id was followed.</summary>
public sealed record EnterpriseView(string RequestedId, EnterpriseRow Enterprise, IReadOnlyList<EnterpriseLink> Links);

/// <summary>Read side of the linkage for the API and the CLI.</summary>
public sealed class EnterpriseQueries(Db db)
{
    /// <summary>The enterprise, following retired ids to the one they were merged into; null when the id was never issued.</summary>
    public async Task<EnterpriseView?> FindAsync(string id, CancellationToken ct = default)
    {
        await using var conn = await db.OpenAsync(ct);
        var current = id;
        for (var hops = 0; hops < 20; hops++)
        {
            var row = await conn.QueryFirstOrDefaultAsync<EnterpriseRow>(new CommandDefinition(
                "SELECT * FROM enterprises WHERE enterprise_id = @current", new { current }, cancellationToken: ct));
            if (row is null)
            {
                return null;
            }

            if (row.RetiredInto is { } next)
            {
                current = next;
                continue;
            }

            var links = await conn.QueryAsync<EnterpriseLink>(new CommandDefinition(
                """
                SELECT feed AS Feed, source_key AS SourceKey, confidence AS Confidence, method AS Method, evidence AS Evidence, run_id AS RunId
                FROM entity_links WHERE enterprise_id = @current ORDER BY feed, source_key
                """, new { current }, cancellationToken: ct));
            return new EnterpriseView(id, row, links.ToList());
        }

        return null;
    }
}
