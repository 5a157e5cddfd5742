using System.Globalization;
using System.Text.RegularExpressions;

namespace Lakehouse.Table.IO;

/// <summary>Finds the current metadata JSON of a table folder: version-hint.text, else the highest version number.</summary>
public static partial class MetadataLocator
{
    public static string FindLatest(string tableFolder)
    {
        var metadataDir = Path.Combine(tableFolder, "metadata");
        if (!Directory.Exists(metadataDir))
        {
            metadataDir = tableFolder;
        }

        if (!Directory.Exists(metadataDir))
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"table folder not found: {tableFolder}");
        }

        var hint = Path.Combine(metadataDir, "version-hint.text");
        if (File.Exists(hint))
        {
            var text = File.ReadAllText(hint).Trim();
            foreach (var name in new[] { text, $"v{text}.metadata.json", $"v{text}.gz.metadata.json", $"{text}.metadata.json" })
            {
                if (name.Length > 0 && File.Exists(Path.Combine(metadataDir, name)))
                {
                    return Path.Combine(metadataDir, name);
                }
            }
        }

        string? best = null;
        var bestVersion = long.MinValue;
        var bestTime = DateTime.MinValue;
        foreach (var file in Directory.EnumerateFiles(metadataDir, "*.metadata.json"))
        {
            var m = VersionPattern().Match(Path.GetFileName(file));
            var version = m.Success ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
            var time = File.GetLastWriteTimeUtc(file);
            if (version > bestVersion || (version == bestVersion && time > bestTime))
            {
                best = file;
                bestVersion = version;
                bestTime = time;
            }
        }

        return best ?? throw new IcebergException(IcebergErrorKind.NotFound, $"no *.metadata.json in {metadataDir}");
    }

    [GeneratedRegex(@"^v?(\d+)")]
    private static partial Regex VersionPattern();
}
