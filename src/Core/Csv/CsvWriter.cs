using System.Text;

namespace Integration.Core.Csv;

/// <summary>Writes RFC 4180 CSV: fields quoted only when they contain a comma, quote or line break.</summary>
public sealed class CsvWriter(TextWriter writer)
{
    public void WriteRow(IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            WriteField(f);
        }

        writer.Write('\n');
    }

    private void WriteField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    public static string Join(IEnumerable<string?> fields)
    {
        using var sw = new StringWriter(new StringBuilder());
        new CsvWriter(sw).WriteRow(fields);
        return sw.ToString().TrimEnd('\n');
    }
}
