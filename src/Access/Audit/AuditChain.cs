using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Integration.Access.Audit;

/// <summary>
/// The hash of an audit entry: HMAC-SHA256 (or SHA-256 without a key) over the entry's fields and the
/// previous entry's hash, serialised as one JSON array so that no two different entries hash the same text.
/// </summary>
public sealed class AuditChain(string? key)
{
    /// <summary>prev_hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private readonly byte[]? _key = string.IsNullOrEmpty(key) ? null : Encoding.UTF8.GetBytes(key);

    public bool Keyed => _key is not null;

    public string Hash(long seq, string at, string actor, string channel, string action, string? subject, string? provinceCode, string? detail, string prevHash)
    {
        var text = JsonSerializer.SerializeToUtf8Bytes(new object?[] { seq, at, actor, channel, action, subject, provinceCode, detail, prevHash });
        return Convert.ToHexStringLower(_key is null ? SHA256.HashData(text) : HMACSHA256.HashData(_key, text));
    }

    public string Hash(AuditEntry e) => Hash(e.Seq, e.At, e.Actor, e.Channel, e.Action, e.Subject, e.ProvinceCode, e.Detail, e.PrevHash);
}
