namespace Integration.TestSupport;

/// <summary>Finds the repository (the folder holding Integration.sln) and the shared reference data beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared/data</c> next to the repository: gazetteer and Khmer names (never copied into the repo).</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string Gazetteer => Path.Combine(SharedData, "gazetteer");

    public static string KhmerNames => Path.Combine(SharedData, "khmer-names");

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
