using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Integration.Core.Storage;

/// <summary>
/// Shared Key authorisation for the Blob service: HMAC-SHA256 over the canonical request (verb, standard
/// headers, canonicalised x-ms-* headers, canonicalised resource), as the Azure Storage REST documentation
/// specifies for version 2015-02-21 and later. The key never leaves this class.
/// </summary>
public sealed class AzureSharedKey
{
    private readonly byte[] _key;

    public AzureSharedKey(string accountName, string base64Key)
    {
        AccountName = accountName;
        try
        {
            _key = Convert.FromBase64String(base64Key);
        }
        catch (FormatException e)
        {
            // Say which setting is wrong, never its value.
            throw new FormatException("Storage:Azure:AccountKey is not valid base64.", e);
        }
    }

    public string AccountName { get; }

    /// <summary>Adds x-ms-date and the Authorization header to a request whose headers and content are final.</summary>
    public void Sign(HttpRequestMessage request, DateTimeOffset now)
    {
        request.Headers.Remove("x-ms-date");
        request.Headers.TryAddWithoutValidation("x-ms-date", now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture));
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(StringToSign(request))));
        request.Headers.Authorization = new AuthenticationHeaderValue("SharedKey", AccountName + ":" + signature);
    }

    /// <summary>Signs an arbitrary string with the account key (SAS tokens use this).</summary>
    public string SignText(string text) => Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    internal string StringToSign(HttpRequestMessage request)
    {
        var content = request.Content?.Headers;
        var length = content?.ContentLength is { } l && l > 0 ? l.ToString(CultureInfo.InvariantCulture) : "";
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n');
        sb.Append(Header(content, "Content-Encoding")).Append('\n');
        sb.Append(Header(content, "Content-Language")).Append('\n');
        sb.Append(length).Append('\n');
        sb.Append(content?.ContentMD5 is { } md5 ? Convert.ToBase64String(md5) : "").Append('\n');
        sb.Append(content?.ContentType?.ToString() ?? "").Append('\n');
        sb.Append('\n'); // Date: x-ms-date is used instead
        sb.Append(Header(request.Headers, "If-Modified-Since")).Append('\n');
        sb.Append(Header(request.Headers, "If-Match")).Append('\n');
        sb.Append(Header(request.Headers, "If-None-Match")).Append('\n');
        sb.Append(Header(request.Headers, "If-Unmodified-Since")).Append('\n');
        sb.Append(Header(request.Headers, "Range")).Append('\n');
        foreach (var h in request.Headers
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value.Select(v => v.Trim()))))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(h.Name).Append(':').Append(h.Value).Append('\n');
        }

        sb.Append(CanonicalizedResource(request.RequestUri!));
        return sb.ToString();
    }

    private string CanonicalizedResource(Uri uri)
    {
        // "/" + account + the encoded path as sent (for Azurite's path-style URLs the path starts with the account
        // again), then each query parameter, lower-cased name, decoded value, sorted by name.
        var sb = new StringBuilder("/").Append(AccountName).Append(uri.AbsolutePath);
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return sb.ToString();
        }

        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Select(p => (Name: Uri.UnescapeDataString(p[0]).ToLowerInvariant(), Value: p.Length > 1 ? Uri.UnescapeDataString(p[1]) : ""))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var g in parameters)
        {
            sb.Append('\n').Append(g.Key).Append(':').Append(string.Join(",", g.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return sb.ToString();
    }

    private static string Header(HttpHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
}
