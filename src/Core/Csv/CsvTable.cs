namespace Integration.Core.Csv;

/// <summary>A small CSV file read whole, rows addressed by header name: for summaries and tests, not for ingest.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        Header = header;
        Rows = rows;
        _columns = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Rows { get; }

    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path);
        var csv = new CsvReader(reader);
        var header = csv.Read()?.Fields ?? [];
        return new CsvTable(header, csv.ReadAll().Select(r => r.Fields).ToList());
    }

    /// <summary>The cell of <paramref name="row"/> under <paramref name="column"/>; empty when the row is short.</summary>
    public string Get(IReadOnlyList<string> row, string column) =>
        _columns.TryGetValue(column, out var i) ? (i < row.Count ? row[i] : "")
        : throw new KeyNotFoundException($"No column '{column}' (has {string.Join(", ", Header)}).");
}
