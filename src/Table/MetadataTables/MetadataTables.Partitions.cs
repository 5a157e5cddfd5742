using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using ArrowStructType = Lakehouse.Arrow.Types.StructType;
using IcebergPrimitiveType = Lakehouse.Table.Types.PrimitiveType;
using IcebergSchema = Lakehouse.Table.Types.Schema;
using Schema = Lakehouse.Arrow.Schema;

namespace Lakehouse.Table.MetadataTables;

public static partial class MetadataTables
{
    /// <summary>The top-level primitive columns of the schema: the fields of the partitions table's data struct.</summary>
    private static List<NestedField> DataColumns(IcebergSchema schema)
    {
        var result = new List<NestedField>();
        foreach (var f in schema.Fields)
        {
            if (f.Type is IcebergPrimitiveType p && p.IsReadable)
            {
                result.Add(f);
            }
        }

        return result;
    }

    private static Schema PartitionsSchema(PartitionUnion partition, IcebergSchema schema)
    {
        var fields = new List<Field>();
        if (partition.IsPartitioned)
        {
            fields.Add(Optional("partition", partition.ArrowType));
        }

        fields.Add(Required("record_count", ArrowType.Int64));
        fields.Add(Required("file_count", ArrowType.Int64));
        fields.Add(Required("total_size", ArrowType.Int64));
        var columns = DataColumns(schema);
        if (columns.Count > 0)
        {
            var data = new Field[columns.Count];
            for (var i = 0; i < data.Length; i++)
            {
                var type = ArrowSchemaConverter.ToArrowType(columns[i].Type, columns[i].Name);
                data[i] = Optional(columns[i].Name, new ArrowStructType(
                [
                    Optional("min", type),
                    Optional("max", type),
                    Optional("null_count", ArrowType.Int64),
                    Optional("nan_count", ArrowType.Int64),
                ]));
            }

            fields.Add(Optional("data", new ArrowStructType(data)));
        }

        return new Schema(fields);
    }

    /// <summary>
    /// One row per partition (union tuple) of the live data files: record_count, file_count, total_size, and per top-level
    /// primitive column the min/max over the files' bounds (null when a file with values has no bound), and the null/NaN
    /// counts summed (null when a file lacks the count).
    /// </summary>
    private static MetadataTableData ReadPartitions(IcebergTable table, Snapshot? snapshot)
    {
        var metadata = table.Metadata;
        var partition = new PartitionUnion(metadata);
        var columns = DataColumns(metadata.CurrentSchema);
        var rows = new MetadataBatchBuilder(PartitionsSchema(partition, metadata.CurrentSchema));
        var groups = new Dictionary<string, PartitionStats>(StringComparer.Ordinal);
        var order = new List<PartitionStats>();
        if (snapshot is not null)
        {
            foreach (var manifest in table.ReadManifestList(snapshot))
            {
                if (manifest.Content != ManifestContent.Data)
                {
                    continue;
                }

                foreach (var entry in table.ReadManifest(manifest))
                {
                    var file = entry.DataFile;
                    if (!entry.IsLive || file.Content != FileContent.Data)
                    {
                        continue;
                    }

                    var values = partition.Values(file.SpecId, file.Partition);
                    var key = PartitionUnion.Key(values);
                    if (!groups.TryGetValue(key, out var stats))
                    {
                        groups[key] = stats = new PartitionStats(values, columns.Count);
                        order.Add(stats);
                    }

                    stats.Add(file, columns);
                }
            }
        }

        foreach (var stats in order)
        {
            var row = new List<object?>();
            if (partition.IsPartitioned)
            {
                row.Add(stats.Values);
            }

            row.Add(stats.RecordCount);
            row.Add(stats.FileCount);
            row.Add(stats.TotalSize);
            if (columns.Count > 0)
            {
                var data = new object?[columns.Count];
                for (var c = 0; c < data.Length; c++)
                {
                    data[c] = stats.Column(c);
                }

                row.Add(data);
            }

            rows.AppendRow([.. row]);
        }

        return rows.Build(MetadataTableType.Partitions);
    }

    /// <summary>The running totals of one partition of the partitions table.</summary>
    private sealed class PartitionStats
    {
        private readonly object?[] _min;
        private readonly object?[] _max;
        private readonly bool[] _boundsUnknown;
        private readonly long?[] _nullCount;
        private readonly long?[] _nanCount;

        public PartitionStats(object?[] values, int columns)
        {
            Values = values;
            _min = new object?[columns];
            _max = new object?[columns];
            _boundsUnknown = new bool[columns];
            _nullCount = new long?[columns];
            _nanCount = new long?[columns];
            Array.Fill(_nullCount, 0);
            Array.Fill(_nanCount, 0);
        }

        public object?[] Values { get; }

        public long RecordCount { get; private set; }

        public long FileCount { get; private set; }

        public long TotalSize { get; private set; }

        public void Add(DataFile file, List<NestedField> columns)
        {
            RecordCount += file.RecordCount;
            FileCount++;
            TotalSize += file.FileSizeInBytes;
            for (var c = 0; c < columns.Count; c++)
            {
                var id = columns[c].Id;
                var type = (IcebergPrimitiveType)columns[c].Type;
                long? nulls = file.NullValueCounts is { } nc && nc.TryGetValue(id, out var n) ? n : null;
                _nullCount[c] = nulls is { } add && _nullCount[c] is { } sum ? sum + add : null;
                _nanCount[c] = type.TypeId is not (TypeId.Float or TypeId.Double) ? null
                    : file.NanValueCounts is { } nan && nan.TryGetValue(id, out var nn) && _nanCount[c] is { } nanSum ? nanSum + nn : null;
                var allNull = nulls is { } k && k == file.RecordCount;
                var lower = file.LowerBounds is { } lb && lb.TryGetValue(id, out var lbytes) ? TryDecode(lbytes, type) : null;
                var upper = file.UpperBounds is { } ub && ub.TryGetValue(id, out var ubytes) ? TryDecode(ubytes, type) : null;
                if (lower is null || upper is null)
                {
                    _boundsUnknown[c] |= !allNull;
                    continue;
                }

                if (_min[c] is null || Literals.Compare(lower, _min[c]!) < 0)
                {
                    _min[c] = lower;
                }

                if (_max[c] is null || Literals.Compare(upper, _max[c]!) > 0)
                {
                    _max[c] = upper;
                }
            }
        }

        public object?[] Column(int c) =>
            [_boundsUnknown[c] ? null : _min[c], _boundsUnknown[c] ? null : _max[c], _nullCount[c], _nanCount[c]];
    }
}
