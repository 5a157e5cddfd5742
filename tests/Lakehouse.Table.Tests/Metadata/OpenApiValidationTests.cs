using System.Text.Json;
using Lakehouse.Table.Metadata;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Metadata;

/// <summary>The metadata JSON we write validates against TableMetadata of the Iceberg REST OpenAPI (ajv oracle).</summary>
public sealed class OpenApiValidationTests
{
    private static string OpenApiYaml()
    {
        var root = SharedFixtures.Require("iceberg");
        var yaml = Directory.EnumerateDirectories(root, "apache__iceberg@*")
            .Select(d => Path.Combine(d, "open-api", "rest-catalog-open-api.yaml"))
            .FirstOrDefault(File.Exists);
        Skip.If(yaml is null, "rest-catalog-open-api.yaml is not in the shared fixtures");
        return yaml!;
    }

    [SkippableFact]
    public void WrittenMetadataValidatesAgainstRestOpenApi()
    {
        var yaml = OpenApiYaml();
        var dir = RepoPaths.NewTempDirectory("iceberg-openapi");
        try
        {
            var files = new List<string>();
            var i = 0;
            foreach (var fixture in FixtureMetadataTests.MetadataFiles())
            {
                TableMetadata metadata;
                try
                {
                    metadata = TableMetadataParser.ReadFile(fixture);
                }
                catch (IcebergException)
                {
                    continue;
                }

                // The OpenAPI Snapshot requires manifest-list, which v1 snapshots may lack; v1 is read-only for us.
                if (metadata.FormatVersion == 1)
                {
                    continue;
                }

                var path = Path.Combine(dir, $"{i++:D4}.metadata.json");
                File.WriteAllBytes(path, TableMetadataWriter.ToUtf8Bytes(metadata));
                files.Add(path);
            }

            var synthetic = Path.Combine(dir, "synthetic.metadata.json");
            File.WriteAllBytes(synthetic, TableMetadataWriter.ToUtf8Bytes(SampleMetadata.Create()));
            files.Add(synthetic);

            var invalid = Path.Combine(dir, "negative-control.metadata.json");
            File.WriteAllText(invalid, """{"format-version": 2, "table-uuid": 5, "schemas": "no"}""");
            files.Add(invalid);

            var output = NodeOracle.Run("iceberg-metadata-validate.mjs", [yaml, .. files]);
            var failures = new List<string>();
            var validated = 0;
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                using var doc = JsonDocument.Parse(line);
                var file = doc.RootElement.GetProperty("file").GetString()!;
                var valid = doc.RootElement.GetProperty("valid").GetBoolean();
                if (file == invalid)
                {
                    Assert.False(valid, "the validator accepted an invalid document");
                    continue;
                }

                validated++;
                if (!valid)
                {
                    failures.Add($"{file}: {doc.RootElement.GetProperty("errors")}");
                }
            }

            Assert.True(failures.Count == 0, string.Join('\n', failures));
            Assert.Equal(files.Count - 1, validated);
            Assert.True(validated > 100, $"only {validated} files validated");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
