using System.Text;
using Lakehouse.Table.Metadata;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Metadata;

/// <summary>Every metadata.json (plain and gzip) written by other engines in ../shared/fixtures/iceberg.</summary>
public sealed class FixtureMetadataTests
{
    internal static List<string> MetadataFiles()
    {
        var root = SharedFixtures.Require("iceberg");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".metadata.json", StringComparison.Ordinal) || f.EndsWith(".metadata.json.gz", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Skip.If(files.Count == 0, "no Iceberg metadata files in the shared fixtures");
        return files;
    }

    /// <summary>Fixtures that are broken on purpose, and the error each must produce.</summary>
    private static readonly Dictionary<string, string> s_expectedErrors = new(StringComparer.Ordinal)
    {
        ["big_query_error/metadata/v0.metadata.json"] = "field 'format-version' is missing",
    };

    [SkippableFact]
    public void EveryFixtureParsesAndRoundTrips()
    {
        var failures = new StringBuilder();
        var parsed = 0;
        var versions = new int[4];
        foreach (var file in MetadataFiles())
        {
            try
            {
                var metadata = TableMetadataParser.ReadFile(file);
                versions[metadata.FormatVersion]++;
                _ = metadata.CurrentSchema;
                _ = metadata.DefaultSpec;
                _ = metadata.NameMapping;
                var json = TableMetadataWriter.ToUtf8Bytes(metadata);
                var again = TableMetadataParser.Parse(json, file + " (re-serialized)");
                if (!again.Equals(metadata))
                {
                    failures.AppendLine($"{file}: re-parsed model differs");
                }

                var gz = TableMetadataParser.Parse(TableMetadataWriter.ToGzipBytes(metadata), file + " (gzip)");
                Assert.Equal(metadata, gz);
                parsed++;
            }
            catch (IcebergException ex) when (ex.Kind == IcebergErrorKind.NotSupported)
            {
                // Allowed: a precise "not supported: ..." error.
                Assert.StartsWith("not supported: ", ex.Message, StringComparison.Ordinal);
            }
            catch (IcebergException ex) when (s_expectedErrors.FirstOrDefault(kv => file.EndsWith(kv.Key, StringComparison.Ordinal)) is { Key: not null } expected)
            {
                Assert.Contains(expected.Value, ex.Message, StringComparison.Ordinal);
                Assert.Contains(file, ex.Message, StringComparison.Ordinal);
            }
            catch (Exception ex)
            {
                failures.AppendLine($"{file}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
        Assert.True(parsed >= 250, $"only {parsed} metadata files parsed");
        Assert.True(versions[1] > 0 && versions[2] > 0 && versions[3] > 0, $"versions seen: v1 {versions[1]}, v2 {versions[2]}, v3 {versions[3]}");
    }
}
