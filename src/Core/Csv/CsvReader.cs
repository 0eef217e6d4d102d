using System.Text;

namespace Integration.Core.Csv;

/// <summary>
/// A streaming RFC 4180 reader: comma separated, double-quote quoting with "" escapes, CRLF or LF,
/// quoted fields may span lines. It never throws on malformed input: it reports what it saw so the
/// caller can quarantine the record with its line number and raw text. The one exception is a record longer
/// than <see cref="MaxRecordChars"/> (an unclosed quote, a file with no line break): reading stops with
/// <see cref="CsvRecordTooLongException"/> rather than holding the rest of the file in memory.
/// </summary>
public sealed class CsvReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private readonly StringBuilder _raw = new();
    private long _line = 1;

    /// <summary>Set after the last record when the input did not end with a line break (a possibly truncated last line).</summary>
    public bool EndedWithoutNewline { get; private set; }

    /// <summary>Longest record (raw characters, quoted line breaks included) read before giving up.</summary>
    public int MaxRecordChars { get; init; } = int.MaxValue;

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
            if (_raw.Length >= MaxRecordChars)
            {
                throw new CsvRecordTooLongException(start, MaxRecordChars);
            }

            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        _ = reader.Read(); // the second quote of an escaped pair, already seen by Peek
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
                        _ = reader.Read(); // the \n of a \r\n, already seen by Peek
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

/// <summary>A record longer than the reader's limit; <see cref="Line"/> is where it starts.</summary>
public sealed class CsvRecordTooLongException : Exception
{
    public CsvRecordTooLongException(long line, int limit)
        : base($"line {line}: a record longer than {limit:N0} characters")
    {
        Line = line;
        Limit = limit;
    }

    public CsvRecordTooLongException()
    {
    }

    public CsvRecordTooLongException(string message)
        : base(message)
    {
    }

    public CsvRecordTooLongException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public long Line { get; }

    public int Limit { get; }
}
