using System.Buffers;
using System.Runtime.CompilerServices;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Schemas;

namespace Lakehouse.Parquet.Reading;

/// <summary>
/// Reads a Parquet file into Arrow record batches. Opening reads only the footer; row groups are read one at
/// a time (each column chunk with one ranged read), so memory stays bounded by a row group. Columns can be
/// projected by top-level name or by Parquet field id, and row groups skipped by a predicate over their
/// statistics.
/// </summary>
public sealed partial class ParquetReader : IAsyncDisposable
{
    private readonly IRandomAccessSource _source;
    private readonly bool _ownsSource;
    private readonly IReadOnlyList<ArrowNode> _fields;
    private readonly bool[] _keepDictionary;

    private ParquetReader(IRandomAccessSource source, bool ownsSource, FileMetaData metadata, ParquetSchema schema, ParquetReadOptions options)
    {
        _source = source;
        _ownsSource = ownsSource;
        Metadata = metadata;
        ParquetSchema = schema;
        Options = options;
        _fields = ArrowSchemaConverter.Convert(schema, options.KeepStringDictionaries);
        var fields = new Field[_fields.Count];
        _keepDictionary = new bool[schema.Leaves.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = _fields[i].Field;
            MarkDictionaryLeaves(_fields[i]);
        }

        var kv = new List<KeyValuePair<string, string>>();
        foreach (var e in metadata.KeyValueMetadata ?? [])
        {
            kv.Add(new(e.Key, e.Value ?? string.Empty));
        }

        Schema = new Schema(fields, kv);
    }

    public FileMetaData Metadata { get; }

    public ParquetSchema ParquetSchema { get; }

    /// <summary>The Arrow schema of the whole file (all top-level fields).</summary>
    public Schema Schema { get; }

    public ParquetReadOptions Options { get; }

    public int RowGroupCount => Metadata.RowGroups.Count;

    public long RowCount => Metadata.NumRows;

    public string? Name => _source.Name;

    public static async Task<ParquetReader> OpenAsync(IRandomAccessSource source, ParquetReadOptions? options = null, bool ownsSource = false, CancellationToken cancellationToken = default)
    {
        var length = source.Length;
        if (length < ParquetFooter.MagicLength + ParquetFooter.TrailerLength)
        {
            throw new CorruptFileException(source.Name, 0, $"file of {length} bytes is too small to be Parquet");
        }

        var head = await source.ReadAsync(0, 4, cancellationToken).ConfigureAwait(false);
        if (!head.Span.SequenceEqual(ParquetFooter.Magic))
        {
            if (head.Span.SequenceEqual(ParquetFooter.EncryptedMagic))
            {
                throw new NotSupportedException($"{source.Name ?? "file"}: Parquet modular encryption (encrypted footer, magic PARE) is not supported");
            }

            throw new CorruptFileException(source.Name, 0, "file does not start with the Parquet magic PAR1");
        }

        var trailer = await source.ReadAsync(length - ParquetFooter.TrailerLength, ParquetFooter.TrailerLength, cancellationToken).ConfigureAwait(false);
        var footerLength = ParquetFooter.ReadFooterLength(trailer.Span, length, source.Name);
        var footerOffset = length - ParquetFooter.TrailerLength - footerLength;
        var footer = await source.ReadAsync(footerOffset, footerLength, cancellationToken).ConfigureAwait(false);
        var metadata = ParquetFooter.ReadFileMetaData(footer.Span, source.Name, footerOffset);
        var schema = ParquetSchema.Build(metadata.Schema, source.Name);
        foreach (var g in metadata.RowGroups)
        {
            if (g.Columns.Count != schema.Leaves.Count)
            {
                throw new CorruptFileException(source.Name, footerOffset, $"row group has {g.Columns.Count} column chunks, the schema has {schema.Leaves.Count} leaf columns");
            }
        }

        return new ParquetReader(source, ownsSource, metadata, schema, options ?? ParquetReadOptions.Default);
    }

    public static async Task<ParquetReader> OpenFileAsync(string path, ParquetReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        var source = new LocalFileSource(path);
        try
        {
            return await OpenAsync(source, options, ownsSource: true, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Indexes of the top-level fields named in <paramref name="names"/> (ordinal match), in the order given.</summary>
    public int[] ResolveColumns(IEnumerable<string> names)
    {
        var result = new List<int>();
        foreach (var name in names)
        {
            var i = Schema.IndexOf(name);
            if (i < 0)
            {
                throw new ArgumentException($"column '{name}' is not in {Name ?? "the file"}", nameof(names));
            }

            result.Add(i);
        }

        return [.. result];
    }

    /// <summary>Indexes of the top-level fields with the given Parquet field ids; ids missing from the file are skipped (Iceberg: column added later).</summary>
    public int[] ResolveFieldIds(IEnumerable<int> fieldIds)
    {
        var result = new List<int>();
        foreach (var id in fieldIds)
        {
            for (var i = 0; i < _fields.Count; i++)
            {
                if (_fields[i].SchemaNode.Element.FieldId == id)
                {
                    result.Add(i);
                    break;
                }
            }
        }

        return [.. result];
    }

    /// <summary>Reads one row group into a single record batch of the projected top-level fields (all when null).</summary>
    public async Task<RecordBatch> ReadRowGroupAsync(int index, IReadOnlyList<int>? fields = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RowGroupCount);
        var group = Metadata.RowGroups[index];
        if (group.NumRows > int.MaxValue)
        {
            throw new NotSupportedException($"row group {index} has {group.NumRows} rows, more than one batch can hold");
        }

        var selected = fields ?? AllFields();
        var decoded = new DecodedColumn?[ParquetSchema.Leaves.Count];
        var columns = new ArrowArray[selected.Count];
        var schemaFields = new Field[selected.Count];
        var parallelism = Math.Max(1, Options.DecodeParallelism);
        if (parallelism == 1 || columns.Length < 2)
        {
            var leaves = new List<int>();
            for (var i = 0; i < columns.Length; i++)
            {
                await ReadTopLevelColumnAsync(group, index, selected[i], i, leaves, decoded, columns, schemaFields, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            // Columns own disjoint leaves and output slots, so they decode independently (bounded to spare memory).
            await Parallel.ForAsync(
                0,
                columns.Length,
                new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (i, token) => await ReadTopLevelColumnAsync(group, index, selected[i], i, [], decoded, columns, schemaFields, token).ConfigureAwait(false)).ConfigureAwait(false);
        }

        return new RecordBatch(new Schema(schemaFields, Schema.Metadata), columns, (int)group.NumRows);
    }

    /// <summary>
    /// Decodes top-level column <paramref name="field"/> of a row group into <c>columns[slot]</c>: its leaves, then the
    /// assembled array; the decoded intermediates are dropped at once so that only the columns in flight keep decode buffers.
    /// </summary>
    private async Task ReadTopLevelColumnAsync(RowGroup group, int index, int field, int slot, List<int> leaves, DecodedColumn?[] decoded, ArrowArray[] columns, Field[] schemaFields, CancellationToken cancellationToken)
    {
        var node = _fields[field];
        leaves.Clear();
        node.CollectLeaves(leaves);
        foreach (var leaf in leaves)
        {
            decoded[leaf] = await ReadColumnChunkAsync(group, leaf, cancellationToken).ConfigureAwait(false);
        }

        var data = ArrayAssembler.Build(node, decoded, Name);
        foreach (var leaf in leaves)
        {
            decoded[leaf] = null;
        }

        if (data.Length != group.NumRows)
        {
            throw new CorruptFileException(Name, -1, $"row group {index}: column '{node.Field.Name}' has {data.Length} rows, the row group {group.NumRows}");
        }

        columns[slot] = ArrowArray.Create(data);
        schemaFields[slot] = node.Field;
    }

    /// <summary>
    /// Streams the file as batches of at most <see cref="ParquetReadOptions.BatchSize"/> rows, one row group in
    /// memory at a time; row groups for which <paramref name="rowGroupFilter"/> returns false are skipped.
    /// </summary>
    public async IAsyncEnumerable<RecordBatch> ReadBatchesAsync(IReadOnlyList<int>? fields = null, Func<RowGroupStatistics, bool>? rowGroupFilter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var g = 0; g < RowGroupCount; g++)
        {
            if (rowGroupFilter is not null && !rowGroupFilter(GetRowGroupStatistics(g)))
            {
                continue;
            }

            // The iterator's locals live in its state object: clear the batch before the next row group is decoded so the
            // previous row group's arrays are not kept alive beside it.
            RecordBatch? batch = await ReadRowGroupAsync(g, fields, cancellationToken).ConfigureAwait(false);
            var size = Math.Max(1, Options.BatchSize);
            var length = batch.Length;
            if (length <= size)
            {
                yield return batch;
                batch = null;
                continue;
            }

            for (var offset = 0; offset < length; offset += size)
            {
                RecordBatch? slice = batch!.Slice(offset, Math.Min(size, length - offset));
                yield return slice;
                slice = null;
            }

            batch = null;
        }
    }

    /// <summary>Statistics of every column chunk of row group <paramref name="index"/>.</summary>
    public RowGroupStatistics GetRowGroupStatistics(int index) => new(this, index);

    public async ValueTask DisposeAsync()
    {
        if (_ownsSource)
        {
            await _source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void MarkDictionaryLeaves(ArrowNode node)
    {
        if (node.Kind == ArrowNodeKind.Leaf)
        {
            _keepDictionary[node.SchemaNode.ColumnIndex] = node.Field.Type.Id == Arrow.Types.ArrowTypeId.Dictionary;
            return;
        }

        foreach (var c in node.Children)
        {
            MarkDictionaryLeaves(c);
        }
    }

    private List<int> AllFields()
    {
        var all = new List<int>(_fields.Count);
        for (var i = 0; i < _fields.Count; i++)
        {
            all.Add(i);
        }

        return all;
    }

    private async Task<DecodedColumn> ReadColumnChunkAsync(RowGroup group, int leafIndex, CancellationToken cancellationToken)
    {
        var leaf = ParquetSchema.Leaves[leafIndex];
        var chunk = group.Columns[leafIndex];
        if (chunk.FilePath is not null)
        {
            throw new NotSupportedException($"{Name ?? "file"}: column '{leaf.DottedPath}' lives in another file ({chunk.FilePath})");
        }

        var meta = chunk.MetaData ?? throw new CorruptFileException(Name, -1, $"column chunk '{leaf.DottedPath}' has no metadata");
        if (meta.Type != leaf.PhysicalType)
        {
            throw new CorruptFileException(Name, -1, $"column chunk '{leaf.DottedPath}' is {meta.Type} but the schema says {leaf.PhysicalType}");
        }

        if (meta.NumValues == 0)
        {
            using var empty = new ColumnChunkReader(leaf, meta, Options, Name, _keepDictionary[leafIndex]);
            return empty.Read([], 0);
        }

        var start = meta.DataPageOffset;
        if (meta.DictionaryPageOffset is { } dict && dict > 0 && dict < start)
        {
            start = dict;
        }

        var length = meta.TotalCompressedSize;
        if (start < ParquetFooter.MagicLength || length < 0 || start + length > _source.Length - ParquetFooter.TrailerLength)
        {
            throw new CorruptFileException(Name, start, $"column chunk '{leaf.DottedPath}' [{start}, {start + length}) lies outside the file's {_source.Length} bytes");
        }

        if (length > int.MaxValue || meta.TotalUncompressedSize > Options.MaxColumnChunkSize)
        {
            throw new NotSupportedException($"{Name ?? "file"}: column chunk '{leaf.DottedPath}' of {length} bytes ({meta.TotalUncompressedSize} bytes uncompressed) exceeds the reader's limit of {Options.MaxColumnChunkSize} bytes");
        }

        using var reader = new ColumnChunkReader(leaf, meta, Options, Name, _keepDictionary[leafIndex]);
        if (_source is LocalFileSource file)
        {
            // The raw chunk is only needed while its pages decode (values are copied out): read it into a
            // pooled array and hand that back at once instead of leaving a chunk-sized array to the GC.
            var rented = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                await file.ReadIntoAsync(start, rented.AsMemory(0, (int)length), cancellationToken).ConfigureAwait(false);
                return reader.Read(rented.AsSpan(0, (int)length), start);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        var bytes = await _source.ReadAsync(start, (int)length, cancellationToken).ConfigureAwait(false);
        return reader.Read(bytes.Span, start);
    }
}
