using Integration.Core.Csv;

namespace Integration.Core.Truth;

/// <summary>
/// One answer-key CSV read by header name, so column order is free and extra columns (a clerk's notes) are
/// ignored. Every problem names the file, the line and the column.
/// </summary>
internal sealed class TruthFile
{
    private readonly string _path;
    private readonly Dictionary<string, int> _columns;

    private TruthFile(string path, IReadOnlyList<string> header)
    {
        _path = path;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            // A BOM or stray spaces around a header name are what spreadsheets write; they name the same column.
            _columns.TryAdd(header[i].Trim().TrimStart('\uFEFF'), i);
        }
    }

    /// <summary>The index of the first of <paramref name="names"/> that the header has.</summary>
    public int Column(params string[] names)
    {
        foreach (var n in names)
        {
            if (_columns.TryGetValue(n, out var i))
            {
                return i;
            }
        }

        throw new FormatException($"{_path}: line 1: no column {string.Join(" or ", names.Select(n => $"'{n}'"))} (header has {string.Join(", ", _columns.Keys)}).");
    }

    public int? OptionalColumn(params string[] names) => names.Any(_columns.ContainsKey) ? Column(names) : null;

    /// <summary>Reads the header of <paramref name="path"/>, then hands each data row to <paramref name="row"/>.</summary>
    public static void Read(string path, Func<TruthFile, Action<Row>> row)
    {
        using var reader = new StreamReader(path);
        var csv = new CsvReader(reader);
        var header = csv.Read() ?? throw new FormatException($"{path}: the file is empty (a header row is expected).");
        var file = new TruthFile(path, header.Fields);
        var handle = row(file);
        while (csv.Read() is { } record)
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue; // a blank line, as spreadsheets leave at the end
            }

            handle(new Row(file, record));
        }
    }

    /// <summary>A data row with its line number for error messages.</summary>
    public readonly struct Row(TruthFile file, CsvRecord record)
    {
        public long Line => record.Line;

        /// <summary>The trimmed cell; a missing or blank cell is an error naming file, line and column.</summary>
        public string Required(int column, string name)
        {
            var value = column < record.Fields.Count ? record.Fields[column].Trim() : "";
            return value.Length > 0 ? value : throw Error(name, "is empty");
        }

        public string Optional(int? column) =>
            column is { } c && c < record.Fields.Count ? record.Fields[c].Trim() : "";

        public FormatException Error(string column, string problem) => new($"{file._path}: line {record.Line}: column '{column}' {problem}.");
    }
}
