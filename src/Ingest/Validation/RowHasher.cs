using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Integration.Ingest.Validation;

/// <summary>
/// Hash of a row's normalised values, so unchanged rows are recognised without reading the stored row.
/// SHA-256 of the UTF-8 values, each followed by U+001F, a missing one written as U+0000 ("a|" and "|a" and
/// null all differ); the first 128 bits are kept. The bytes are those of the values joined into one string,
/// so hashes stored by earlier versions still match. One instance per thread: it reuses its buffer.
/// </summary>
internal sealed class RowHasher
{
    private byte[] _bytes = new byte[1024];

    public UInt128 Hash(ParsedRow row)
    {
        var length = 0;
        foreach (var value in row.Text)
        {
            var max = value is null ? 2 : Encoding.UTF8.GetMaxByteCount(value.Length) + 1;
            if (_bytes.Length - length < max)
            {
                Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, length + max));
            }

            if (value is null)
            {
                _bytes[length++] = 0;
            }
            else
            {
                length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(length));
            }

            _bytes[length++] = 0x1F;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(_bytes.AsSpan(0, length), digest);
        return BinaryPrimitives.ReadUInt128BigEndian(digest);
    }
}
