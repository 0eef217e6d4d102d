using System.Globalization;

namespace Integration.Core.Runs;

/// <summary>
/// Identifies one execution of a pipeline step. Sortable by time and readable in a CSV:
/// <c>ingest-20261121T054001Z-3f2a</c>.
/// </summary>
public static class RunId
{
    public static string New(string step, TimeProvider clock) =>
        string.Create(CultureInfo.InvariantCulture, $"{step}-{clock.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..4]}");
}
