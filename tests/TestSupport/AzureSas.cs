using System.Globalization;
using Integration.Core.Storage;

namespace Integration.TestSupport;

/// <summary>
/// Makes SAS tokens signed with an account key (signed version 2021-12-02 string-to-sign layouts), so tests
/// can exercise the SAS path of <see cref="AzureBlobStore"/> against Azurite.
/// </summary>
public static class AzureSas
{
    public const string Version = AzureBlobStore.ApiVersion;

    /// <summary>Account SAS for the Blob service. Permissions e.g. "rwdlac", resource types "sco".</summary>
    public static string Account(string account, string key, string permissions, DateTimeOffset expiry, string resourceTypes = "sco")
    {
        var se = Time(expiry);
        var toSign = string.Join('\n', account, permissions, "b", resourceTypes, "", se, "", "https,http", Version, "") + "\n";
        var sig = new AzureSharedKey(account, key).SignText(toSign);
        return $"sv={Version}&ss=b&srt={resourceTypes}&sp={permissions}&se={Uri.EscapeDataString(se)}&spr=https,http&sig={Uri.EscapeDataString(sig)}";
    }

    /// <summary>Service SAS for one container. Permissions e.g. "rwl" (read, write, list) in the canonical order racwdl.</summary>
    public static string Container(string account, string key, string container, string permissions, DateTimeOffset expiry)
    {
        var se = Time(expiry);
        var toSign = string.Join('\n',
            permissions, "", se, $"/blob/{account}/{container}", "", "", "https,http", Version, "c", "", "", "", "", "", "", "");
        var sig = new AzureSharedKey(account, key).SignText(toSign);
        return $"sv={Version}&sr=c&sp={permissions}&se={Uri.EscapeDataString(se)}&spr=https,http&sig={Uri.EscapeDataString(sig)}";
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
