using Integration.Core.Settings;

namespace Integration.Core.Storage;

/// <summary>
/// Start-up check of the <c>Storage</c> section: a known kind, the folders it uses, and for Azure exactly one way
/// in (<see cref="AzureBlobClients.Ways"/>) and both containers, so a half-configured deployment stops before its
/// first ingest rather than at the first blob it writes.
/// </summary>
internal sealed class StorageOptionsValidator() : SettingsValidator<StorageOptions>(StorageOptions.Section)
{
    protected override void Check(StorageOptions options, SettingsProblems problems)
    {
        problems.Defined(nameof(options.Kind), options.Kind);
        problems.NotEmpty(nameof(options.ExportPath), options.ExportPath);
        if (options.Kind == StorageKind.Local)
        {
            problems.NotEmpty(nameof(options.LandingPath), options.LandingPath);
            problems.NotEmpty(nameof(options.RawPath), options.RawPath);
            return;
        }

        if (options.Kind != StorageKind.AzureBlob)
        {
            return;
        }

        var azure = options.Azure;
        const string A = nameof(StorageOptions.Azure) + ":";
        problems.Defined(A + nameof(azure.Credential), azure.Credential);
        problems.NotEmpty(A + nameof(azure.LandingContainer), azure.LandingContainer);
        problems.NotEmpty(A + nameof(azure.RawContainer), azure.RawContainer);
        var ways = AzureBlobClients.Ways(azure);
        if (ways.Count != 1)
        {
            problems.Add(A.TrimEnd(':'), "needs exactly one of ConnectionString, AccountKey, SasToken or Credential (ManagedIdentity | Default)"
                + (ways.Count == 0 ? "; none is set." : "; set are: " + string.Join(", ", ways) + "."));
        }
        else if (ways[0] != "ConnectionString" && !Uri.TryCreate(azure.ServiceUri, UriKind.Absolute, out _))
        {
            problems.Add(A + nameof(azure.ServiceUri), $"is '{azure.ServiceUri}'; an absolute address is required with {ways[0]}.");
        }
    }
}
