using System.Buffers.Binary;

namespace Integration.Ingest.Validation;

/// <summary>
/// A validated row: the normalised text of every canonical column (what is stored and hashed) and the
/// parsed number of numeric columns. One instance per row: it is handed from the reading thread to the writing one.
/// </summary>
internal sealed class ParsedRow(int columns)
{
    /// <summary>Normalised value per canonical column (ISO dates, upper-case codes, digits), null when missing.</summary>
    public string?[] Text { get; } = new string?[columns];

    /// <summary>Parsed value of Int and Money columns.</summary>
    public long?[] Numbers { get; } = new long?[columns];

    public long Line { get; set; }

    /// <summary>Source key: the key columns joined with '|'.</summary>
    public string? Key { get; set; }

    /// <summary>Fields changed because they could not be used as delivered (recorded in field_warnings); null when none.</summary>
    public List<FieldRepair>? Repairs { get; private set; }

    public void Repair(FieldRepair repair) => (Repairs ??= []).Add(repair);

    public void Clear()
    {
        Repairs = null;
        Array.Clear(Text);
        Array.Clear(Numbers);
        Key = null;
    }

    public static string HashText(UInt128 hash)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, hash);
        return Convert.ToHexStringLower(bytes);
    }

    public static UInt128 ParseHash(string text)
    {
        Span<byte> bytes = stackalloc byte[16];
        return Convert.FromHexString(text, bytes, out _, out var written) == System.Buffers.OperationStatus.Done && written == 16
            ? BinaryPrimitives.ReadUInt128BigEndian(bytes)
            : UInt128.Zero;
    }
}
