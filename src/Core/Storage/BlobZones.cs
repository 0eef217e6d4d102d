namespace Integration.Core.Storage;

/// <summary>Where feeds land and where their untouched raw copies are kept.</summary>
public sealed record BlobZones(IBlobStore Landing, IBlobStore Raw)
{
    public static BlobZones Create(StorageOptions options) => options.Kind switch
    {
        StorageKind.Local => new BlobZones(new LocalFolderBlobStore(options.LandingPath), new LocalFolderBlobStore(options.RawPath)),
        StorageKind.AzureBlob => new BlobZones(
            new AzureBlobStore(options.Azure, options.Azure.LandingContainer),
            new AzureBlobStore(options.Azure, options.Azure.RawContainer)),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "Unknown storage kind."),
    };
}
