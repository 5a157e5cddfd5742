namespace Lakehouse.Table.MetadataTables;

/// <summary>
/// The metadata tables of an Iceberg table, as Trino exposes them (<c>"t$snapshots"</c>, <c>"t$files"</c>, ...); the
/// columns of each are listed in spec/iceberg.md.
/// </summary>
public enum MetadataTableType
{
    /// <summary>Every snapshot in the metadata: committed_at, snapshot_id, parent_id, operation, manifest_list, summary.</summary>
    Snapshots,

    /// <summary>The snapshot log: made_current_at, snapshot_id, parent_id, is_current_ancestor.</summary>
    History,

    /// <summary>Branches and tags: name, type, snapshot_id and their retention settings.</summary>
    Refs,

    /// <summary>The manifests of the snapshot read, with file/row counts and partition summaries.</summary>
    Manifests,

    /// <summary>The manifests of every snapshot, with the snapshot that references them.</summary>
    AllManifests,

    /// <summary>Every manifest entry (added, existing and deleted) of the snapshot read.</summary>
    Entries,

    /// <summary>The live data and delete files of the snapshot read.</summary>
    Files,

    /// <summary>The live data files of the snapshot read.</summary>
    DataFiles,

    /// <summary>The live position and equality delete files (and deletion vectors) of the snapshot read.</summary>
    DeleteFiles,

    /// <summary>Per partition of the snapshot read: record, file and size totals and per-column bounds.</summary>
    Partitions,

    /// <summary>The table properties: key, value.</summary>
    Properties,

    /// <summary>The metadata log: timestamp, file, latest_snapshot_id, latest_schema_id, latest_sequence_number.</summary>
    MetadataLogEntries,
}
