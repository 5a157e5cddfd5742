using System.Buffers.Binary;
using Lakehouse.Arrow.Flatbuffers;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// Reads the Arrow IPC file format ("ARROW1" magic, messages, Footer with Block records, footer length,
/// "ARROW1") with random access to record batches. The whole file is held as one memory block and every
/// record batch buffer is a zero-copy slice of it. Dictionaries listed in the footer are loaded (in
/// order, deltas appended) before the first record batch is returned; replacement is rejected.
/// </summary>
public sealed class ArrowFileReader : IArrowBatchReader
{
    private static readonly byte[] s_magic = "ARROW1"u8.ToArray();
    private readonly ReadOnlyMemory<byte> _file;
    private readonly ArrowReadOptions _options;
    private readonly IpcMessageDecoder _decoder;
    private readonly Block[] _dictionaries;
    private readonly Block[] _recordBatches;
    private IDisposable? _mapping;
    private bool _dictionariesLoaded;
    private int _next;

    public ArrowFileReader(ReadOnlyMemory<byte> file, ArrowReadOptions? options = null)
    {
        _file = file;
        _options = options ?? ArrowReadOptions.Default;
        _decoder = new IpcMessageDecoder(_options) { FileFormat = true };
        var span = file.Span;
        if (span.Length < 6 + 2 + 4 + 6 || !span[..6].SequenceEqual(s_magic))
        {
            throw Corrupt(0, "not an Arrow IPC file: the leading \"ARROW1\" magic is missing");
        }

        if (!span[^6..].SequenceEqual(s_magic))
        {
            throw Corrupt(span.Length - 6, "Arrow IPC file is truncated: the trailing \"ARROW1\" magic is missing");
        }

        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(span[^10..]);
        if (footerLength <= 0 || footerLength > span.Length - 18)
        {
            throw Corrupt(span.Length - 10, $"footer length {footerLength} does not fit the file");
        }

        var footerStart = span.Length - 10 - footerLength;
        var footer = FlatTable.Root(file.Slice(footerStart, footerLength));
        var version = footer.GetInt16(FlatSlots.FooterVersion);
        if (version > (short)MetadataVersion.V5)
        {
            throw new NotSupportedException($"Arrow IPC: unsupported metadata version V{version + 1} in the file footer");
        }

        _decoder.SetSchema(SchemaReader.Read(footer.GetTable(FlatSlots.FooterSchema), _options.SourceName));
        _dictionaries = ReadBlocks(footer.GetVector(FlatSlots.FooterDictionaries, 24), footerStart);
        _recordBatches = ReadBlocks(footer.GetVector(FlatSlots.FooterRecordBatches, 24), footerStart);
        Metadata = SchemaReader.ReadMetadata(footer.GetVector(FlatSlots.FooterCustomMetadata, 4)) ?? [];
    }

    /// <summary>Opens a file, reading it into memory once (files up to 2 GB); batches stay valid after dispose.</summary>
    public static ArrowFileReader Open(string path, ArrowReadOptions? options = null)
    {
        options ??= ArrowReadOptions.Default;
        return new ArrowFileReader(File.ReadAllBytes(path), options.SourceName is null ? options with { SourceName = path } : options);
    }

    /// <summary>
    /// Opens a file memory-mapped (files up to 2 GB): record batch buffers are zero-copy slices of the page
    /// cache. The mapping is released when the reader is disposed, so batches (and spans over their
    /// buffers) must not be used after that.
    /// </summary>
    public static ArrowFileReader OpenMapped(string path, ArrowReadOptions? options = null)
    {
        options ??= ArrowReadOptions.Default;
        options = options.SourceName is null ? options with { SourceName = path } : options;
        var mapping = MappedFileMemory.Map(path);
        try
        {
            return new ArrowFileReader(mapping?.Memory ?? ReadOnlyMemory<byte>.Empty, options) { _mapping = mapping };
        }
        catch
        {
            ((IDisposable?)mapping)?.Dispose();
            throw;
        }
    }

    public Schema Schema => _decoder.Schema!;

    /// <summary>Footer-level custom metadata.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata { get; }

    public int RecordBatchCount => _recordBatches.Length;

    /// <summary>Reads record batch <paramref name="index"/> (0-based, in footer order).</summary>
    public RecordBatch ReadRecordBatch(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _recordBatches.Length);
        LoadDictionaries();
        var (metadata, body, offset) = Message(_recordBatches[index]);
        if (_decoder.Decode(metadata, body, offset, out var batch) != IpcMessageKind.RecordBatch)
        {
            throw Corrupt(offset, $"footer block {index} does not point at a RecordBatch message");
        }

        return batch!;
    }

    public RecordBatch? ReadNextBatch() => _next < _recordBatches.Length ? ReadRecordBatch(_next++) : null;

    public ValueTask<RecordBatch?> ReadNextBatchAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(ReadNextBatch());
    }

    private void LoadDictionaries()
    {
        if (_dictionariesLoaded)
        {
            return;
        }

        foreach (var block in _dictionaries)
        {
            var (metadata, body, offset) = Message(block);
            if (_decoder.Decode(metadata, body, offset, out _) != IpcMessageKind.DictionaryBatch)
            {
                throw Corrupt(offset, "footer dictionary block does not point at a DictionaryBatch message");
            }
        }

        _dictionariesLoaded = true;
    }

    private (ReadOnlyMemory<byte> Metadata, ReadOnlyMemory<byte> Body, long Offset) Message(Block block)
    {
        var span = _file.Span;
        var offset = (int)block.Offset;
        var prefix = 4;
        var length = BinaryPrimitives.ReadInt32LittleEndian(span[offset..]);
        if (length == -1)
        {
            if (block.MetaDataLength < 8)
            {
                throw Corrupt(offset, "block metadata length is too small for the message prefix");
            }

            length = BinaryPrimitives.ReadInt32LittleEndian(span[(offset + 4)..]);
            prefix = 8;
        }

        if (length < 0 || length > block.MetaDataLength - prefix)
        {
            throw Corrupt(offset, $"message length {length} exceeds the block's metadata length {block.MetaDataLength}");
        }

        var metadata = _file.Slice(offset + prefix, length);
        var body = _file.Slice(offset + block.MetaDataLength, (int)block.BodyLength);
        return (metadata, body, offset);
    }

    private Block[] ReadBlocks(FlatVector vector, int footerStart)
    {
        var blocks = new Block[vector.Count];
        for (var i = 0; i < blocks.Length; i++)
        {
            var e = vector.Element(i);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(e);
            var metaLength = BinaryPrimitives.ReadInt32LittleEndian(e[8..]);
            var bodyLength = BinaryPrimitives.ReadInt64LittleEndian(e[16..]);
            if (offset < 8 || metaLength < 4 || bodyLength < 0 || offset > footerStart
                || metaLength > footerStart - offset || bodyLength > footerStart - offset - metaLength)
            {
                throw Corrupt(footerStart, $"footer block {i} (offset {offset}, metadata {metaLength}, body {bodyLength}) lies outside the file's data");
            }

            blocks[i] = new Block(offset, metaLength, bodyLength);
        }

        return blocks;
    }

    private CorruptFileException Corrupt(long offset, string problem) => new(_options.SourceName, offset, problem);

    public void Dispose()
    {
        _mapping?.Dispose();
        _mapping = null;
    }

    private readonly record struct Block(long Offset, int MetaDataLength, long BodyLength);
}
