// Over 300 lines: one row's checks per column kind, with the field-level repairs beside the row-level reasons they qualify (docs/ingest.md).
using System.Buffers;
using System.Globalization;
using Integration.Core.Dates;
using Integration.Core.Identifiers;
using Integration.Core.Text;
using Integration.Ingest.Feeds;
using Integration.Ingest.Reading;

namespace Integration.Ingest.Validation;

/// <summary>
/// Checks one record against its feed's definition and normalises it into a <see cref="ParsedRow"/>.
/// Reports the first problem found (one quarantine row per bad record, so rows read = loaded + quarantined);
/// a bad value in an optional column (a date no decision reads, an optional code, a contact or address part) and an
/// unusable name_km are repaired on the row instead (<see cref="ParsedRow.Repairs"/>) and the row loads.
/// Duplicate keys are the loader's business: it knows which keys the file has already had. Dates are read
/// against the product's <see cref="DateRules"/> relative to the file's as-of.
/// </summary>
internal sealed class RowValidator(FeedDefinition feed, string fileLabel, IngestLimits limits, DateRules dates, DateOnly asOf)
{
    /// <summary>C0 controls but tab, line feed and carriage return (which quoted text may hold), DEL, C1 controls, and U+FFFE/U+FFFF.</summary>
    private static readonly SearchValues<char> Controls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F\uFFFE\uFFFF");

    private readonly int _nameKm = feed.IndexOf("name_km");
    private readonly int _nameEn = feed.IndexOf("name_en");
    private readonly int[] _keyIndexes = feed.KeyColumns.Select(feed.IndexOf).ToArray();
    private readonly bool[] _isKey = feed.Columns.Select(c => feed.KeyColumns.Contains(c.Name, StringComparer.Ordinal)).ToArray();
    private readonly bool[] _isAlternative = feed.KeyColumns.Select(k => feed.KeyAlternatives.Contains(k, StringComparer.Ordinal)).ToArray();
    private readonly bool[] _optional = feed.Columns.Select(c => IsOptional(feed, c)).ToArray();

    /// <summary>
    /// Columns whose bad value quarantines the row whatever their kind: the names (either may be missing, not both,
    /// and name_km has its own repair) and every column a rule of rules.md reads: status and outcome, the pending
    /// renewal that puts a firm in the licence-check batch, the NSSF registration date that starts the arrears window,
    /// the GDT return month that makes its headcount evidence. Blanking one of these would change a decision silently;
    /// quarantined, a later snapshot's bad value leaves the stored record as it was.
    /// </summary>
    private static readonly string[] RowLevelColumns = ["name_km", "name_en", "status", "outcome", "renewal_applied_on", "employees_period"];

    /// <summary>Per feed, row-level columns that are optional elsewhere (registered_on is only read in NSSF's register).</summary>
    private static readonly Dictionary<string, string[]> RowLevelInFeed = new(StringComparer.Ordinal)
    {
        ["nssf-employers"] = ["registered_on"],
    };

    /// <summary>Fills <paramref name="row"/> and returns null, or returns what is wrong. The key is set whenever it can be read.</summary>
    public RowProblem? Validate(SourceRecord record, ParsedRow row)
    {
        row.Clear();
        row.Line = record.Line;
        var values = record.Values;
        RowProblem? problem = null;
        var columns = feed.Columns;
        for (var i = 0; i < columns.Count; i++)
        {
            var value = values[i];
            if (value is null)
            {
                continue;
            }

            var p = Normalise(columns[i], value, row, i, record.Line);
            if (p is not null && _optional[i] && IsFieldLevel(p.Reason))
            {
                Blank(row, i, value, p);
                continue;
            }

            problem ??= p;
        }

        var missing = MissingKey(values);
        row.Key = missing is null ? BuildKey(row, values) : null;
        if (record.Problem is not null)
        {
            return record.Problem; // the reader's finding (wrong column count, a JSON property twice...) comes first
        }

        if (missing is not null)
        {
            return new RowProblem(missing, QuarantineReason.MissingKey, $"{fileLabel} line {record.Line}, field {missing}: required key is empty ({QuarantineReason.MissingKey})");
        }

        if (problem is not null)
        {
            return problem;
        }

        if (feed.HasNames)
        {
            var km = row.Text[_nameKm];
            if (km is null && row.Text[_nameEn] is null)
            {
                return new RowProblem("name_km|name_en", QuarantineReason.MissingName, $"{fileLabel} line {record.Line}, field name_km|name_en: both names are empty ({QuarantineReason.MissingName})");
            }

            if (km is not null && !HasKhmer(km))
            {
                RepairKhmerName(row, km, record.Line);
            }
        }

        return null;
    }

    /// <summary>
    /// A name_km without a Khmer character costs the field, not the row (the row is the firm's record; quarantining it
    /// made a registered firm look unregistered). A Latin name is put where it belongs; legacy-font text is blanked.
    /// Each change is recorded on the row (field_warnings) with the value as delivered.
    /// </summary>
    private void RepairKhmerName(ParsedRow row, string km, long line)
    {
        var en = row.Text[_nameEn];
        var where = $"{fileLabel} line {line}, field name_km: '{Excerpt.Of(km)}'";
        if (!LegacyFontText.IsLatinName(km))
        {
            row.Text[_nameKm] = null;
            row.Repair(new FieldRepair("name_km", QuarantineReason.LegacyKhmerFont, FieldAction.Blanked,
                $"{where} has no Khmer Unicode character, probably a legacy font; name_km left empty, the row is loaded ({QuarantineReason.LegacyKhmerFont})", km));
            return;
        }

        if (en is null)
        {
            (row.Text[_nameKm], row.Text[_nameEn]) = (null, km);
            row.Repair(new FieldRepair("name_km", QuarantineReason.LatinInKhmerName, FieldAction.MovedToNameEn,
                $"{where} is a Latin-script name; used as name_en, which was empty ({QuarantineReason.LatinInKhmerName})", km));
        }
        else if (HasKhmer(en))
        {
            (row.Text[_nameKm], row.Text[_nameEn]) = (en, km);
            row.Repair(new FieldRepair("name_km", QuarantineReason.LatinInKhmerName, FieldAction.SwappedWithNameEn,
                $"{where} is a Latin-script name and name_en holds the Khmer one; the two exchanged ({QuarantineReason.LatinInKhmerName})", km));
        }
        else
        {
            // Both columns Latin: name_en is the register's Latin name (matching reads only one); the other is kept here.
            row.Text[_nameKm] = null;
            row.Repair(new FieldRepair("name_km", QuarantineReason.LatinInKhmerName, FieldAction.Blanked,
                $"{where} is a Latin-script name and name_en already holds one; name_km left empty ({QuarantineReason.LatinInKhmerName})", km));
        }
    }

    /// <summary>
    /// An optional column: not a key, not a <see cref="RowLevelColumns"/> or <see cref="RowLevelInFeed"/> one, and not a number (headcounts are the
    /// employees evidence of rules.md and contribution amounts the payment record: a bad one quarantines the row, as
    /// extracts.md lists "unparsable numbers" among bad rows, rather than silently reading as no evidence).
    /// </summary>
    private static bool IsOptional(FeedDefinition feed, FeedColumn column) =>
        !feed.KeyColumns.Contains(column.Name, StringComparer.Ordinal)
        && !RowLevelColumns.Contains(column.Name, StringComparer.Ordinal)
        && !(RowLevelInFeed.TryGetValue(feed.Name, out var more) && more.Contains(column.Name, StringComparer.Ordinal))
        && column.Kind is not (ColumnKind.Int or ColumnKind.Money);

    /// <summary>Reasons that, in an optional column, cost the field and not the row.</summary>
    private static bool IsFieldLevel(string reason) => reason is QuarantineReason.BadDate or QuarantineReason.BadMonth
        or QuarantineReason.BuddhistEraDate or QuarantineReason.ImplausibleDate or QuarantineReason.BadEnum
        or QuarantineReason.ControlCharacter or QuarantineReason.FieldTooLong;

    /// <summary>
    /// The row keeps its record (key, names, cross-references, status: what matching and the alerts need) and loses
    /// only the bad optional field, which is stored empty; field_warnings keeps the value as delivered.
    /// </summary>
    private static void Blank(ParsedRow row, int i, string value, RowProblem p)
    {
        row.Text[i] = null;
        row.Numbers[i] = null;
        var suffix = $" ({p.Reason})";
        var what = p.Message.EndsWith(suffix, StringComparison.Ordinal) ? p.Message[..^suffix.Length] : p.Message;
        row.Repair(new FieldRepair(p.Field!, p.Reason, FieldAction.Blanked, $"{what}; field left empty, the row is loaded{suffix}", value));
    }

    /// <summary>True when the text holds at least one Khmer (U+1780..U+17FF) or Khmer-symbol (U+19E0..U+19FF) character.</summary>
    public static bool HasKhmer(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u1780' and <= '\u17FF' or >= '\u19E0' and <= '\u19FF')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses dd/MM/yyyy or yyyy-MM-dd into ISO; null when it is neither or not a real date.</summary>
    public static string? NormaliseDate(string value)
    {
        if (value.Length == 10 && value[4] == '-' && value[7] == '-')
        {
            return IsoDate.TryParse(value, out _) ? value : null;
        }

        return value.Length == 10 && value[2] == '/' && value[5] == '/'
               && DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? IsoDate.Format(d)
            : null;
    }

    private RowProblem? Normalise(FeedColumn column, string value, ParsedRow row, int i, long line)
    {
        if (value.Length > limits.MaxFieldChars)
        {
            return Bad(column, value, line, $"is longer than {limits.MaxFieldChars:N0} characters (limit Ingest:Limits:MaxFieldChars)", QuarantineReason.FieldTooLong);
        }

        if (value.AsSpan().IndexOfAny(Controls) is var at and >= 0)
        {
            // Named by code point, never quoted: the character itself would break the message's readers too.
            return new RowProblem(column.Name, QuarantineReason.ControlCharacter, string.Create(CultureInfo.InvariantCulture,
                $"{fileLabel} line {line}, field {column.Name}: control character U+{(int)value[at]:X4} at position {at + 1} ({QuarantineReason.ControlCharacter})"));
        }

        // Khmer-script forms write ២០២៤-០៥-១២ and ១២: the same date and number as in ASCII digits (spec silent).
        // Parsed from the folded text; messages quote the value as delivered.
        var digits = column.Kind is ColumnKind.Date or ColumnKind.Month or ColumnKind.Int or ColumnKind.Money ? Digits.ToAscii(value) : value;

        switch (column.Kind)
        {
            case ColumnKind.Text:
                row.Text[i] = value;
                return null;
            case ColumnKind.Identifier:
                row.Text[i] = RegistryIds.Canonical(column.IdentifierKind!.Value, value);
                if (row.Text[i] is not null || !_isKey[i])
                {
                    row.Text[i] ??= value; // a cross-reference that fits no layout is kept as written: it is evidence, not a key
                    return null;
                }

                row.Text[i] = value;
                return Bad(column, value, line, "is not a register number (letters, digits, and - . / or spaces between them)", QuarantineReason.BadIdentifier);
            case ColumnKind.Date:
                var iso = NormaliseDate(digits);
                if (iso is null)
                {
                    return Bad(column, value, line, "is not a date (yyyy-MM-dd or dd/MM/yyyy)", QuarantineReason.BadDate);
                }

                var date = dates.Check(IsoDate.Parse(iso), asOf);
                row.Text[i] = date.Ok ? IsoDate.Format(date.Date) : iso;
                return date.Ok ? null : Implausible(column, value, line, date);
            case ColumnKind.Month:
                if (!Month.TryParseExact(digits, out var given))
                {
                    return Bad(column, value, line, "is not a month (yyyy-MM)", QuarantineReason.BadMonth);
                }

                var month = dates.Check(given.FirstDay, asOf);
                row.Text[i] = month.Ok ? Month.Of(month.Date).ToString() : digits;
                return month.Ok ? null : Implausible(column, value, line, month);
            case ColumnKind.Int:
            case ColumnKind.Money:
                if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    return Bad(column, value, line, column.Kind == ColumnKind.Money ? "is not a whole number of riel" : "is not a whole number", QuarantineReason.BadNumber);
                }

                if (number < 0)
                {
                    return column.Kind == ColumnKind.Money
                        ? Bad(column, value, line, "is a negative amount", QuarantineReason.NegativeMoney)
                        : Bad(column, value, line, "is a negative count", QuarantineReason.BadNumber);
                }

                row.Numbers[i] = number;
                row.Text[i] = number.ToString(CultureInfo.InvariantCulture);
                return null;
            case ColumnKind.Enum:
                row.Text[i] = MatchEnum(column.Allowed!, value);
                return row.Text[i] is null
                    ? Bad(column, value, line, $"is not one of {string.Join(", ", column.Allowed!)}", QuarantineReason.BadEnum)
                    : null;
            default:
                throw new InvalidOperationException($"Unknown column kind {column.Kind}.");
        }
    }

    private static string? MatchEnum(IReadOnlyList<string> allowed, string value)
    {
        foreach (var a in allowed)
        {
            if (string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
            {
                return a;
            }
        }

        // "Private Limited", "private-limited": the same code written by a person.
        var folded = value.Trim().Replace(' ', '_').Replace('-', '_');
        return allowed.FirstOrDefault(a => string.Equals(a, folded, StringComparison.OrdinalIgnoreCase));
    }

    private RowProblem Bad(FeedColumn column, string value, long line, string what, string reason) =>
        new(column.Name, reason, $"{fileLabel} line {line}, field {column.Name}: '{Excerpt.Of(value)}' {what} ({reason})");

    private RowProblem Implausible(FeedColumn column, string value, long line, DateCheck check) =>
        Bad(column, value, line, check.Why!, check.Problem == DateProblem.BuddhistEra ? QuarantineReason.BuddhistEraDate : QuarantineReason.ImplausibleDate);

    /// <summary>The first required key column that is empty (for alternatives: all of them, named together).</summary>
    private string? MissingKey(string?[] values)
    {
        var anyAlternative = false;
        for (var k = 0; k < _keyIndexes.Length; k++)
        {
            var present = values[_keyIndexes[k]] is not null;
            if (_isAlternative[k])
            {
                anyAlternative |= present;
            }
            else if (!present)
            {
                return feed.KeyColumns[k];
            }
        }

        return feed.KeyAlternatives.Count > 0 && !anyAlternative ? string.Join("|", feed.KeyAlternatives) : null;
    }

    /// <summary>The key from normalised values (so 01/10/2026 and 2026-10-01 are one key); raw text where a value did not parse.</summary>
    private string? BuildKey(ParsedRow row, string?[] values)
    {
        if (_keyIndexes.Length == 1)
        {
            return row.Text[_keyIndexes[0]] ?? values[_keyIndexes[0]];
        }

        var parts = new string[_keyIndexes.Length];
        for (var k = 0; k < _keyIndexes.Length; k++)
        {
            parts[k] = row.Text[_keyIndexes[k]] ?? values[_keyIndexes[k]] ?? "";
        }

        return string.Join('|', parts);
    }
}
