using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Integration.Ingest.Validation;

/// <summary>
/// A validated row: the normalised text of every canonical column (what is stored and hashed) and the
/// parsed number of numeric columns. One instance is reused for every row of a file.
/// </summary>
public sealed class ParsedRow(int columns)
{
    private readonly StringBuilder _joined = new(512);
    private byte[] _bytes = new byte[1024];

    /// <summary>Normalised value per canonical column (ISO dates, upper-case codes, digits), null when missing.</summary>
    public string?[] Text { get; } = new string?[columns];

    /// <summary>Parsed value of Int and Money columns.</summary>
    public long?[] Numbers { get; } = new long?[columns];

    public long Line { get; set; }

    /// <summary>Source key: the key columns joined with '|'.</summary>
    public string? Key { get; set; }

    public void Clear()
    {
        Array.Clear(Text);
        Array.Clear(Numbers);
        Key = null;
    }

    /// <summary>Hash of the normalised values: unchanged rows are recognised without reading the stored row.</summary>
    public UInt128 ComputeHash()
    {
        _joined.Clear();
        foreach (var value in Text)
        {
            // \u001F separates fields, \u0000 marks a missing one: "a|" and "|a" and null all differ.
            _joined.Append(value ?? "\u0000").Append('\u001F');
        }

        var max = Encoding.UTF8.GetMaxByteCount(_joined.Length);
        if (_bytes.Length < max)
        {
            _bytes = new byte[Math.Max(max, _bytes.Length * 2)];
        }

        var chunkLength = 0;
        foreach (var chunk in _joined.GetChunks())
        {
            chunkLength += Encoding.UTF8.GetBytes(chunk.Span, _bytes.AsSpan(chunkLength));
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_bytes.AsSpan(0, chunkLength), digest);
        return BinaryPrimitives.ReadUInt128BigEndian(digest);
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
