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

/// <summary>Azure Blob storage or Azurite. Secrets come from environment variables, never the repository.</summary>
public sealed class AzureBlobOptions
{
    /// <summary>e.g. http://127.0.0.1:10000/devstoreaccount1 for Azurite, https://acct.blob.core.windows.net for Azure.</summary>
    public string ServiceUri { get; set; } = "";

    public string AccountName { get; set; } = "";

    /// <summary>Shared Key (base64). Either this or <see cref="SasToken"/>.</summary>
    public string AccountKey { get; set; } = "";

    public string SasToken { get; set; } = "";

    /// <summary>One container per environment, e.g. <c>landing-prod</c>.</summary>
    public string LandingContainer { get; set; } = "landing";

    public string RawContainer { get; set; } = "raw";
}
