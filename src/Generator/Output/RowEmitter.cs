using System.Text;
using Integration.Core.Csv;

namespace Integration.Generator.Output;

/// <summary>
/// Writes rows to feed files and corrupts a configured share of them (<see cref="BadRowRates"/>), from its own
/// random stream so that turning bad rows on or off never changes the firms or their spellings. Every
/// corrupted row is logged to ground-truth/bad-rows.csv with its file, physical line and kind.
/// </summary>
internal sealed class RowEmitter : IDisposable
{
    private static readonly string[] BadDates = ["2019-02-30", "31/13/2020", "2021-00-10", "unknown", "20-1-2018x", "2020/02/31"];
    private static readonly string[] BadNumbers = ["twelve", "1.5.0", "#REF!", "~15", "12 persons"];

    private readonly BadRowRates _rates;
    private readonly Random _rng;
    private readonly double[] _kindCumulative;
    private readonly StreamWriter _log;
    private readonly CsvWriter _logCsv;
    private readonly Dictionary<BadRowKind, long> _counts = [];

    public RowEmitter(BadRowRates rates, Random rng, string logPath)
    {
        _rates = rates;
        _rng = rng;
        _kindCumulative = Reference.Weights.Cumulative(rates.KindWeights.Length == Enum.GetValues<BadRowKind>().Length
            ? rates.KindWeights
            : throw new ArgumentException($"BadRows.KindWeights needs {Enum.GetValues<BadRowKind>().Length} weights, one per kind.", nameof(rates)));
        _log = new StreamWriter(logPath, append: false, new UTF8Encoding(false));
        _logCsv = new CsvWriter(_log);
        _logCsv.WriteRow(Columns);
    }

    public static readonly string[] Columns = ["feed", "file", "line", "kind", "source_key"];

    public IReadOnlyDictionary<BadRowKind, long> Counts => _counts;

    /// <summary>
    /// A date no rule of rules.md reads (MoC and GDT registration, licence expiry, payment date): a bad one costs
    /// ingest the field, not the row. The NSSF registration date (it starts the arrears window) and the inspection
    /// date (a key) still quarantine the row.
    /// </summary>
    public static bool IsOptionalDate(FeedLayout layout, string column) =>
        column is "licence_expires_on" or "paid_on" || (column == "registered_on" && layout != FeedLayout.Nssf);

    /// <summary>
    /// Writes <paramref name="row"/>, maybe corrupted. Returns true when ingest will load the row (valid, or a
    /// legacy-font name_km, which costs only that field): then it is a truth record, and still listed in bad-rows.csv.
    /// </summary>
    public bool Emit(FeedFile file, string?[] row)
    {
        if (_rates.Rate <= 0 || _rng.NextDouble() >= _rates.Rate)
        {
            file.Write(row);
            return true;
        }

        var layout = file.Layout;
        var kind = Fit(layout, file.IsJsonl, (BadRowKind)Reference.Weights.Pick(_kindCumulative, _rng));
        var key = Key(layout, row);
        var line = file.NextLine;
        var bad = (string?[])row.Clone();
        var valid = false;
        switch (kind)
        {
            case BadRowKind.WrongColumnCount:
                Log(file, line, kind, key);
                file.WriteShort(bad);
                return false;
            case BadRowKind.DuplicateKey:
                // The first occurrence is the record; the second (same key, same values) is what ingest must quarantine.
                file.Write(row);
                line = file.NextLine;
                valid = true;
                break;
            case BadRowKind.BadDate:
                var dates = DateColumns(layout);
                var d = dates[_rng.Next(dates.Length)];
                bad[d] = BadDates[_rng.Next(BadDates.Length)];
                if (IsOptionalDate(layout, layout.Columns[d]))
                {
                    // Ingest loads the row with the date blanked and a field warning (BAD_DATE): still the firm's record.
                    valid = true;
                }

                break;
            case BadRowKind.BadNumber:
                var numbers = NumberColumns(layout);
                var c = numbers[_rng.Next(numbers.Length)];
                bad[c] = _rng.Next(2) == 0 && !string.IsNullOrEmpty(row[c]) ? row[c] + "O" : BadNumbers[_rng.Next(BadNumbers.Length)];
                break;
            case BadRowKind.NegativeMoney:
                var money = MoneyColumns(layout);
                var m = money[_rng.Next(money.Length)];
                bad[m] = "-" + (string.IsNullOrEmpty(row[m]) || row[m] == "0" ? "1500" : row[m]);
                break;
            case BadRowKind.MissingKey:
                bad[0] = "";
                if (layout == FeedLayout.Inspections)
                {
                    bad[1] = "";
                }

                break;
            case BadRowKind.LegacyKhmerFont:
                var km = layout.IndexOf("name_km");
                bad[km] = LegacyKhmerFont.Encode(string.IsNullOrEmpty(row[km]) ? "ក្រុមហ៊ុន " + row[layout.IndexOf("name_en")] : row[km]!);
                valid = true; // ingest loads the row with name_km blanked and a field warning: it stays the firm's record
                break;
        }

        Log(file, line, kind, key);
        file.Write(bad);
        return valid;
    }

    private void Log(FeedFile file, long line, BadRowKind kind, string key)
    {
        _counts[kind] = _counts.GetValueOrDefault(kind) + 1;
        _logCsv.WriteRow([file.Layout.Name, file.RelativePath, line.ToString(System.Globalization.CultureInfo.InvariantCulture), kind.ToString(), key]);
    }

    /// <summary>
    /// Kinds that do not fit a feed fall back: no names means no legacy font, no money means no negative money.
    /// JSONL has no column count, and a line that is not JSON is a broken file rather than a bad row (ingest
    /// rejects the whole file), so there a wrong column count becomes an unparsable number.
    /// </summary>
    private static BadRowKind Fit(FeedLayout layout, bool jsonl, BadRowKind kind) => kind switch
    {
        BadRowKind.WrongColumnCount when jsonl => Fit(layout, jsonl, BadRowKind.BadNumber),
        BadRowKind.LegacyKhmerFont when !layout.Columns.Contains("name_km", StringComparer.Ordinal) => Fit(layout, jsonl, BadRowKind.BadNumber),
        BadRowKind.NegativeMoney when MoneyColumns(layout).Length == 0 => Fit(layout, jsonl, BadRowKind.BadNumber),
        BadRowKind.BadNumber when NumberColumns(layout).Length == 0 => BadRowKind.BadDate,
        _ => kind,
    };

    private static string Key(FeedLayout layout, string?[] row) =>
        layout == FeedLayout.Contributions ? row[0] + "|" + row[1]
        : layout == FeedLayout.Inspections ? row[0] + "|" + row[1] + "|" + row[2]
        : row[0] ?? "";

    private static int[] DateColumns(FeedLayout layout) => Indexes(layout, ["registered_on", "licence_expires_on", "paid_on", "inspected_on"]);

    private static int[] NumberColumns(FeedLayout layout) => Indexes(layout, ["declared_employees", "employees", "insured_workers", "wages_khr"]);

    private static int[] MoneyColumns(FeedLayout layout) => Indexes(layout, ["due_khr", "paid_khr"]);

    private static int[] Indexes(FeedLayout layout, string[] names) =>
        names.Where(layout.Columns.Contains).Select(layout.IndexOf).ToArray();

    public void Dispose() => _log.Dispose();
}

/// <summary>
/// Text as it comes out of a legacy (pre-Unicode, Limon-style) Khmer font: each Khmer code point stored as the
/// Latin-1 character at the font's glyph position. The result has no character in U+1780..U+17FF or
/// U+19E0..U+19FF, which is how ingest recognises it (field warning LEGACY_KHMER_FONT: name_km blanked, the row loads).
/// </summary>
public static class LegacyKhmerFont
{
    // 128 glyph slots of the Khmer block mapped onto printable ASCII and Latin-1 letters.
    private const string Glyphs = "kxKXgcqCCjJzZjdXDNtfTFnbBpPmyrlvsShLGaeiuUÚÙ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿMNOQRVWYoHIwz";

    public static string Encode(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c is >= '\u1780' and <= '\u17FF' ? Glyphs[(c - 0x1780) % Glyphs.Length]
                : c is >= '\u19E0' and <= '\u19FF' ? 'x'
                : c);
        }

        var s = sb.ToString().Trim();
        return s.Length == 0 ? "kRkum" : s;
    }
}
