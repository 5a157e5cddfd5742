using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.MetadataTables;

public static partial class MetadataTables
{
    private static Schema SnapshotsSchema => new(
    [
        Required("committed_at", TimestampMs),
        Required("snapshot_id", ArrowType.Int64),
        Optional("parent_id", ArrowType.Int64),
        Optional("operation", ArrowType.Utf8),
        Optional("manifest_list", ArrowType.Utf8),
        Optional("summary", StringMap),
    ]);

    private static Schema HistorySchema => new(
    [
        Required("made_current_at", TimestampMs),
        Required("snapshot_id", ArrowType.Int64),
        Optional("parent_id", ArrowType.Int64),
        Required("is_current_ancestor", ArrowType.Boolean),
    ]);

    private static Schema RefsSchema => new(
    [
        Required("name", ArrowType.Utf8),
        Required("type", ArrowType.Utf8),
        Required("snapshot_id", ArrowType.Int64),
        Optional("max_reference_age_in_ms", ArrowType.Int64),
        Optional("min_snapshots_to_keep", ArrowType.Int32),
        Optional("max_snapshot_age_in_ms", ArrowType.Int64),
    ]);

    private static Schema PropertiesSchema => new(
    [
        Required("key", ArrowType.Utf8),
        Required("value", ArrowType.Utf8),
    ]);

    private static Schema MetadataLogSchema => new(
    [
        Required("timestamp", TimestampMs),
        Required("file", ArrowType.Utf8),
        Optional("latest_snapshot_id", ArrowType.Int64),
        Optional("latest_schema_id", ArrowType.Int32),
        Optional("latest_sequence_number", ArrowType.Int64),
    ]);

    private static MetadataTableData ReadSnapshots(TableMetadata metadata)
    {
        var rows = new MetadataBatchBuilder(SnapshotsSchema);
        foreach (var s in metadata.Snapshots)
        {
            rows.AppendRow(s.TimestampMs, s.SnapshotId, s.ParentSnapshotId, s.Operation, s.ManifestList ?? ManifestsText(s), SummaryMap(s.Summary));
        }

        return rows.Build(MetadataTableType.Snapshots);
    }

    /// <summary>The snapshot log in order; a snapshot is a current ancestor when it is the current snapshot or one of its parents.</summary>
    private static MetadataTableData ReadHistory(TableMetadata metadata)
    {
        var ancestors = new HashSet<long>();
        var cursor = metadata.CurrentSnapshot;
        while (cursor is not null && ancestors.Add(cursor.SnapshotId))
        {
            cursor = cursor.ParentSnapshotId is { } parent ? metadata.SnapshotById(parent) : null;
        }

        var rows = new MetadataBatchBuilder(HistorySchema);
        var log = metadata.SnapshotLog;
        if (log.Count == 0 && metadata.CurrentSnapshot is { } current)
        {
            // Old writers left the log empty: the current snapshot's ancestry stands in for it.
            var chain = new List<Snapshot>();
            for (var s = current; s is not null; s = s.ParentSnapshotId is { } p ? metadata.SnapshotById(p) : null)
            {
                chain.Add(s);
                if (chain.Count > metadata.Snapshots.Count)
                {
                    break;
                }
            }

            chain.Reverse();
            foreach (var s in chain)
            {
                rows.AppendRow(s.TimestampMs, s.SnapshotId, s.ParentSnapshotId, true);
            }

            return rows.Build(MetadataTableType.History);
        }

        foreach (var entry in log)
        {
            var snapshot = metadata.SnapshotById(entry.SnapshotId);
            rows.AppendRow(entry.TimestampMs, entry.SnapshotId, snapshot?.ParentSnapshotId, ancestors.Contains(entry.SnapshotId));
        }

        return rows.Build(MetadataTableType.History);
    }

    private static MetadataTableData ReadRefs(TableMetadata metadata)
    {
        var rows = new MetadataBatchBuilder(RefsSchema);
        var names = new List<string>(metadata.Refs.Keys);
        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var r = metadata.Refs[name];
            rows.AppendRow(name, r.IsBranch ? "BRANCH" : "TAG", r.SnapshotId, r.MaxRefAgeMs, r.MinSnapshotsToKeep, r.MaxSnapshotAgeMs);
        }

        return rows.Build(MetadataTableType.Refs);
    }

    private static MetadataTableData ReadProperties(TableMetadata metadata)
    {
        var rows = new MetadataBatchBuilder(PropertiesSchema);
        var keys = new List<string>(metadata.Properties.Keys);
        keys.Sort(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            rows.AppendRow(key, metadata.Properties[key]);
        }

        return rows.Build(MetadataTableType.Properties);
    }

    /// <summary>
    /// The metadata log followed by the loaded metadata file itself. The latest_* columns are known only for the loaded
    /// file (previous files are not opened); for earlier entries they come from the snapshot that was current at the time.
    /// </summary>
    private static MetadataTableData ReadMetadataLog(IcebergTable table)
    {
        var metadata = table.Metadata;
        var rows = new MetadataBatchBuilder(MetadataLogSchema);
        foreach (var entry in metadata.MetadataLog)
        {
            Snapshot? latest = null;
            foreach (var log in metadata.SnapshotLog)
            {
                if (log.TimestampMs <= entry.TimestampMs)
                {
                    latest = metadata.SnapshotById(log.SnapshotId) ?? latest;
                }
            }

            rows.AppendRow(entry.TimestampMs, entry.MetadataFile, latest?.SnapshotId, latest?.SchemaId, latest?.SequenceNumber);
        }

        var current = metadata.CurrentSnapshot;
        rows.AppendRow(metadata.LastUpdatedMs, metadata.MetadataFileLocation ?? table.MetadataPath, current?.SnapshotId, metadata.CurrentSchemaId, current?.SequenceNumber);
        return rows.Build(MetadataTableType.MetadataLogEntries);
    }

    private static string? ManifestsText(Snapshot s) => s.Manifests is { Count: > 0 } m ? string.Join(",", m) : null;

    private static Dictionary<string, string> SummaryMap(IReadOnlyDictionary<string, string> summary)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in summary)
        {
            result[k] = v;
        }

        return result;
    }
}
