using System.IO.Compression;
using System.Text;
using Integration.Core.Csv;

namespace Integration.Generator.Output;

/// <summary>
/// One landing file being written: CSV (header row, RFC 4180) or JSONL (one object per line, empty values
/// omitted, every value a JSON string), optionally gzipped. Rows are streamed; <see cref="NextLine"/> is the
/// physical line the next row lands on (the CSV header is line 1), which ground-truth/bad-rows.csv records.
/// </summary>
internal sealed class FeedFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter _writer;
    private readonly CsvWriter? _csv;
    private readonly FeedLayout _layout;
    private readonly StringBuilder _json = new(512);

    public FeedFile(string root, FeedLayout layout, string fileName, FeedFormat format, bool gzip)
    {
        _layout = layout;
        RelativePath = layout.Name + "/" + fileName + (format == FeedFormat.Csv ? ".csv" : ".jsonl") + (gzip ? ".gz" : "");
        var path = Path.Combine(root, layout.Name, Path.GetFileName(RelativePath));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Stream stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        if (gzip)
        {
            stream = new GZipStream(stream, CompressionLevel.Fastest);
        }

        _writer = new StreamWriter(stream, Utf8, 1 << 16);
        if (format == FeedFormat.Csv)
        {
            _csv = new CsvWriter(_writer);
            _csv.WriteRow(layout.Columns);
            NextLine = 2;
        }
        else
        {
            NextLine = 1;
        }
    }

    public FeedLayout Layout => _layout;

    /// <summary>Feed folder and file name, as ingest records it (e.g. moc-licences/moc-licences_2026-10-01.csv).</summary>
    public string RelativePath { get; }

    public long NextLine { get; private set; }

    public long Rows { get; private set; }

    public bool IsJsonl => _csv is null;

    public void Write(string?[] row)
    {
        if (_csv is not null)
        {
            _csv.WriteRow(row);
        }
        else
        {
            _writer.Write(Json(row));
            _writer.Write('\n');
        }

        NextLine++;
        Rows++;
    }

    /// <summary>A CSV row with one field too few (JSONL has no column count).</summary>
    public void WriteShort(string?[] row)
    {
        if (_csv is null)
        {
            throw new InvalidOperationException("A JSONL file has no column count to get wrong.");
        }

        _csv.WriteRow(row.AsSpan(0, row.Length - 1).ToArray());
        NextLine++;
        Rows++;
    }

    private string Json(string?[] row)
    {
        var sb = _json.Clear().Append('{');
        var first = true;
        for (var i = 0; i < row.Length; i++)
        {
            if (string.IsNullOrEmpty(row[i]))
            {
                continue;
            }

            if (!first)
            {
                sb.Append(',');
            }

            first = false;
            sb.Append('"').Append(_layout.Columns[i]).Append("\":");
            AppendString(sb, row[i]!);
        }

        return sb.Append('}').ToString();
    }

    private static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }

    public void Dispose() => _writer.Dispose();
}
