using System.Globalization;
using System.Runtime.CompilerServices;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Compute;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Reading;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using ArrowSchema = Lakehouse.Arrow.Schema;
using IcebergSchema = Lakehouse.Table.Types.Schema;

namespace Lakehouse.Table.Scanning;

public sealed partial class TableScan
{
    private const int PositionDeleteFilePathId = 2147483546;
    private const int PositionDeletePosId = 2147483545;
    private readonly Dictionary<string, Dictionary<string, List<long>>> _positionDeleteCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EqualityDeleteSet> _equalityDeleteCache = new(StringComparer.Ordinal);

    /// <summary>Whether <see cref="ToBatchesAsync"/> filters rows by the residuals (default true).</summary>
    public bool ApplyResiduals { get; set; } = true;

    /// <summary>
    /// Reads the live rows: every planned file projected by field id onto <see cref="ProjectedSchema"/> (missing columns as
    /// identity-partition constants, initial-default or null; int->long, float->double and decimal widening applied),
    /// with position deletes, deletion vectors and equality deletes applied, and (when <see cref="ApplyResiduals"/>) each
    /// file's residual filter applied to its rows where the residual references only top-level primitive columns read with
    /// their exact table types; other residuals keep their rows (the caller applies <see cref="FileScanTask.Residual"/>).
    /// </summary>
    public async IAsyncEnumerable<RecordBatch> ToBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await _table.PrefetchManifestsAsync(Snapshot, cancellationToken).ConfigureAwait(false);
        foreach (var task in PlanFiles())
        {
            await foreach (var batch in ReadTaskAsync(task, cancellationToken).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
    }

    /// <summary>Reads one planned file (see <see cref="ToBatchesAsync"/>).</summary>
    public async IAsyncEnumerable<RecordBatch> ReadTaskAsync(FileScanTask task, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var file = task.File;
        if (!string.Equals(file.FileFormat, "PARQUET", StringComparison.OrdinalIgnoreCase))
        {
            throw new IcebergException(IcebergErrorKind.NotSupported, $"not supported: {file.FileFormat} data files ({file.FilePath})");
        }

        var projected = ProjectedSchema;
        foreach (var field in projected.Fields)
        {
            CheckReadable(field.Type, field.Name);
        }

        var positions = await LoadPositionDeletesAsync(task, cancellationToken).ConfigureAwait(false);
        var equalityDeletes = new List<(IReadOnlyList<int> Ids, EqualityDeleteSet Keys)>();
        foreach (var d in task.Deletes)
        {
            if (d.DataFile.Content == FileContent.EqualityDeletes)
            {
                var ids = d.DataFile.EqualityIds ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"equality delete file {d.DataFile.FilePath} has no equality_ids");
                equalityDeletes.Add((ids, await LoadEqualityDeletesAsync(d.DataFile, cancellationToken).ConfigureAwait(false)));
            }
        }

        await using var reader = await _table.OpenParquetAsync(file.FilePath, cancellationToken).ConfigureAwait(false);
        var fileIndexById = FileColumnsById(reader.Schema, _table.Metadata.NameMapping);
        var needed = new List<int>();
        var batchColumnById = new Dictionary<int, int>();
        void Need(int id)
        {
            if (!batchColumnById.ContainsKey(id) && fileIndexById.TryGetValue(id, out var index))
            {
                batchColumnById[id] = needed.Count;
                needed.Add(index);
            }
        }

        foreach (var field in projected.Fields)
        {
            Need(field.Id);
        }

        foreach (var (ids, _) in equalityDeletes)
        {
            foreach (var id in ids)
            {
                Need(id);
            }
        }

        var residual = ApplyResiduals ? ResidualFilter.TryCreate(task.Residual, TableSchema, _caseSensitive) : null;
        if (residual is not null)
        {
            foreach (var f in residual.Fields)
            {
                Need(f.Id);
            }
        }

        var constants = PartitionConstants(task);
        long rowStart = 0;
        var positionCursor = 0;
        await foreach (var batch in reader.ReadBatchesAsync(needed, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var n = batch.Length;
            bool[]? deleted = null;
            if (positions.Length > 0)
            {
                while (positionCursor < positions.Length && positions[positionCursor] < rowStart)
                {
                    positionCursor++;
                }

                while (positionCursor < positions.Length && positions[positionCursor] < rowStart + n)
                {
                    deleted ??= new bool[n];
                    deleted[positions[positionCursor] - rowStart] = true;
                    positionCursor++;
                }
            }

            foreach (var (ids, keys) in equalityDeletes)
            {
                var columns = new ArrowArray?[ids.Count];
                for (var c = 0; c < ids.Count; c++)
                {
                    columns[c] = batchColumnById.TryGetValue(ids[c], out var bc) ? batch.Column(bc)
                        : ConstantColumn(_table.Metadata.CurrentSchema.FindField(ids[c]), constants, n);
                }

                keys.MarkDeleted(columns, n, ref deleted);
            }

            if (residual is not null)
            {
                var columns = new ArrowArray?[residual.Fields.Count];
                var readable = true;
                for (var c = 0; c < columns.Length; c++)
                {
                    var f = residual.Fields[c];
                    columns[c] = batchColumnById.TryGetValue(f.Id, out var bc)
                        ? Promote(batch.Column(bc), ArrowSchemaConverter.ToArrowType(f.Type, f.Name))
                        : ConstantColumn(f, constants, n);
                    readable &= ResidualFilter.CanRead(columns[c], (Types.PrimitiveType)f.Type);
                }

                if (readable)
                {
                    residual.Apply(columns, n, ref deleted);
                }
            }

            rowStart += n;
            var output = Project(batch, projected, batchColumnById, constants);
            if (deleted is null)
            {
                yield return output;
                continue;
            }

            var kept = ArrowFilter.RemoveRows(output, deleted);
            if (kept.Length > 0)
            {
                yield return kept;
            }
        }
    }

    private static void CheckReadable(IcebergType type, string name)
    {
        switch (type)
        {
            case Types.PrimitiveType p when !p.IsReadable:
                throw new IcebergException(IcebergErrorKind.NotSupported, $"not supported: reading {p} column '{name}'");
            case Types.StructType s:
                foreach (var f in s.Fields)
                {
                    CheckReadable(f.Type, name + "." + f.Name);
                }

                break;
            case Types.ListType l:
                CheckReadable(l.ElementField.Type, name + ".element");
                break;
            case Types.MapType m:
                CheckReadable(m.KeyField.Type, name + ".key");
                CheckReadable(m.ValueField.Type, name + ".value");
                break;
        }
    }

    /// <summary>Identity-partitioned source columns: field id -> the file's partition value.</summary>
    private static Dictionary<int, object?> PartitionConstants(FileScanTask task)
    {
        var result = new Dictionary<int, object?>();
        var fields = task.Spec.Fields;
        for (var i = 0; i < fields.Count && i < task.File.Partition.Count; i++)
        {
            if (fields[i].Transform is IdentityTransform)
            {
                result[fields[i].SourceId] = task.File.Partition[i];
            }
        }

        return result;
    }

    /// <summary>File top-level column index by Iceberg field id: Parquet field ids, else the table's name mapping, else names.</summary>
    private Dictionary<int, int> FileColumnsById(ArrowSchema fileSchema, NameMapping? mapping)
    {
        var result = new Dictionary<int, int>();
        var anyIds = false;
        for (var i = 0; i < fileSchema.Count; i++)
        {
            if (fileSchema[i].GetMetadata(ArrowSchemaConverter.FieldIdKey) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                result.TryAdd(id, i);
                anyIds = true;
            }
        }

        if (anyIds)
        {
            return result;
        }

        var schema = TableSchema;
        for (var i = 0; i < fileSchema.Count; i++)
        {
            var name = fileSchema[i].Name;
            int? id = mapping is not null ? mapping.Find(name)?.FieldId : schema.Struct.Field(name, _caseSensitive)?.Id;
            if (id is { } found)
            {
                result.TryAdd(found, i);
            }
        }

        return result;
    }

    private RecordBatch Project(RecordBatch batch, IcebergSchema projected, Dictionary<int, int> batchColumnById, Dictionary<int, object?> constants)
    {
        var n = batch.Length;
        var columns = new ArrowArray[projected.Fields.Count];
        var fields = new Field[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            var field = projected.Fields[i];
            var expected = ArrowSchemaConverter.ToArrow(field);
            ArrowArray column;
            if (batchColumnById.TryGetValue(field.Id, out var bc))
            {
                column = Promote(batch.Column(bc), expected.Type);
            }
            else
            {
                column = ConstantColumn(field, constants, n) ?? NullColumn(expected.Type, n);
            }

            columns[i] = column;
            fields[i] = new Field(field.Name, column.Type, expected.IsNullable || column.NullCount > 0, expected.Metadata);
        }

        return new RecordBatch(new ArrowSchema(fields), columns, n);
    }

    /// <summary>A column absent from the data file: its identity-partition value, else its initial default; null when neither.</summary>
    private static ArrowArray? ConstantColumn(NestedField? field, Dictionary<int, object?> constants, int length)
    {
        if (field is null)
        {
            return null;
        }

        object? value;
        if (constants.TryGetValue(field.Id, out var partitionValue))
        {
            value = partitionValue;
        }
        else if (field.InitialDefault is not null)
        {
            value = field.InitialDefault;
        }
        else
        {
            return null;
        }

        var type = ArrowSchemaConverter.ToArrowType(field.Type, field.Name);
        var builder = ArrayBuilder.Create(type);
        if (value is null)
        {
            builder.AppendNulls(length);
            return builder.Build();
        }

        builder.Reserve(length);
        for (var r = 0; r < length; r++)
        {
            builder.AppendObject(value);
        }

        return builder.Build();
    }

    private static ArrowArray NullColumn(ArrowType type, int length)
    {
        var builder = ArrayBuilder.Create(type);
        builder.AppendNulls(length);
        return builder.Build();
    }

    /// <summary>Type promotion of a file column to the table type: int->long, float->double, decimal precision widening.</summary>
    private static ArrowArray Promote(ArrowArray column, ArrowType expected)
    {
        if (column.Type.Equals(expected))
        {
            return column;
        }

        switch (column, expected.Id)
        {
            case (PrimitiveArray<int> ints, ArrowTypeId.Int64):
            {
                var b = (PrimitiveBuilder<long>)ArrayBuilder.Create(expected);
                b.Reserve(ints.Length);
                for (var i = 0; i < ints.Length; i++)
                {
                    if (ints.IsNull(i))
                    {
                        b.AppendNull();
                    }
                    else
                    {
                        b.Append(ints.Value(i));
                    }
                }

                return b.Build();
            }

            case (PrimitiveArray<float> floats, ArrowTypeId.Float64):
            {
                var b = (PrimitiveBuilder<double>)ArrayBuilder.Create(expected);
                b.Reserve(floats.Length);
                for (var i = 0; i < floats.Length; i++)
                {
                    if (floats.IsNull(i))
                    {
                        b.AppendNull();
                    }
                    else
                    {
                        b.Append(floats.Value(i));
                    }
                }

                return b.Build();
            }

            case (DecimalArray decimals, ArrowTypeId.Decimal128) when expected is DecimalType dt && dt.Scale == decimals.DecimalType.Scale:
            {
                var b = (DecimalBuilder)ArrayBuilder.Create(expected);
                b.Reserve(decimals.Length);
                for (var i = 0; i < decimals.Length; i++)
                {
                    if (decimals.IsNull(i))
                    {
                        b.AppendNull();
                    }
                    else
                    {
                        b.AppendUnscaled(decimals.UnscaledBigInteger(i));
                    }
                }

                return b.Build();
            }

            default:
                // Other differences (e.g. INT96 timestamps, nested field names) keep the file's Arrow type.
                return column;
        }
    }

    private async Task<long[]> LoadPositionDeletesAsync(FileScanTask task, CancellationToken cancellationToken)
    {
        List<long>? all = null;
        foreach (var d in task.Deletes)
        {
            var deleteFile = d.DataFile;
            if (deleteFile.Content != FileContent.PositionDeletes)
            {
                continue;
            }

            all ??= [];
            if (deleteFile.IsDeletionVector)
            {
                all.AddRange(await ReadDeletionVectorAsync(deleteFile, cancellationToken).ConfigureAwait(false));
                continue;
            }

            if (!_positionDeleteCache.TryGetValue(deleteFile.FilePath, out var byPath))
            {
                byPath = await ReadPositionDeleteFileAsync(deleteFile, cancellationToken).ConfigureAwait(false);
                _positionDeleteCache[deleteFile.FilePath] = byPath;
            }

            if (byPath.TryGetValue(task.File.FilePath, out var list))
            {
                all.AddRange(list);
            }
        }

        if (all is null)
        {
            return [];
        }

        var result = all.ToArray();
        Array.Sort(result);
        return result;
    }

    private async Task<long[]> ReadDeletionVectorAsync(DataFile dv, CancellationToken cancellationToken)
    {
        if (dv.ContentOffset is not { } offset || dv.ContentSizeInBytes is not { } size || size < 0 || size > int.MaxValue)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"deletion vector {dv.FilePath} has no valid content_offset/content_size_in_bytes");
        }

        var source = await _table.NewInputFile(dv.FilePath).OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            if (offset < 0 || offset + size > source.Length)
            {
                throw new CorruptFileException(dv.FilePath, offset, $"deletion vector blob ({size} bytes at {offset}) is outside the file ({source.Length} bytes)");
            }

            var buffer = await source.ReadAsync(offset, (int)size, cancellationToken).ConfigureAwait(false);
            return DeletionVector.Read(buffer.ToArray(), dv.FilePath);
        }
    }

    private async Task<Dictionary<string, List<long>>> ReadPositionDeleteFileAsync(DataFile deleteFile, CancellationToken cancellationToken)
    {
        if (!string.Equals(deleteFile.FileFormat, "PARQUET", StringComparison.OrdinalIgnoreCase))
        {
            throw new IcebergException(IcebergErrorKind.NotSupported, $"not supported: {deleteFile.FileFormat} position delete files ({deleteFile.FilePath})");
        }

        var result = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        await using var reader = await _table.OpenParquetAsync(deleteFile.FilePath, cancellationToken).ConfigureAwait(false);
        var columns = reader.ResolveFieldIds([PositionDeletePosId, PositionDeleteFilePathId]);
        if (columns.Length != 2)
        {
            columns = reader.ResolveColumns(["pos", "file_path"]);
        }

        await foreach (var batch in reader.ReadBatchesAsync(columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var pos = batch.Column(0);
            var path = batch.Column(1);
            for (var r = 0; r < batch.Length; r++)
            {
                if (path.IsNull(r) || pos.IsNull(r))
                {
                    // file_path and pos are required; rows that lack them (seen in Impala test data) delete nothing.
                    continue;
                }

                var name = path switch
                {
                    BinaryArray b => b.GetString(r),
                    LargeBinaryArray lb => System.Text.Encoding.UTF8.GetString(lb.GetBytes(r)),
                    _ => null,
                } ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"position delete file {deleteFile.FilePath}: file_path is {path.Type}");
                var p = pos switch
                {
                    PrimitiveArray<long> l => l.Value(r),
                    PrimitiveArray<int> i => i.Value(r),
                    _ => throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"position delete file {deleteFile.FilePath}: pos column is {pos.Type}"),
                };
                if (!result.TryGetValue(name, out var list))
                {
                    result[name] = list = [];
                }

                list.Add(p);
            }
        }

        return result;
    }

    private async Task<EqualityDeleteSet> LoadEqualityDeletesAsync(DataFile deleteFile, CancellationToken cancellationToken)
    {
        var ids = deleteFile.EqualityIds!;
        var cacheKey = deleteFile.FilePath + "|" + string.Join(',', ids);
        if (_equalityDeleteCache.TryGetValue(cacheKey, out var cached))
        {
            return cached;
        }

        if (!string.Equals(deleteFile.FileFormat, "PARQUET", StringComparison.OrdinalIgnoreCase))
        {
            throw new IcebergException(IcebergErrorKind.NotSupported, $"not supported: {deleteFile.FileFormat} equality delete files ({deleteFile.FilePath})");
        }

        var keys = new EqualityDeleteSet();
        await using var reader = await _table.OpenParquetAsync(deleteFile.FilePath, cancellationToken).ConfigureAwait(false);
        var byId = FileColumnsById(reader.Schema, _table.Metadata.NameMapping);
        var columns = new List<int>(ids.Count);
        foreach (var id in ids)
        {
            columns.Add(byId.TryGetValue(id, out var c) ? c
                : throw new IcebergException(IcebergErrorKind.InvalidMetadata, $"equality delete file {deleteFile.FilePath} has no column for field id {id}"));
        }

        await foreach (var batch in reader.ReadBatchesAsync(columns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var arrays = new ArrowArray?[ids.Count];
            for (var c = 0; c < arrays.Length; c++)
            {
                arrays[c] = batch.Column(c);
            }

            keys.AddRows(arrays, batch.Length);
        }

        _equalityDeleteCache[cacheKey] = keys;
        return keys;
    }
}
