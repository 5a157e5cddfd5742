using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using IcebergSchema = Lakehouse.Table.Types.Schema;

namespace Lakehouse.Table.MetadataTables;

/// <summary>
/// Reads the metadata tables of an Iceberg table as Arrow batches, with the columns Trino's Iceberg connector gives its
/// <c>"t$snapshots"</c>, <c>"t$history"</c>, <c>"t$refs"</c>, <c>"t$manifests"</c>, <c>"t$all_manifests"</c>,
/// <c>"t$entries"</c>, <c>"t$files"</c> (and Iceberg's data_files/delete_files), <c>"t$partitions"</c>,
/// <c>"t$properties"</c> and <c>"t$metadata_log_entries"</c> (spec/iceberg.md lists every column and type).
/// Tables over files (manifests, entries, files, partitions) read the current snapshot unless a snapshot id is given.
/// </summary>
public static partial class MetadataTables
{
    // Types and schemas are built on use: static initializers across partial files have no defined order.
    private static TimestampType TimestampMs => new(TimeUnit.Millisecond, "UTC");

    private static MapType StringMap => new(ArrowType.Utf8, ArrowType.Utf8);

    private static MapType CountMap => new(ArrowType.Int32, ArrowType.Int64);

    private static MapType BoundMap => new(ArrowType.Int32, ArrowType.Utf8);

    /// <summary>Reads metadata table <paramref name="kind"/> of <paramref name="table"/> (at <paramref name="snapshotId"/> when given).</summary>
    public static MetadataTableData Read(IcebergTable table, MetadataTableType kind, long? snapshotId = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        return kind switch
        {
            MetadataTableType.Snapshots => ReadSnapshots(table.Metadata),
            MetadataTableType.History => ReadHistory(table.Metadata),
            MetadataTableType.Refs => ReadRefs(table.Metadata),
            MetadataTableType.Properties => ReadProperties(table.Metadata),
            MetadataTableType.MetadataLogEntries => ReadMetadataLog(table),
            MetadataTableType.Manifests => ReadManifests(table, SnapshotFor(table, snapshotId)),
            MetadataTableType.AllManifests => ReadAllManifests(table),
            MetadataTableType.Entries => ReadEntries(table, SnapshotFor(table, snapshotId)),
            MetadataTableType.Files => ReadFiles(table, SnapshotFor(table, snapshotId), kind, static _ => true),
            MetadataTableType.DataFiles => ReadFiles(table, SnapshotFor(table, snapshotId), kind, static c => c == FileContent.Data),
            MetadataTableType.DeleteFiles => ReadFiles(table, SnapshotFor(table, snapshotId), kind, static c => c != FileContent.Data),
            MetadataTableType.Partitions => ReadPartitions(table, SnapshotFor(table, snapshotId)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown metadata table"),
        };
    }

    /// <summary>The Arrow schema of metadata table <paramref name="kind"/> (it depends on the table's partition specs and columns).</summary>
    public static Schema SchemaOf(IcebergTable table, MetadataTableType kind)
    {
        ArgumentNullException.ThrowIfNull(table);
        var metadata = table.Metadata;
        return kind switch
        {
            MetadataTableType.Snapshots => SnapshotsSchema,
            MetadataTableType.History => HistorySchema,
            MetadataTableType.Refs => RefsSchema,
            MetadataTableType.Properties => PropertiesSchema,
            MetadataTableType.MetadataLogEntries => MetadataLogSchema,
            MetadataTableType.Manifests => ManifestsSchema(allManifests: false),
            MetadataTableType.AllManifests => ManifestsSchema(allManifests: true),
            MetadataTableType.Entries => EntriesSchema(new PartitionUnion(metadata)),
            MetadataTableType.Files or MetadataTableType.DataFiles or MetadataTableType.DeleteFiles => FilesSchema(new PartitionUnion(metadata)),
            MetadataTableType.Partitions => PartitionsSchema(new PartitionUnion(metadata), metadata.CurrentSchema),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown metadata table"),
        };
    }

    /// <summary>The Trino/Iceberg name of a metadata table (<c>snapshots</c>, <c>all_manifests</c>, <c>data_files</c>, ...).</summary>
    public static string NameOf(MetadataTableType kind) => kind switch
    {
        MetadataTableType.Snapshots => "snapshots",
        MetadataTableType.History => "history",
        MetadataTableType.Refs => "refs",
        MetadataTableType.Manifests => "manifests",
        MetadataTableType.AllManifests => "all_manifests",
        MetadataTableType.Entries => "entries",
        MetadataTableType.Files => "files",
        MetadataTableType.DataFiles => "data_files",
        MetadataTableType.DeleteFiles => "delete_files",
        MetadataTableType.Partitions => "partitions",
        MetadataTableType.Properties => "properties",
        MetadataTableType.MetadataLogEntries => "metadata_log_entries",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown metadata table"),
    };

    /// <summary>Parses a metadata table name as in <c>"t$name"</c> (case-insensitive).</summary>
    public static bool TryParse(string name, out MetadataTableType kind)
    {
        foreach (var k in Enum.GetValues<MetadataTableType>())
        {
            if (string.Equals(NameOf(k), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static Snapshot? SnapshotFor(IcebergTable table, long? snapshotId)
    {
        if (snapshotId is not { } id)
        {
            return table.Metadata.CurrentSnapshot;
        }

        return table.Metadata.SnapshotById(id)
            ?? throw new IcebergException(IcebergErrorKind.NotFound, $"snapshot {id} is not in table {table.MetadataPath}");
    }

    /// <summary>Every field of every schema by id (the current schema wins), to name and type metrics of dropped columns.</summary>
    private static Dictionary<int, Types.NestedField> FieldsById(TableMetadata metadata)
    {
        var result = new Dictionary<int, Types.NestedField>();
        foreach (var schema in metadata.Schemas)
        {
            Collect(schema);
        }

        Collect(metadata.CurrentSchema);
        return result;

        void Collect(IcebergSchema schema)
        {
            foreach (var id in schema.AllFieldIds())
            {
                result[id] = schema.FindField(id)!;
            }
        }
    }

    private static Field Required(string name, ArrowType type) => new(name, type, false);

    private static Field Optional(string name, ArrowType type) => new(name, type);
}
