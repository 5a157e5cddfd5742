namespace Lakehouse.Bench;

/// <summary>Finds the repository root (the folder holding Lakehouse.sln) from the running binary.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lakehouse.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Lakehouse.sln not found above " + AppContext.BaseDirectory);
    }
}
