using System.Buffers;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;
using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Writing;

/// <summary>
/// Writes Arrow record batches as a Parquet file: rows accumulate in per-column buffers until the row group
/// is full, then every column chunk is encoded (dictionary with PLAIN fallback, RLE levels, data page v1,
/// compression, statistics) and written; <see cref="CloseAsync"/> writes the footer. After closing,
/// <see cref="Metadata"/> and <see cref="ColumnMetrics"/> describe the file.
/// </summary>
public sealed class ParquetWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly List<SchemaElement> _elements;
    private readonly List<WriteLeaf> _leaves;
    private readonly ColumnBuffer[] _buffers;
    private readonly ColumnMetrics[] _metrics;
    private readonly List<RowGroup> _rowGroups = [];
    private long _position;
    private int _rowsInGroup;
    private long _totalRows;
    private bool _closed;

    public ParquetWriter(Stream stream, Schema schema, ParquetWriteOptions? options = null, bool leaveOpen = false)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        Schema = schema;
        Options = options ?? ParquetWriteOptions.Default;
        if (Options.RowGroupSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RowGroupSize must be positive");
        }

        (_elements, _leaves) = ParquetSchemaWriter.Build(schema);
        _buffers = new ColumnBuffer[_leaves.Count];
        _metrics = new ColumnMetrics[_leaves.Count];
        for (var i = 0; i < _leaves.Count; i++)
        {
            _buffers[i] = new ColumnBuffer(_leaves[i]);
            _metrics[i] = new ColumnMetrics(_leaves[i].DottedPath, _leaves[i].FieldId, _leaves[i].PhysicalType);
        }
    }

    public Schema Schema { get; }

    public ParquetWriteOptions Options { get; }

    /// <summary>The footer written by <see cref="CloseAsync"/> (null before).</summary>
    public FileMetaData? Metadata { get; private set; }

    /// <summary>Per-leaf metrics, final after <see cref="CloseAsync"/>.</summary>
    public IReadOnlyList<ColumnMetrics> ColumnMetrics => _metrics;

    /// <summary>Bytes written so far (the file size once closed).</summary>
    public long BytesWritten => _position;

    public static ParquetWriter Create(string path, Schema schema, ParquetWriteOptions? options = null)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        return new ParquetWriter(stream, schema, options);
    }

    public async ValueTask WriteAsync(RecordBatch batch, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        if (batch.ColumnCount != Schema.Count)
        {
            throw new ArgumentException($"batch has {batch.ColumnCount} columns, the writer's schema {Schema.Count}", nameof(batch));
        }

        for (var c = 0; c < Schema.Count; c++)
        {
            if (!batch.Column(c).Type.Equals(Schema[c].Type))
            {
                throw new ArgumentException($"column {c} ('{Schema[c].Name}') is {batch.Column(c).Type}, the writer expects {Schema[c].Type}", nameof(batch));
            }
        }

        await EnsureHeaderAsync(cancellationToken).ConfigureAwait(false);
        var offset = 0;
        while (offset < batch.Length)
        {
            var take = Math.Min(Options.RowGroupSize - _rowsInGroup, batch.Length - offset);
            var slice = offset == 0 && take == batch.Length ? batch : batch.Slice(offset, take);
            for (var i = 0; i < _leaves.Count; i++)
            {
                LevelShredder.Shred(slice.Column(_leaves[i].TopLevelField), _leaves[i], _buffers[i]);
            }

            _rowsInGroup += take;
            offset += take;
            if (_rowsInGroup >= Options.RowGroupSize)
            {
                await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Ends the current row group early (no-op when it is empty).</summary>
    public async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken = default)
    {
        if (_rowsInGroup == 0)
        {
            return;
        }

        await EnsureHeaderAsync(cancellationToken).ConfigureAwait(false);
        var group = new RowGroup { NumRows = _rowsInGroup, FileOffset = _position, Ordinal = (short)Math.Min(_rowGroups.Count, short.MaxValue) };
        long compressed = 0;
        var chunkBytes = new BufferBuilder(64 * 1024);
        for (var i = 0; i < _buffers.Length; i++)
        {
            chunkBytes.Clear();
            var writer = new ColumnChunkWriter(_buffers[i], Options);
            var chunk = writer.Write(chunkBytes, _position);
            await _stream.WriteAsync(chunkBytes.WrittenSpan.ToArray(), cancellationToken).ConfigureAwait(false);
            _position += chunkBytes.Length;
            var meta = chunk.MetaData!;
            group.Columns.Add(chunk);
            group.TotalByteSize += meta.TotalUncompressedSize;
            compressed += meta.TotalCompressedSize;
            UpdateMetrics(i, writer, meta);
            _buffers[i].Clear();
        }

        group.TotalCompressedSize = compressed;
        _rowGroups.Add(group);
        _totalRows += _rowsInGroup;
        _rowsInGroup = 0;
    }

    /// <summary>Flushes the last row group and writes the footer; returns the file metadata.</summary>
    public async ValueTask<FileMetaData> CloseAsync(CancellationToken cancellationToken = default)
    {
        if (Metadata is not null)
        {
            return Metadata;
        }

        await EnsureHeaderAsync(cancellationToken).ConfigureAwait(false);
        await FlushRowGroupAsync(cancellationToken).ConfigureAwait(false);
        var kv = new List<KeyValue>();
        foreach (var m in Schema.Metadata)
        {
            kv.Add(new KeyValue(m.Key, m.Value));
        }

        if (Options.KeyValueMetadata is { } extra)
        {
            kv.AddRange(extra);
        }

        var orders = new List<ColumnOrder>(_leaves.Count);
        for (var i = 0; i < _leaves.Count; i++)
        {
            orders.Add(new ColumnOrder(ColumnOrderKind.TypeDefinedOrder));
        }

        var metadata = new FileMetaData
        {
            Version = 2,
            Schema = _elements,
            NumRows = _totalRows,
            RowGroups = _rowGroups,
            KeyValueMetadata = kv.Count > 0 ? kv : null,
            CreatedBy = Options.CreatedBy,
            ColumnOrders = orders,
        };
        var footer = new ArrayBufferWriter<byte>(4096);
        ParquetFooter.Write(metadata, footer);
        await _stream.WriteAsync(footer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        _position += footer.WrittenCount;
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        Metadata = metadata;
        _closed = true;
        return metadata;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            await CloseAsync().ConfigureAwait(false);
        }

        if (!_leaveOpen)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask EnsureHeaderAsync(CancellationToken cancellationToken)
    {
        if (_position == 0)
        {
            await _stream.WriteAsync(ParquetFooter.Magic.ToArray(), cancellationToken).ConfigureAwait(false);
            _position = ParquetFooter.MagicLength;
        }
    }

    private void UpdateMetrics(int i, ColumnChunkWriter writer, ColumnMetaData meta)
    {
        var m = _metrics[i];
        var b = _buffers[i];
        m.ValueCount += b.LevelCount;
        m.NullCount += b.NullCount;
        m.NanCount += b.NanCount;
        m.CompressedSize += meta.TotalCompressedSize;
        var order = StatisticsBuilder.OrderOf(_leaves[i]);
        if (writer.LowerBound is { } lower && (m.LowerBound is null || StatisticsBuilder.Compare(order, lower, m.LowerBound) < 0))
        {
            m.LowerBound = lower;
        }

        if (writer.UpperBound is { } upper && (m.UpperBound is null || StatisticsBuilder.Compare(order, upper, m.UpperBound) > 0))
        {
            m.UpperBound = upper;
        }
    }
}
