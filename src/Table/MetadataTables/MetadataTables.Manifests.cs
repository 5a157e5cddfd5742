using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Values;
using IcebergPrimitiveType = Lakehouse.Table.Types.PrimitiveType;

namespace Lakehouse.Table.MetadataTables;

public static partial class MetadataTables
{
    private static StructType PartitionSummaryType => new(
    [
        Required("contains_null", ArrowType.Boolean),
        Optional("contains_nan", ArrowType.Boolean),
        Optional("lower_bound", ArrowType.Utf8),
        Optional("upper_bound", ArrowType.Utf8),
    ]);

    private static Schema ManifestsSchema(bool allManifests)
    {
        var fields = new List<Field>
        {
            Required("path", ArrowType.Utf8),
            Required("length", ArrowType.Int64),
            Required("partition_spec_id", ArrowType.Int32),
            Optional("added_snapshot_id", ArrowType.Int64),
            Optional("added_data_files_count", ArrowType.Int32),
            Optional("added_rows_count", ArrowType.Int64),
            Optional("existing_data_files_count", ArrowType.Int32),
            Optional("existing_rows_count", ArrowType.Int64),
            Optional("deleted_data_files_count", ArrowType.Int32),
            Optional("deleted_rows_count", ArrowType.Int64),
            Optional("partition_summaries", new ListType(new Field("element", PartitionSummaryType, false))),
            Required("content", ArrowType.Int32),
            Optional("added_delete_files_count", ArrowType.Int32),
            Optional("existing_delete_files_count", ArrowType.Int32),
            Optional("deleted_delete_files_count", ArrowType.Int32),
        };
        if (allManifests)
        {
            fields.Add(Required("reference_snapshot_id", ArrowType.Int64));
        }

        return new Schema(fields);
    }

    private static MetadataTableData ReadManifests(IcebergTable table, Snapshot? snapshot)
    {
        var rows = new MetadataBatchBuilder(ManifestsSchema(allManifests: false));
        if (snapshot is not null)
        {
            foreach (var manifest in table.ReadManifestList(snapshot))
            {
                rows.AppendRow(ManifestRow(table.Metadata, manifest, null));
            }
        }

        return rows.Build(MetadataTableType.Manifests);
    }

    /// <summary>The manifests of every snapshot: one row per (snapshot, manifest) pair, as Iceberg's all_manifests; snapshots whose manifest list is missing are skipped.</summary>
    private static MetadataTableData ReadAllManifests(IcebergTable table)
    {
        var rows = new MetadataBatchBuilder(ManifestsSchema(allManifests: true));
        foreach (var snapshot in table.Metadata.Snapshots)
        {
            List<ManifestFile> manifests;
            try
            {
                manifests = table.ReadManifestList(snapshot);
            }
            catch (IcebergException e) when (e.Kind == IcebergErrorKind.NotFound)
            {
                // An old snapshot whose manifest list was removed (e.g. by a partial expiry) has no rows here.
                continue;
            }

            foreach (var manifest in manifests)
            {
                rows.AppendRow(ManifestRow(table.Metadata, manifest, snapshot.SnapshotId));
            }
        }

        return rows.Build(MetadataTableType.AllManifests);
    }

    private static object?[] ManifestRow(TableMetadata metadata, ManifestFile m, long? referenceSnapshotId)
    {
        var data = m.Content == ManifestContent.Data;
        var row = new List<object?>
        {
            m.ManifestPath,
            m.ManifestLength,
            m.PartitionSpecId,
            m.AddedSnapshotId,
            data ? m.AddedFilesCount : 0,
            m.AddedRowsCount,
            data ? m.ExistingFilesCount : 0,
            m.ExistingRowsCount,
            data ? m.DeletedFilesCount : 0,
            m.DeletedRowsCount,
            PartitionSummaries(metadata, m),
            (int)m.Content,
            data ? 0 : m.AddedFilesCount,
            data ? 0 : m.ExistingFilesCount,
            data ? 0 : m.DeletedFilesCount,
        };
        if (referenceSnapshotId is { } id)
        {
            row.Add(id);
        }

        return [.. row];
    }

    /// <summary>The manifest's partition field summaries with bounds as readable strings (null when the manifest has none).</summary>
    private static List<object?[]>? PartitionSummaries(TableMetadata metadata, ManifestFile m)
    {
        if (m.Partitions is not { } summaries)
        {
            return null;
        }

        var spec = metadata.SpecById(m.PartitionSpecId);
        var result = new List<object?[]>(summaries.Count);
        for (var i = 0; i < summaries.Count; i++)
        {
            var s = summaries[i];
            var type = spec is not null && i < spec.Fields.Count ? PartitionSpec.ResultType(spec.Fields[i], metadata.CurrentSchema) : null;
            result.Add([s.ContainsNull, s.ContainsNaN, BoundText(s.LowerBound, type), BoundText(s.UpperBound, type)]);
        }

        return result;
    }

    /// <summary>A single-value serialized bound as readable text (ISO dates, decimal text, ...); hex when the type is unknown or the bytes do not decode.</summary>
    private static string? BoundText(byte[]? bytes, IcebergPrimitiveType? type)
    {
        if (bytes is null)
        {
            return null;
        }

        if (type is not null)
        {
            try
            {
                return Literals.ToHumanString(SingleValueBinary.FromBytes(bytes, type), type);
            }
            catch (Exception e) when (e is IcebergException or ArgumentException or InvalidCastException or FormatException or OverflowException)
            {
                // Fall through to hex: a bound that does not decode as its column type is still shown.
            }
        }

        return Literals.ToHex(bytes);
    }
}
