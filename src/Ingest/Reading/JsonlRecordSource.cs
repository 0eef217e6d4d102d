using System.Text.Json;
using Integration.Ingest.Feeds;

namespace Integration.Ingest.Reading;

/// <summary>
/// Reads a JSONL delivery: one object per line, field names as in CSV (mapped the same way). Blank lines
/// are skipped. A line that is not a JSON object rejects the file (INVALID_JSONL), naming the line; an
/// unparsable last line without a line break is reported as truncated.
/// </summary>
public sealed class JsonlRecordSource(TextReader text, string fileLabel, FeedDefinition feed, IngestOptions options) : IRecordSource
{
    private readonly SortedSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _targets = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> UnknownColumns => _unknown;

    public IEnumerable<SourceRecord> Records()
    {
        var values = new string?[feed.Columns.Count];
        long lineNo = 0;
        var any = false;
        var lines = new LineReader(text);
        while (lines.Next() is { } line)
        {
            lineNo++;
            if (lineNo == 1)
            {
                line = line.TrimStart('\uFEFF'); // a BOM is allowed
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            Array.Clear(values);
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                var what = lines.EndedWithoutNewline ? "truncated last line" : "invalid JSONL";
                var code = lines.EndedWithoutNewline ? "TRUNCATED" : "INVALID_JSONL";
                throw new FileRejectedException($"{fileLabel} line {lineNo}: {what}: {e.Message} ({code})");
            }

            using (doc)
            {
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new FileRejectedException($"{fileLabel} line {lineNo}: invalid JSONL: expected an object, found {doc.RootElement.ValueKind} (INVALID_JSONL)");
                }

                if (!any)
                {
                    CheckHeader(doc.RootElement);
                    any = true;
                }

                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    var target = Target(property.Name);
                    if (target >= 0)
                    {
                        values[target] = CsvRecordSource.Clean(ValueText(property.Value));
                    }
                }
            }

            yield return new SourceRecord(lineNo, line, values, null);
        }

        if (!any)
        {
            throw new FileRejectedException($"{fileLabel}: the file is empty (EMPTY_FILE)");
        }
    }

    private void CheckHeader(JsonElement first)
    {
        var names = first.EnumerateObject().Select(p => p.Name).ToList();
        var map = HeaderMap.Build(feed, names, options.MappingFor(feed.Name), out var error);
        if (error is not null)
        {
            throw new FileRejectedException($"{fileLabel} line 1: {error} (BAD_HEADER)");
        }

        HeaderCheck.Verify(fileLabel, feed, names, options, map);
    }

    private int Target(string name)
    {
        if (_targets.TryGetValue(name, out var t))
        {
            return t;
        }

        var map = HeaderMap.Build(feed, [name], options.MappingFor(feed.Name), out _);
        t = map.Targets[0];
        _targets[name] = t;
        if (t < 0)
        {
            _unknown.Add(name);
        }

        return t;
    }

    private static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(), // numbers keep their text; objects/arrays fail the column's validation
    };

    /// <summary>ReadLine that also tells whether the last line had a line break.</summary>
    private sealed class LineReader(TextReader reader)
    {
        private readonly System.Text.StringBuilder _sb = new();

        public bool EndedWithoutNewline { get; private set; }

        public string? Next()
        {
            _sb.Clear();
            while (true)
            {
                var c = reader.Read();
                if (c < 0)
                {
                    EndedWithoutNewline = _sb.Length > 0;
                    return _sb.Length > 0 ? _sb.ToString() : null;
                }

                if (c == '\n')
                {
                    return _sb.ToString();
                }

                if (c == '\r' && reader.Peek() == '\n')
                {
                    continue;
                }

                _sb.Append((char)c);
            }
        }
    }
}
