using Integration.TestSupport;

namespace Integration.Host.Tests.Architecture;

/// <summary>Issue 13's rule: no source file over 300 lines without the reason at its top.</summary>
public sealed class SourceFileSizeTests
{
    private const int MaxLines = 300;
    private const string Reason = "// Over 300 lines: ";
    private static readonly string[] Folders = ["src", "tests", "bench"];

    [Fact]
    public void Every_source_file_over_300_lines_says_why_in_its_first_line()
    {
        var root = RepoPaths.Root;
        var files = Folders
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        var unexplained = files
            .Select(f => (File: Path.GetRelativePath(root, f), Lines: File.ReadAllLines(f)))
            .Where(f => f.Lines.Length > MaxLines && !(f.Lines[0].StartsWith(Reason, StringComparison.Ordinal) && f.Lines[0].Length > Reason.Length + 10))
            .Select(f => $"{f.File} ({f.Lines.Length} lines)")
            .ToList();

        Assert.True(files.Count > 100, $"only {files.Count} source files found under {root}");
        Assert.True(unexplained.Count == 0, "over 300 lines with no reason in the first line: " + string.Join(", ", unexplained));
    }
}
