using System.Text;

namespace Integration.Core.Csv;

/// <summary>
/// A streaming RFC 4180 reader: comma separated, double-quote quoting with "" escapes, CRLF or LF,
/// quoted fields may span lines. It never throws on malformed input: it reports what it saw so the
/// caller can quarantine the record with its line number and raw text.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private readonly StringBuilder _raw = new();
    private long _line = 1;

    /// <summary>Set after the last record when the input did not end with a line break (a possibly truncated last line).</summary>
    public bool EndedWithoutNewline { get; private set; }

    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record)
        {
            yield return record;
        }
    }

    public CsvRecord? Read()
    {
        var fields = new List<string>();
        _field.Clear();
        _raw.Clear();
        var start = _line;
        var inQuotes = false;
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (!any)
                {
                    return null;
                }

                EndedWithoutNewline = true;
                fields.Add(_field.ToString());
                return new CsvRecord(fields, start, _raw.ToString(), inQuotes);
            }

            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _raw.Append("\"\"");
                        _field.Append('"');
                        continue;
                    }

                    inQuotes = false;
                    _raw.Append(ch);
                    continue;
                }

                if (ch == '\n')
                {
                    _line++;
                }

                _raw.Append(ch);
                _field.Append(ch);
                continue;
            }

            switch (ch)
            {
                case '"':
                    inQuotes = true;
                    _raw.Append(ch);
                    break;
                case ',':
                    _raw.Append(ch);
                    fields.Add(_field.ToString());
                    _field.Clear();
                    break;
                case '\r':
                    if (reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    goto case '\n';
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return new CsvRecord(fields, start, _raw.ToString(), false);
                default:
                    _raw.Append(ch);
                    _field.Append(ch);
                    break;
            }
        }
    }
}
