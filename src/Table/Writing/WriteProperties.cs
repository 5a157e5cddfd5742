using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Writing;

/// <summary>The write-side table properties (names and defaults as in Iceberg's TableProperties).</summary>
public static class WriteProperties
{
    public const string TargetFileSizeBytes = "write.target-file-size-bytes";
    public const long TargetFileSizeBytesDefault = 512L * 1024 * 1024;

    public const string MetricsDefault = "write.metadata.metrics.default";
    public const string MetricsDefaultValue = "truncate(16)";

    /// <summary>Per-column metrics mode: <c>write.metadata.metrics.column.{column name}</c>.</summary>
    public const string MetricsColumnPrefix = "write.metadata.metrics.column.";

    public const string ManifestMergeEnabledKey = "commit.manifest-merge.enabled";
    public const bool ManifestMergeEnabledDefault = true;

    public const string ManifestMinMergeCountKey = "commit.manifest.min-count-to-merge";
    public const int ManifestMinMergeCountDefault = 100;

    public const string ManifestTargetSizeBytesKey = "commit.manifest.target-size-bytes";
    public const long ManifestTargetSizeBytesDefault = 8L * 1024 * 1024;

    public static bool ManifestMergeEnabled(TableMetadata m) => TableProperties.GetBool(m.Properties, ManifestMergeEnabledKey, ManifestMergeEnabledDefault);

    public static int ManifestMinMergeCount(TableMetadata m) => TableProperties.GetInt(m.Properties, ManifestMinMergeCountKey, ManifestMinMergeCountDefault);

    public static long ManifestTargetSizeBytes(TableMetadata m) => TableProperties.GetLong(m.Properties, ManifestTargetSizeBytesKey, ManifestTargetSizeBytesDefault);

    public static long TargetFileSize(TableMetadata m) => TableProperties.GetLong(m.Properties, TargetFileSizeBytes, TargetFileSizeBytesDefault);

    /// <summary>The data folder: <c>write.data.path</c> or <c>{location}/data</c>.</summary>
    public static string DataFolder(TableMetadata m) =>
        m.Properties.TryGetValue(TableProperties.WriteDataLocation, out var path) ? path.TrimEnd('/') : m.Location.TrimEnd('/') + "/data";
}
