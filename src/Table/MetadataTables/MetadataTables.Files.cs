using System.Text;
using System.Text.Json;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Values;
using IcebergPrimitiveType = Lakehouse.Table.Types.PrimitiveType;
using NestedField = Lakehouse.Table.Types.NestedField;

namespace Lakehouse.Table.MetadataTables;

public static partial class MetadataTables
{
    /// <summary>The data_file columns shared by the files table and the entries table's data_file struct.</summary>
    private static List<Field> DataFileFields(PartitionUnion partition)
    {
        var fields = new List<Field>
        {
            Required("content", ArrowType.Int32),
            Required("file_path", ArrowType.Utf8),
            Required("file_format", ArrowType.Utf8),
            Required("spec_id", ArrowType.Int32),
        };
        if (partition.IsPartitioned)
        {
            fields.Add(Optional("partition", partition.ArrowType));
        }

        fields.AddRange(
        [
            Required("record_count", ArrowType.Int64),
            Required("file_size_in_bytes", ArrowType.Int64),
            Optional("column_sizes", CountMap),
            Optional("value_counts", CountMap),
            Optional("null_value_counts", CountMap),
            Optional("nan_value_counts", CountMap),
            Optional("lower_bounds", BoundMap),
            Optional("upper_bounds", BoundMap),
            Optional("key_metadata", ArrowType.Binary),
            Optional("split_offsets", new ListType(new Field("element", ArrowType.Int64, false))),
            Optional("equality_ids", new ListType(new Field("element", ArrowType.Int32, false))),
            Optional("sort_order_id", ArrowType.Int32),
        ]);
        return fields;
    }

    private static Schema FilesSchema(PartitionUnion partition)
    {
        var fields = DataFileFields(partition);
        fields.Add(Optional("readable_metrics", ArrowType.Utf8));
        return new Schema(fields);
    }

    private static Schema EntriesSchema(PartitionUnion partition) => new(
    [
        Required("status", ArrowType.Int32),
        Optional("snapshot_id", ArrowType.Int64),
        Optional("sequence_number", ArrowType.Int64),
        Optional("file_sequence_number", ArrowType.Int64),
        Required("data_file", new StructType(DataFileFields(partition))),
        Optional("readable_metrics", ArrowType.Utf8),
    ]);

    private static MetadataTableData ReadFiles(IcebergTable table, Snapshot? snapshot, MetadataTableType kind, Func<FileContent, bool> include)
    {
        var partition = new PartitionUnion(table.Metadata);
        var context = new MetricsContext(table.Metadata);
        var rows = new MetadataBatchBuilder(FilesSchema(partition));
        if (snapshot is not null)
        {
            foreach (var manifest in table.ReadManifestList(snapshot))
            {
                foreach (var entry in table.ReadManifest(manifest))
                {
                    if (entry.IsLive && include(entry.DataFile.Content))
                    {
                        var row = DataFileRow(entry.DataFile, partition, context);
                        row.Add(ReadableMetrics(entry.DataFile, context));
                        rows.AppendRow([.. row]);
                    }
                }
            }
        }

        return rows.Build(kind);
    }

    private static MetadataTableData ReadEntries(IcebergTable table, Snapshot? snapshot)
    {
        var partition = new PartitionUnion(table.Metadata);
        var context = new MetricsContext(table.Metadata);
        var rows = new MetadataBatchBuilder(EntriesSchema(partition));
        if (snapshot is not null)
        {
            foreach (var manifest in table.ReadManifestList(snapshot))
            {
                foreach (var entry in table.ReadManifest(manifest))
                {
                    rows.AppendRow(
                        (int)entry.Status,
                        entry.SnapshotId,
                        entry.SequenceNumber,
                        entry.FileSequenceNumber,
                        DataFileRow(entry.DataFile, partition, context).ToArray(),
                        ReadableMetrics(entry.DataFile, context));
                }
            }
        }

        return rows.Build(MetadataTableType.Entries);
    }

    private static List<object?> DataFileRow(DataFile f, PartitionUnion partition, MetricsContext context)
    {
        var row = new List<object?> { (int)f.Content, f.FilePath, f.FileFormat, f.SpecId };
        if (partition.IsPartitioned)
        {
            row.Add(partition.Values(f.SpecId, f.Partition));
        }

        row.Add(f.RecordCount);
        row.Add(f.FileSizeInBytes);
        row.Add(CountMapOf(f.ColumnSizes));
        row.Add(CountMapOf(f.ValueCounts));
        row.Add(CountMapOf(f.NullValueCounts));
        row.Add(CountMapOf(f.NanValueCounts));
        row.Add(BoundMapOf(f.LowerBounds, context));
        row.Add(BoundMapOf(f.UpperBounds, context));
        row.Add(f.KeyMetadata);
        row.Add(f.SplitOffsets);
        row.Add(f.EqualityIds);
        row.Add(f.SortOrderId);
        return row;
    }

    private static SortedDictionary<int, long>? CountMapOf(IReadOnlyDictionary<int, long>? counts) =>
        counts is null ? null : new SortedDictionary<int, long>(counts.ToDictionary());

    private static SortedDictionary<int, string?>? BoundMapOf(IReadOnlyDictionary<int, byte[]>? bounds, MetricsContext context)
    {
        if (bounds is null)
        {
            return null;
        }

        var result = new SortedDictionary<int, string?>();
        foreach (var (id, bytes) in bounds)
        {
            result[id] = BoundText(bytes, context.PrimitiveType(id));
        }

        return result;
    }

    /// <summary>
    /// Trino's readable_metrics as JSON text: for every primitive column of the current schema (by full name), its
    /// column_size, value_count, null_value_count, nan_value_count and lower/upper bounds as JSON values.
    /// </summary>
    private static string ReadableMetrics(DataFile f, MetricsContext context)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var (name, field) in context.Columns)
            {
                var id = field.Id;
                json.WritePropertyName(name);
                json.WriteStartObject();
                WriteCount(json, "column_size", f.ColumnSizes, id);
                WriteCount(json, "value_count", f.ValueCounts, id);
                WriteCount(json, "null_value_count", f.NullValueCounts, id);
                WriteCount(json, "nan_value_count", f.NanValueCounts, id);
                WriteBound(json, "lower_bound", f.LowerBounds, field);
                WriteBound(json, "upper_bound", f.UpperBounds, field);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());

        static void WriteCount(Utf8JsonWriter json, string name, IReadOnlyDictionary<int, long>? counts, int id)
        {
            if (counts is not null && counts.TryGetValue(id, out var n))
            {
                json.WriteNumber(name, n);
            }
            else
            {
                json.WriteNull(name);
            }
        }

        static void WriteBound(Utf8JsonWriter json, string name, IReadOnlyDictionary<int, byte[]>? bounds, NestedField field)
        {
            json.WritePropertyName(name);
            object? value = null;
            if (bounds is not null && bounds.TryGetValue(field.Id, out var bytes))
            {
                value = TryDecode(bytes, (IcebergPrimitiveType)field.Type);
            }

            SingleValueJson.Write(json, value, field.Type);
        }
    }

    private static object? TryDecode(byte[] bytes, IcebergPrimitiveType type)
    {
        try
        {
            return SingleValueBinary.FromBytes(bytes, type);
        }
        catch (Exception e) when (e is IcebergException or ArgumentException or InvalidCastException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Field lookups shared by the rows of one metadata table read.</summary>
    private sealed class MetricsContext
    {
        private readonly Dictionary<int, NestedField> _fieldsById;

        public MetricsContext(TableMetadata metadata)
        {
            _fieldsById = FieldsById(metadata);
            var schema = metadata.CurrentSchema;
            var columns = new List<(string, NestedField)>();
            foreach (var id in schema.AllFieldIds())
            {
                if (schema.FindField(id) is { Type: IcebergPrimitiveType } f && schema.FindColumnName(id) is { } name)
                {
                    columns.Add((name, f));
                }
            }

            columns.Sort(static (a, b) => a.Item2.Id.CompareTo(b.Item2.Id));
            Columns = columns;
        }

        public IReadOnlyList<(string Name, NestedField Field)> Columns { get; }

        public IcebergPrimitiveType? PrimitiveType(int id) => _fieldsById.TryGetValue(id, out var f) ? f.Type as IcebergPrimitiveType : null;
    }
}
