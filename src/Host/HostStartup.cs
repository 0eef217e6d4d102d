using Integration.Core.Database;
using Integration.Core.Export;
using Integration.Core.Settings;
using Integration.Core.Storage;

namespace Integration.Host;

/// <summary>What every process does before its first command or request, for the CLI and the HTTP host alike.</summary>
public static class HostStartup
{
    /// <summary>
    /// Checks every bound setting (<see cref="SettingsServiceCollectionExtensions.ValidateSettings"/>: a wrong one stops
    /// the process before it touches data), brings the schema up to date, then completes or removes the export sets a killed process left half
    /// published (<see cref="ExportSet.Recover"/>). An export folder that cannot be repaired now is logged, not fatal:
    /// the next export of the set repairs it too.
    /// </summary>
    public static void Prepare(IServiceProvider services)
    {
        services.ValidateSettings();
        services.GetRequiredService<Migrator>().Apply();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("startup");
        var exports = services.GetRequiredService<StorageOptions>().ExportPath;
        try
        {
            foreach (var set in ExportSet.Recover(exports))
            {
                log.LogWarning("Export set {Set} in {Folder} was left by a killed run: completed or cleaned up", set, exports);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning("Export folder {Folder} could not be checked for half-published sets: {Error}", exports, e.Message);
        }
    }
}
