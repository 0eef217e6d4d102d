using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace Integration.Core.Storage;

/// <summary>
/// Builds the Azure SDK's container client from <see cref="AzureBlobOptions"/>: a connection string, a Shared Key,
/// a SAS token, or a token credential (managed identity). Exactly one must be configured, so a deployment never
/// silently falls back from managed identity to a key left in an old setting.
/// </summary>
public static class AzureBlobClients
{
    public static BlobContainerClient Container(AzureBlobOptions options, string container, BlobClientOptions? clientOptions = null)
    {
        if (string.IsNullOrWhiteSpace(container))
        {
            throw new ArgumentException("A container name is required (Storage:Azure:LandingContainer / RawContainer).", nameof(container));
        }

        return Service(options, clientOptions).GetBlobContainerClient(container);
    }

    public static BlobServiceClient Service(AzureBlobOptions options, BlobClientOptions? clientOptions = null)
    {
        var ways = Ways(options);
        if (ways.Count != 1)
        {
            throw new ArgumentException(
                "Storage:Azure needs exactly one of ConnectionString, AccountKey, SasToken or Credential (ManagedIdentity | Default)"
                + (ways.Count == 0 ? "; none is set." : "; set are: " + string.Join(", ", ways) + "."),
                nameof(options));
        }

        if (ways[0] == "ConnectionString")
        {
            return new BlobServiceClient(options.ConnectionString, clientOptions);
        }

        if (string.IsNullOrWhiteSpace(options.ServiceUri))
        {
            throw new ArgumentException($"Storage:Azure:ServiceUri is required with {ways[0]}.", nameof(options));
        }

        var service = new Uri(options.ServiceUri.TrimEnd('/'));
        return ways[0] switch
        {
            "AccountKey" => new BlobServiceClient(service, new StorageSharedKeyCredential(AccountName(options, service), options.AccountKey), clientOptions),
            "SasToken" => new BlobServiceClient(service, new AzureSasCredential(options.SasToken.Trim().TrimStart('?')), clientOptions),
            _ => new BlobServiceClient(service, Credential(options), clientOptions),
        };
    }

    /// <summary>The ways in that <paramref name="options"/> set (ConnectionString, AccountKey, SasToken, Credential); exactly one may be.</summary>
    public static IReadOnlyList<string> Ways(AzureBlobOptions options)
    {
        var ways = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            ways.Add("ConnectionString");
        }

        if (!string.IsNullOrWhiteSpace(options.AccountKey))
        {
            ways.Add("AccountKey");
        }

        if (!string.IsNullOrWhiteSpace(options.SasToken))
        {
            ways.Add("SasToken");
        }

        if (options.Credential != AzureCredential.None)
        {
            ways.Add("Credential");
        }

        return ways;
    }

    /// <summary>The token credential that <see cref="AzureBlobOptions.Credential"/> names.</summary>
    public static TokenCredential Credential(AzureBlobOptions options)
    {
        var clientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId.Trim();
        return options.Credential switch
        {
            AzureCredential.ManagedIdentity => new ManagedIdentityCredential(
                clientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId)),
            AzureCredential.Default => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }),
            _ => throw new ArgumentException("Storage:Azure:Credential is None: no token credential is configured.", nameof(options)),
        };
    }

    /// <summary>Account name from the endpoint: the first host label (acct.blob.core.windows.net) or, for Azurite, the first path segment.</summary>
    private static string AccountName(AzureBlobOptions options, Uri service)
    {
        if (!string.IsNullOrWhiteSpace(options.AccountName))
        {
            return options.AccountName;
        }

        var segments = service.AbsolutePath.Trim('/');
        return segments.Length > 0 ? segments.Split('/')[0] : service.Host.Split('.')[0];
    }
}
