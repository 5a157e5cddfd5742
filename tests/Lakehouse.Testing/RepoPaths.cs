namespace Lakehouse.Testing;

/// <summary>Paths inside the repository, found by walking up from the test assembly to Lakehouse.sln.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lakehouse.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Lakehouse.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => s_root.Value;

    public static string Interop => Path.Combine(Root, "tests", "interop");

    /// <summary>A fresh, empty temporary directory for one test.</summary>
    public static string NewTempDirectory(string prefix = "lakehouse-test")
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
