using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Parquet.Writing;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using ArrowSchema = Lakehouse.Arrow.Schema;
using Schema = Lakehouse.Table.Types.Schema;

namespace Lakehouse.Table.Writing;

/// <summary>
/// Writes record batches as the table's Parquet data files: rows fan out by partition tuple (the spec's transforms
/// over the batch, computed vectorized), each partition has one open file that rolls at the target file size,
/// files go to <c>{data}/{partition path}/{task:00000}-{n}-{writer uuid}-{file:00000}.parquet</c> with the
/// schema's field ids, and <see cref="CompleteAsync"/> returns a <see cref="DataFile"/> per file with full
/// metrics. The files are not part of the table until committed (e.g. <c>NewFastAppend().AppendAll(files)</c>).
/// </summary>
public sealed class TableWriter : IAsyncDisposable
{
    private readonly TableOperations _operations;
    private readonly TableWriterOptions _options;
    private readonly string _writerId = Guid.NewGuid().ToString();
    private readonly Dictionary<string, PartitionFileWriter> _open = new(StringComparer.Ordinal);
    private readonly List<DataFile> _completed = [];
    private TableMetadata? _metadata;
    private Schema? _schema;
    private PartitionSpec? _spec;
    private ArrowSchema? _arrowSchema;
    private int _fileCount;

    internal TableWriter(TableOperations operations, TableWriterOptions? options)
    {
        _operations = operations;
        _options = options ?? new TableWriterOptions();
    }

    /// <summary>Rows written so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Writes a batch whose columns are the table schema's top-level fields (matched by field id, else by name).</summary>
    public async Task WriteAsync(RecordBatch batch, CancellationToken cancellationToken = default)
    {
        if (_metadata is null)
        {
            _metadata = await _operations.CurrentAsync(cancellationToken).ConfigureAwait(false);
            _schema = _metadata.CurrentSchema;
            _spec = _metadata.DefaultSpec;
            _arrowSchema = ArrowSchemaConverter.ToArrow(_schema);
        }

        if (batch.Length == 0)
        {
            return;
        }

        var aligned = Align(batch);
        RowCount += aligned.Length;
        if (_spec!.IsUnpartitioned)
        {
            await WriteToAsync(string.Empty, [], aligned, cancellationToken).ConfigureAwait(false);
            return;
        }

        var partitions = PartitionValues.Compute(_spec, _schema!, aligned);
        var types = new PrimitiveType[_spec.Fields.Count];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = PartitionSpec.ResultType(_spec.Fields[i], _schema!);
        }

        // Runs of rows with the same partition tuple go to that partition's file as zero-copy slices.
        var start = 0;
        var current = PartitionTuple.Read(partitions, 0, types);
        var currentKey = PartitionTuple.Key(current);
        for (var row = 1; row <= aligned.Length; row++)
        {
            object?[]? next = null;
            string? nextKey = null;
            if (row < aligned.Length)
            {
                if (PartitionTuple.SameAsPrevious(partitions, row))
                {
                    continue;
                }

                next = PartitionTuple.Read(partitions, row, types);
                nextKey = PartitionTuple.Key(next);
                if (nextKey == currentKey)
                {
                    continue;
                }
            }

            await WriteToAsync(currentKey, current, start == 0 && row == aligned.Length ? aligned : aligned.Slice(start, row - start), cancellationToken).ConfigureAwait(false);
            start = row;
            current = next!;
            currentKey = nextKey!;
        }
    }

    /// <summary>Closes every open file and returns all files written.</summary>
    public async Task<IReadOnlyList<DataFile>> CompleteAsync(CancellationToken cancellationToken = default)
    {
        foreach (var w in _open.Values)
        {
            _completed.Add(await w.CloseAsync(cancellationToken).ConfigureAwait(false));
        }

        _open.Clear();
        return _completed;
    }

    /// <summary>Abandons open files (deleting them); files already returned are the caller's.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var w in _open.Values)
        {
            await w.AbortAsync().ConfigureAwait(false);
        }

        _open.Clear();
    }

    private async Task WriteToAsync(string key, object?[] partition, RecordBatch rows, CancellationToken cancellationToken)
    {
        if (!_open.TryGetValue(key, out var writer))
        {
            writer = await OpenAsync(partition, cancellationToken).ConfigureAwait(false);
            _open[key] = writer;
        }

        await writer.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
        var target = _options.TargetFileSizeBytes ?? WriteProperties.TargetFileSize(_metadata!);
        if (writer.Length >= target)
        {
            _completed.Add(await writer.CloseAsync(cancellationToken).ConfigureAwait(false));
            _open.Remove(key);
        }
    }

    private async Task<PartitionFileWriter> OpenAsync(object?[] partition, CancellationToken cancellationToken)
    {
        var folder = WriteProperties.DataFolder(_metadata!);
        if (!_spec!.IsUnpartitioned)
        {
            folder += "/" + _spec.PartitionPath(partition, _schema!);
        }

        _fileCount++;
        var name = string.Create(CultureInfo.InvariantCulture, $"{_options.TaskId:00000}-{_fileCount}-{_writerId}-{_fileCount:00000}.parquet");
        var file = _operations.FileIO.NewOutputFile(folder + "/" + name);
        var stream = await file.CreateAsync(overwrite: false, cancellationToken).ConfigureAwait(false);
        var parquet = new ParquetWriter(stream, _arrowSchema!, _options.Parquet, leaveOpen: false);
        return new PartitionFileWriter(file.Location, parquet, _spec, partition, _schema!, _metadata!, _operations.FileIO);
    }

    /// <summary>The batch with the table's Arrow schema (field ids) and its columns in table order.</summary>
    private RecordBatch Align(RecordBatch batch)
    {
        var fields = _arrowSchema!.Fields;
        var columns = new ArrowArray[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            var id = fields[i].GetMetadata(ArrowSchemaConverter.FieldIdKey);
            var index = -1;
            for (var j = 0; j < batch.ColumnCount; j++)
            {
                var f = batch.Schema.Fields[j];
                if (id is not null && string.Equals(f.GetMetadata(ArrowSchemaConverter.FieldIdKey), id, StringComparison.Ordinal))
                {
                    index = j;
                    break;
                }
            }

            if (index < 0)
            {
                for (var j = 0; j < batch.ColumnCount; j++)
                {
                    if (string.Equals(batch.Schema.Fields[j].Name, fields[i].Name, StringComparison.Ordinal))
                    {
                        index = j;
                        break;
                    }
                }
            }

            if (index < 0)
            {
                throw IcebergException.Invalid($"the batch has no column for table field '{fields[i].Name}' (id {id})");
            }

            columns[i] = batch.Column(index);
        }

        return new RecordBatch(_arrowSchema, columns, batch.Length);
    }
}
