using System.Text.Json;
using Integration.Ingest.Feeds;
using Integration.Ingest.Validation;

namespace Integration.Ingest.Reading;

/// <summary>
/// Reads a JSONL delivery: one object per line, field names as in CSV (mapped the same way). Blank lines
/// are skipped. A line that is not a JSON object rejects the file (INVALID_JSONL), naming the line; an
/// unparsable last line without a line break is reported as truncated. An object naming a column twice (the
/// same property, or two properties mapped to one column) and a value of the wrong JSON type (an object, array
/// or boolean) quarantine their row with a reason of their own.
/// </summary>
internal sealed class JsonlRecordSource(TextReader text, string fileLabel, FeedDefinition feed, IngestOptions options) : IRecordSource
{
    private readonly SortedSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _targets = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> UnknownColumns => _unknown;

    public IEnumerable<SourceRecord> Records()
    {
        var values = new string?[feed.Columns.Count];
        var names = new string?[feed.Columns.Count];
        long lineNo = 0;
        var any = false;
        var lines = new LineReader(text, options.Limits.MaxRecordChars);
        while (true)
        {
            var line = lines.Next();
            if (line is null)
            {
                if (lines.TooLong)
                {
                    throw CsvRecordSource.RecordTooLong(fileLabel, lineNo + 1, options.Limits.MaxRecordChars);
                }

                break;
            }

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
            Array.Clear(names);
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(line);
            }
            catch (JsonException e)
            {
                var what = lines.EndedWithoutNewline ? "truncated last line" : "invalid JSONL";
                var code = lines.EndedWithoutNewline ? "TRUNCATED" : "INVALID_JSONL";
                throw new FileRejectedException($"{fileLabel} line {lineNo}: {what}: {e.Message} ({code})", e);
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

                RowProblem? problem = null;
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    var target = Target(property.Name);
                    if (target < 0)
                    {
                        continue;
                    }

                    var column = feed.Columns[target].Name;
                    if (names[target] is { } earlier)
                    {
                        // The first value stands for the key; the row is quarantined either way.
                        var also = earlier == property.Name ? "" : $" (as '{Excerpt.Of(earlier)}' and '{Excerpt.Of(property.Name)}')";
                        problem ??= new RowProblem(column, QuarantineReason.DuplicateProperty,
                            $"{fileLabel} line {lineNo}, field {column}: the object gives {column} twice{also}; which value is right would be a guess ({QuarantineReason.DuplicateProperty})");
                        continue;
                    }

                    names[target] = property.Name;
                    if (ValueText(property.Value) is { } value)
                    {
                        values[target] = CsvRecordSource.Clean(value);
                    }
                    else
                    {
                        problem ??= new RowProblem(column, QuarantineReason.WrongJsonType,
                            $"{fileLabel} line {lineNo}, field {column}: a JSON {Kind(property.Value.ValueKind)} where {(feed.Columns[target].IsNumber ? "a number" : "text")} belongs ({QuarantineReason.WrongJsonType})");
                    }
                }

                yield return new SourceRecord(lineNo, line, values, problem);
            }
        }

        if (!any)
        {
            throw new FileRejectedException($"{fileLabel}: the file is empty (EMPTY_FILE)");
        }
    }

    /// <summary>
    /// The first object's property names stand for the header: a file for another feed, or without the key, is
    /// rejected whole. A column named twice is the row's problem (DUPLICATE_PROPERTY), as on any later line.
    /// </summary>
    private void CheckHeader(JsonElement first)
    {
        var names = first.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
        var map = HeaderMap.Build(feed, names, options.MappingFor(feed.Name), out _);
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

    /// <summary>The text of a string or number (numbers keep their text); null for a type no column holds.</summary>
    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>ReadLine that also tells whether the last line had a line break, and stops at a line longer than the limit.</summary>
    private sealed class LineReader(TextReader reader, int maxChars)
    {
        private readonly System.Text.StringBuilder _sb = new();

        public bool EndedWithoutNewline { get; private set; }

        /// <summary>Set when <see cref="Next"/> returned null because the line is longer than the limit.</summary>
        public bool TooLong { get; private set; }

        public string? Next()
        {
            _sb.Clear();
            while (true)
            {
                if (_sb.Length >= maxChars)
                {
                    TooLong = true;
                    return null;
                }

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
