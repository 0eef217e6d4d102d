using Integration.Core.Csv;
using Integration.Ingest.Feeds;
using Integration.Ingest.Validation;

namespace Integration.Ingest.Reading;

/// <summary>Reads a CSV delivery with <see cref="CsvReader"/>: header mapping, column-count check, truncation check.</summary>
/// <remarks>
/// Invalid UTF-8 surfaces as a DecoderFallbackException from the strict decoder, possibly a buffer ahead of
/// the record being read; the loader re-scans the bytes to name the exact line (<see cref="Utf8Locator"/>).
/// </remarks>
internal sealed class CsvRecordSource(TextReader text, string fileLabel, FeedDefinition feed, IngestOptions options) : IRecordSource
{
    private HeaderMap? _map;

    public IReadOnlyCollection<string> UnknownColumns => _map?.Unknown ?? [];

    public IEnumerable<SourceRecord> Records()
    {
        var reader = new CsvReader(text) { MaxRecordChars = options.Limits.MaxRecordChars };
        using var records = Read(reader).GetEnumerator();
        while (true)
        {
            try
            {
                if (!records.MoveNext())
                {
                    yield break;
                }
            }
            catch (CsvRecordTooLongException e)
            {
                throw RecordTooLong(fileLabel, e.Line, e.Limit);
            }

            yield return records.Current;
        }
    }

    /// <summary>The rejection of a record past Ingest:Limits:MaxRecordChars; the record itself is not quoted.</summary>
    internal static FileRejectedException RecordTooLong(string fileLabel, long line, int limit) =>
        new($"{fileLabel} line {line}: a record longer than {limit:N0} characters (limit Ingest:Limits:MaxRecordChars): an unclosed quote or a missing line break? (RECORD_TOO_LONG)");

    private IEnumerable<SourceRecord> Read(CsvReader reader)
    {
        var header = reader.Read();
        if (header is null || (header.Fields.Count == 1 && header.Fields[0].Trim().TrimStart('\uFEFF').Trim().Length == 0 && reader.Read() is null))
        {
            throw new FileRejectedException($"{fileLabel}: the file is empty (EMPTY_FILE)");
        }

        if (header.Unterminated)
        {
            throw new FileRejectedException($"{fileLabel} line 1: header ends inside an open quote (TRUNCATED)");
        }

        _map = HeaderMap.Build(feed, header.Fields, options.MappingFor(feed.Name), out var mapError);
        if (mapError is not null)
        {
            throw new FileRejectedException($"{fileLabel} line 1: {mapError} (BAD_HEADER)");
        }

        HeaderCheck.Verify(fileLabel, feed, header.Fields, options, _map);
        var values = new string?[feed.Columns.Count];
        var targets = _map.Targets;
        var expected = targets.Length;
        while (reader.Read() is { } record)
        {
            if (record.Unterminated)
            {
                throw new FileRejectedException($"{fileLabel} line {record.Line}: truncated last line (the file ends inside a quoted field) (TRUNCATED)");
            }

            var fields = record.Fields;
            if (fields.Count == 1 && record.Raw.Length == 0)
            {
                continue; // a blank line is not a record
            }

            if (reader.EndedWithoutNewline && fields.Count < expected)
            {
                throw new FileRejectedException($"{fileLabel} line {record.Line}: truncated last line ({fields.Count} of {expected} fields and no line break at the end) (TRUNCATED)");
            }

            Array.Clear(values);
            if (fields.Count != expected)
            {
                var reason = QuarantineReason.WrongColumnCount;
                yield return new SourceRecord(record.Line, record.Raw, values,
                    new RowProblem(null, reason, $"{fileLabel} line {record.Line}: has {fields.Count} fields, the header has {expected} ({reason})"));
                continue;
            }

            for (var i = 0; i < expected; i++)
            {
                var t = targets[i];
                if (t >= 0)
                {
                    values[t] = Clean(fields[i]);
                }
            }

            yield return new SourceRecord(record.Line, record.Raw, values, null);
        }
    }

    /// <summary>Trimmed value, or null for an empty one (empty string = missing).</summary>
    internal static string? Clean(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (!char.IsWhiteSpace(value[0]) && !char.IsWhiteSpace(value[^1]))
        {
            return value;
        }

        var t = value.Trim();
        return t.Length == 0 ? null : t;
    }
}
