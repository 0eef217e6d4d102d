using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Integration.Matching.Comparison;

namespace Integration.Matching.Scoring;

/// <summary>
/// Explanations of a pair's score: for each field, the comparison level and the weight (log2 m/u) it
/// added or took away. Short text for entity_links and links.csv, JSON for match_pairs and the API.
/// Made for every stored link and pair (1.2 million at national scale), so written without LINQ or
/// reflection into buffers each thread reuses; the output is what string formatting and JsonSerializer gave.
/// </summary>
public static class Evidence
{
    [ThreadStatic]
    private static StringBuilder? _text;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _jsonBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _json;

    /// <summary>"name exact +9.1; tin equal +13.2; place same district +3.0; phone different -2.1".</summary>
    public static string Text(int pattern, ReadOnlySpan<double> fieldWeights, double totalWeight) =>
        AppendText(Builder(), pattern, fieldWeights, totalWeight).ToString();

    /// <summary>Appends <see cref="Text"/> to <paramref name="sb"/>.</summary>
    public static StringBuilder AppendText(StringBuilder sb, int pattern, ReadOnlySpan<double> fieldWeights, double totalWeight)
    {
        // Fields present in the pattern, strongest first; equal strengths keep field order (a stable sort).
        Span<int> order = stackalloc int[Fields.Count];
        var n = 0;
        for (var f = 0; f < Fields.Count; f++)
        {
            if (Pattern.Level(pattern, f) >= 0)
            {
                var at = n++;
                while (at > 0 && Math.Abs(fieldWeights[order[at - 1]]) < Math.Abs(fieldWeights[f]))
                {
                    order[at] = order[at - 1];
                    at--;
                }

                order[at] = f;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var f = order[i];
            if (i > 0)
            {
                sb.Append("; ");
            }

            sb.Append(Fields.Names[f]).Append(' ').Append(Fields.Levels[f][Pattern.Level(pattern, f)]).Append(' ');
            AppendNumber(sb, fieldWeights[f], "+0.0;-0.0");
        }

        sb.Append(" (total ");
        AppendNumber(sb, totalWeight, "0.0");
        return sb.Append(')');
    }

    public static string Json(double priorWeight, int pattern, ReadOnlySpan<double> fieldWeights, double totalWeight, double probability)
    {
        var buffer = _jsonBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var w = _json ??= new Utf8JsonWriter(buffer);
        w.Reset(buffer);
        w.WriteStartObject();
        w.WriteNumber("probability", Math.Round(probability, 6));
        w.WriteNumber("match_weight", Math.Round(totalWeight, 3));
        w.WriteNumber("prior_weight", Math.Round(priorWeight, 3));
        w.WriteStartObject("fields");
        for (var f = 0; f < Fields.Count; f++)
        {
            var l = Pattern.Level(pattern, f);
            w.WriteStartObject(Fields.Names[f]);
            w.WriteString("level", l < 0 ? "missing" : Fields.Levels[f][l]);
            w.WriteNumber("weight", l < 0 ? 0.0 : Math.Round(fieldWeights[f], 3));
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A cleared builder of this thread, for callers that add a head to <see cref="AppendText"/>.</summary>
    public static StringBuilder Builder() => (_text ??= new StringBuilder(256)).Clear();

    /// <summary>Appends <paramref name="value"/> in a .NET custom format, invariant, without making a string of it.</summary>
    public static StringBuilder AppendNumber(StringBuilder sb, double value, string format)
    {
        Span<char> digits = stackalloc char[64];
        return value.TryFormat(digits, out var written, format, CultureInfo.InvariantCulture)
            ? sb.Append(digits[..written])
            : sb.Append(value.ToString(format, CultureInfo.InvariantCulture));
    }
}
