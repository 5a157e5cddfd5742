using System.Globalization;

namespace Lakehouse.Table;

/// <summary>
/// Table property names and defaults used by commits and maintenance (the same keys as the reference
/// implementation, so tables behave the same whichever engine commits to them).
/// </summary>
public static class TableProperties
{
    /// <summary>Reserved: the format version requested at create time (not stored as a property).</summary>
    public const string FormatVersion = "format-version";

    public const string CommitNumRetries = "commit.retry.num-retries";
    public const int CommitNumRetriesDefault = 4;

    public const string CommitMinRetryWaitMs = "commit.retry.min-wait-ms";
    public const int CommitMinRetryWaitMsDefault = 100;

    public const string CommitMaxRetryWaitMs = "commit.retry.max-wait-ms";
    public const int CommitMaxRetryWaitMsDefault = 60_000;

    public const string CommitTotalRetryTimeMs = "commit.retry.total-timeout-ms";
    public const int CommitTotalRetryTimeMsDefault = 1_800_000;

    public const string MetadataPreviousVersionsMax = "write.metadata.previous-versions-max";
    public const int MetadataPreviousVersionsMaxDefault = 100;

    public const string MetadataDeleteAfterCommitEnabled = "write.metadata.delete-after-commit.enabled";
    public const bool MetadataDeleteAfterCommitEnabledDefault = false;

    /// <summary>none or gzip.</summary>
    public const string MetadataCompression = "write.metadata.compression-codec";
    public const string MetadataCompressionDefault = "none";

    /// <summary>Overrides <c>{location}/metadata</c> as the folder new metadata files are written to.</summary>
    public const string WriteMetadataLocation = "write.metadata.path";

    /// <summary>Overrides <c>{location}/data</c> as the folder new data files are written to.</summary>
    public const string WriteDataLocation = "write.data.path";

    public const string MaxSnapshotAgeMs = "history.expire.max-snapshot-age-ms";
    public const long MaxSnapshotAgeMsDefault = 5L * 24 * 60 * 60 * 1000;

    public const string MinSnapshotsToKeep = "history.expire.min-snapshots-to-keep";
    public const int MinSnapshotsToKeepDefault = 1;

    public const string MaxRefAgeMs = "history.expire.max-ref-age-ms";
    public const long MaxRefAgeMsDefault = long.MaxValue;

    public const string GcEnabled = "gc.enabled";
    public const bool GcEnabledDefault = true;

    public static int GetInt(IReadOnlyDictionary<string, string> properties, string key, int defaultValue) =>
        properties.TryGetValue(key, out var s) ? ParseOrThrow(key, s, static t => int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)) : defaultValue;

    public static long GetLong(IReadOnlyDictionary<string, string> properties, string key, long defaultValue) =>
        properties.TryGetValue(key, out var s) ? ParseOrThrow(key, s, static t => long.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture)) : defaultValue;

    public static bool GetBool(IReadOnlyDictionary<string, string> properties, string key, bool defaultValue) =>
        properties.TryGetValue(key, out var s) ? ParseOrThrow(key, s, static t => bool.Parse(t)) : defaultValue;

    public static string GetString(IReadOnlyDictionary<string, string> properties, string key, string defaultValue) =>
        properties.TryGetValue(key, out var s) ? s : defaultValue;

    private static T ParseOrThrow<T>(string key, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text.Trim());
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw IcebergException.Invalid($"table property '{key}' has invalid value '{text}'", e);
        }
    }
}
