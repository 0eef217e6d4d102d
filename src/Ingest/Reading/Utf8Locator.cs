using System.Buffers;
using System.Text.Unicode;

namespace Integration.Ingest.Reading;

/// <summary>Finds the line of the first byte sequence that is not UTF-8, to name it in the rejection message.</summary>
internal static class Utf8Locator
{
    /// <summary>1-based line of the first invalid sequence and the byte offset, or null when the stream is valid UTF-8.</summary>
    public static (long Line, long Offset)? FindFirstInvalid(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var chars = new char[1 << 16];
        var carry = 0;
        long offset = 0;
        long line = 1;
        while (true)
        {
            var read = stream.Read(buffer, carry, buffer.Length - carry);
            var length = carry + read;
            var final = read == 0;
            if (length == 0)
            {
                return null;
            }

            var span = buffer.AsSpan(0, length);
            var consumed = 0;
            while (consumed < length)
            {
                var status = Utf8.ToUtf16(span[consumed..], chars, out var bytesRead, out _, replaceInvalidSequences: false, isFinalBlock: final);
                line += span.Slice(consumed, bytesRead).Count((byte)'\n');
                consumed += bytesRead;
                if (status == OperationStatus.InvalidData)
                {
                    return (line, offset + consumed);
                }

                if (status == OperationStatus.NeedMoreData)
                {
                    break;
                }
            }

            if (final)
            {
                return null;
            }

            carry = length - consumed;
            span[consumed..].CopyTo(buffer);
            offset += consumed;
        }
    }
}
