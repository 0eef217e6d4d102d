namespace Integration.Core.Storage;

public enum StorageKind
{
    Local,
    AzureBlob,
}

/// <summary>Bound from the <c>Storage</c> configuration section: where feeds land and where raw copies are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageKind Kind { get; set; } = StorageKind.Local;

    /// <summary>Local landing folder: one sub-folder per feed.</summary>
    public string LandingPath { get; set; } = "data/landing";

    /// <summary>Local raw zone: every delivered file, byte for byte, under its content hash.</summary>
    public string RawPath { get; set; } = "data/raw";

    /// <summary>Folder for exports (CSV) and reports.</summary>
    public string ExportPath { get; set; } = "data/exports";

    public AzureBlobOptions Azure { get; set; } = new();
}

/// <summary>How the blob service is reached: which kind of credential <see cref="AzureBlobOptions"/> carries.</summary>
public enum AzureCredential
{
    /// <summary>No token credential: a connection string, a Shared Key or a SAS token is set instead.</summary>
    None,

    /// <summary>The host's managed identity (system-assigned, or user-assigned with <see cref="AzureBlobOptions.ManagedIdentityClientId"/>).</summary>
    ManagedIdentity,

    /// <summary>Azure.Identity's DefaultAzureCredential chain (environment, workload identity, managed identity, developer sign-in).</summary>
    Default,
}

/// <summary>
/// Azure Blob storage or Azurite. Exactly one way in: <see cref="ConnectionString"/>, <see cref="AccountKey"/>
/// (Shared Key), <see cref="SasToken"/>, or a token <see cref="Credential"/> (managed identity: no secret at all).
/// Secrets come from the environment or Key Vault references, never the repository.
/// </summary>
public sealed class AzureBlobOptions
{
    /// <summary>e.g. http://127.0.0.1:10000/devstoreaccount1 for Azurite, https://acct.blob.core.windows.net for Azure. Not needed with a connection string.</summary>
    public string ServiceUri { get; set; } = "";

    /// <summary>A storage connection string (AccountKey or SharedAccessSignature inside; <c>UseDevelopmentStorage=true</c> for a local Azurite).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Account for <see cref="AccountKey"/>; defaults to the first host label of the endpoint (or, for Azurite, its first path segment).</summary>
    public string AccountName { get; set; } = "";

    /// <summary>Shared Key (base64).</summary>
    public string AccountKey { get; set; } = "";

    /// <summary>An account SAS, or a container SAS valid for the container it is used with.</summary>
    public string SasToken { get; set; } = "";

    public AzureCredential Credential { get; set; } = AzureCredential.None;

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string ManagedIdentityClientId { get; set; } = "";

    /// <summary>One container per environment, e.g. <c>landing-prod</c>.</summary>
    public string LandingContainer { get; set; } = "landing";

    public string RawContainer { get; set; } = "raw";
}
