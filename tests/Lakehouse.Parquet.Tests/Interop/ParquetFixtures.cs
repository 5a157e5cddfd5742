using Lakehouse.Testing;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>The parquet-testing files under ../shared/fixtures/parquet.</summary>
internal static class ParquetFixtures
{
    public static string? Root => SharedFixtures.Root is { } r && Directory.Exists(Path.Combine(r, "parquet")) ? Path.Combine(r, "parquet") : null;

    public static IEnumerable<string> DataFiles() => Files("data");

    public static IEnumerable<string> BadFiles() => Files("bad_data");

    /// <summary>Files we refuse on purpose, with the reason (the manifest accepts a clean failure for them).</summary>
    public static readonly Dictionary<string, string> Refused = new(StringComparer.Ordinal)
    {
        ["data/nation.dict-malformed.parquet"] = "a page claims more bytes than its column chunk holds (PARQUET-816); rejected as corrupt",
        ["data/large_string_map.brotli.parquet"] = "the key column decodes to more than 2 GiB; refused as not supported (no large_string output yet)",
    };

    public static bool IsEncrypted(string path) => path.EndsWith(".encrypted", StringComparison.Ordinal) || path.Contains("/aes256/", StringComparison.Ordinal);

    public static IEnumerable<object[]> DataCases() => Cases(DataFiles());

    public static IEnumerable<object[]> BadCases() => Cases(BadFiles());

    private static IEnumerable<object[]> Cases(IEnumerable<string> files)
    {
        var any = false;
        foreach (var f in files)
        {
            any = true;
            yield return [Path.GetRelativePath(Root!, f)];
        }

        if (!any)
        {
            yield return ["(fixtures absent)"];
        }
    }

    private static IEnumerable<string> Files(string folder)
    {
        if (Root is not { } root || !Directory.Exists(Path.Combine(root, folder)))
        {
            return [];
        }

        return Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith(".parquet.encrypted", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }
}
