using Lakehouse.Testing;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>The Iceberg table folders of the shared fixtures, from their MANIFEST.txt.</summary>
internal static class FixtureTables
{
    public static List<string> All()
    {
        var root = SharedFixtures.Require("iceberg");
        var result = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(root, "MANIFEST.txt")))
        {
            var parts = line.Split(" | ");
            if (parts.Length < 4 || parts[1].Length != 40 || !parts[0].Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            var folder = Path.Combine(root, $"{parts[0].Split('/')[0]}__{parts[0].Split('/')[1]}@{parts[1][..12]}", parts[2]);
            if (Directory.Exists(Path.Combine(folder, "metadata")))
            {
                result.Add(folder);
            }
        }

        return result;
    }

    public static string Name(string folder) => Path.GetRelativePath(SharedFixtures.Require("iceberg"), folder);
}
