using Lakehouse.Testing;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>The arrow-testing golden cases under ../shared/fixtures/arrow-ipc (see its MANIFEST.txt).</summary>
internal static class GoldenFiles
{
    public static readonly string[] Cases =
    [
        "cpp-21.0.0/generated_binary", "cpp-21.0.0/generated_binary_no_batches", "cpp-21.0.0/generated_binary_view",
        "cpp-21.0.0/generated_binary_zerolength", "cpp-21.0.0/generated_custom_metadata", "cpp-21.0.0/generated_datetime",
        "cpp-21.0.0/generated_decimal", "cpp-21.0.0/generated_decimal256", "cpp-21.0.0/generated_decimal32",
        "cpp-21.0.0/generated_decimal64", "cpp-21.0.0/generated_dictionary", "cpp-21.0.0/generated_dictionary_unsigned",
        "cpp-21.0.0/generated_duplicate_fieldnames", "cpp-21.0.0/generated_duration", "cpp-21.0.0/generated_extension",
        "cpp-21.0.0/generated_interval", "cpp-21.0.0/generated_interval_mdn", "cpp-21.0.0/generated_large_binary",
        "cpp-21.0.0/generated_list_view", "cpp-21.0.0/generated_map", "cpp-21.0.0/generated_map_non_canonical",
        "cpp-21.0.0/generated_nested", "cpp-21.0.0/generated_nested_dictionary", "cpp-21.0.0/generated_nested_large_offsets",
        "cpp-21.0.0/generated_null", "cpp-21.0.0/generated_null_trivial", "cpp-21.0.0/generated_primitive",
        "cpp-21.0.0/generated_primitive_no_batches", "cpp-21.0.0/generated_primitive_zerolength", "cpp-21.0.0/generated_recursive_nested",
        "cpp-21.0.0/generated_run_end_encoded", "cpp-21.0.0/generated_union", "4.0.0-shareddict/generated_shared_dict",
    ];

    public static readonly string[] CompressedCases =
    [
        "2.0.0-compression/generated_lz4", "2.0.0-compression/generated_zstd",
        "2.0.0-compression/generated_uncompressible_lz4", "2.0.0-compression/generated_uncompressible_zstd",
    ];

    public static IEnumerable<object[]> All() => Cases.Concat(CompressedCases).Select(c => new object[] { c });

    public static string Path(string relative) => SharedFixtures.Require(System.IO.Path.Combine("arrow-ipc", relative));
}
