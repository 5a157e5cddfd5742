using System.Text.Json;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Operations;

/// <summary>Validates metadata JSON files we wrote against TableMetadata of the Iceberg REST OpenAPI (ajv oracle).</summary>
internal static class MetadataValidation
{
    public static string OpenApiYaml()
    {
        var root = SharedFixtures.Require("iceberg");
        var yaml = Directory.EnumerateDirectories(root, "apache__iceberg@*")
            .Select(d => Path.Combine(d, "open-api", "rest-catalog-open-api.yaml"))
            .FirstOrDefault(File.Exists);
        Skip.If(yaml is null, "rest-catalog-open-api.yaml is not in the shared fixtures");
        return yaml!;
    }

    /// <summary>Validates every plain <c>*.metadata.json</c> under <paramref name="folder"/>; returns how many were checked.</summary>
    public static int ValidateFolder(string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.metadata.json", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".gz.metadata.json", StringComparison.Ordinal)).Order().ToList();
        Assert.NotEmpty(files);
        var output = NodeOracle.Run("iceberg-metadata-validate.mjs", [OpenApiYaml(), .. files]);
        var failures = new List<string>();
        var validated = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            validated++;
            if (!doc.RootElement.GetProperty("valid").GetBoolean())
            {
                failures.Add($"{doc.RootElement.GetProperty("file").GetString()}: {doc.RootElement.GetProperty("errors")}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Equal(files.Count, validated);
        return validated;
    }
}
