using Azure.Storage;
using Azure.Storage.Sas;

namespace Integration.TestSupport;

/// <summary>SAS tokens signed with an account key by the Azure SDK's builders, so tests can use the SAS path against Azurite.</summary>
public static class AzureSas
{
    /// <summary>Account SAS for the Blob service. Permissions e.g. "rwdlac".</summary>
    public static string Account(string account, string key, string permissions, DateTimeOffset expiry)
    {
        var builder = new AccountSasBuilder { Services = AccountSasServices.Blobs, ResourceTypes = AccountSasResourceTypes.All, ExpiresOn = expiry };
        builder.SetPermissions(permissions);
        return builder.ToSasQueryParameters(new StorageSharedKeyCredential(account, key)).ToString();
    }

    /// <summary>Service SAS for one container. Permissions e.g. "rwl" (read, write, list).</summary>
    public static string Container(string account, string key, string container, string permissions, DateTimeOffset expiry)
    {
        var builder = new BlobSasBuilder { BlobContainerName = container, Resource = "c", ExpiresOn = expiry };
        builder.SetPermissions(permissions);
        return builder.ToSasQueryParameters(new StorageSharedKeyCredential(account, key)).ToString();
    }
}
