namespace Integration.TestSupport;

/// <summary>
/// Finds the repository (the folder holding Integration.sln). Tests use only what the repository holds: the gazetteer
/// and the Khmer names ship in the build (<c>Gazetteer.Shipped</c>, <c>PersonNames.Shipped</c>), never ../shared.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Integration.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Integration.sln not found above " + AppContext.BaseDirectory);
    }
}
