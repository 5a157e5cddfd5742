using System.Text;

using Lakehouse.Arrow;
using Lakehouse.Avro.Binary;
using Lakehouse.Avro.Generic;
using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Container;

/// <summary>
/// Reads an Avro object container file held in memory (manifests and manifest lists are small): the
/// header (magic, metadata with <c>avro.schema</c>, <c>avro.codec</c> and any other key such as Iceberg's
/// <c>schema</c>, <c>partition-spec</c>, <c>format-version</c>, <c>content</c>; the sync marker), then the
/// blocks, each checked against the sync marker and decompressed with bounded output. Values are read as
/// generic values, optionally resolved against a reader schema (see <see cref="GenericDatumReader"/>), or
/// block by block with <see cref="AvroReader"/> for custom decoders. Any malformed input throws
/// <see cref="CorruptFileException"/> naming <see cref="Source"/> and the byte offset.
/// </summary>
public sealed partial class AvroFileReader
{
    private readonly ReadOnlyMemory<byte> _data;
    private readonly AvroFileReaderOptions _options;
    private readonly byte[] _sync;
    private readonly Dictionary<string, byte[]> _metadata;

    private AvroFileReader(ReadOnlyMemory<byte> data, string? source, AvroFileReaderOptions options)
    {
        _data = data;
        _options = options;
        Source = source;
        var reader = new AvroReader(data.Span, source);
        if (data.Length < 4 || !data.Span[..4].SequenceEqual(AvroContainer.Magic))
        {
            throw new CorruptFileException(source, 0, "not an Avro object container file (magic \"Obj\\x01\" missing)");
        }

        reader.Skip(4);
        _metadata = ReadMetadata(ref reader);
        _sync = reader.ReadFixed(AvroContainer.SyncLength).ToArray();
        HeaderLength = reader.Position;

        var codecName = GetMetadataString(AvroContainer.CodecKey) ?? "null";
        Codec = AvroContainer.ParseCodec(codecName)
            ?? throw new CorruptFileException(source, 0, $"unsupported codec \"{codecName}\" (supported: null, deflate, snappy, zstandard)");

        if (!_metadata.TryGetValue(AvroContainer.SchemaKey, out var schemaBytes))
        {
            throw new CorruptFileException(source, 0, "header has no avro.schema");
        }

        try
        {
            Schema = AvroSchema.Parse(schemaBytes);
        }
        catch (AvroSchemaException e)
        {
            throw new CorruptFileException(source, 0, "avro.schema is invalid: " + e.Message, e);
        }
    }

    /// <summary>Opens a file whose bytes are in memory.</summary>
    public static AvroFileReader Open(ReadOnlyMemory<byte> data, string? source = null, AvroFileReaderOptions? options = null) =>
        new(data, source, options ?? AvroFileReaderOptions.Default);

    /// <summary>Reads a local file into memory and opens it.</summary>
    public static AvroFileReader Open(string path, AvroFileReaderOptions? options = null) =>
        new(File.ReadAllBytes(path), path, options ?? AvroFileReaderOptions.Default);

    /// <summary>Reads <paramref name="stream"/> to its end and opens the bytes.</summary>
    public static async Task<AvroFileReader> OpenAsync(Stream stream, string? source = null, AvroFileReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var buffer = stream.CanSeek ? new MemoryStream((int)Math.Min(int.MaxValue, Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return new AvroFileReader(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), source, options ?? AvroFileReaderOptions.Default);
    }

    /// <summary>File name or description used in error messages.</summary>
    public string? Source { get; }

    /// <summary>The writer's schema (<c>avro.schema</c>).</summary>
    public AvroSchema Schema { get; }

    public AvroCodec Codec { get; }

    /// <summary>All header metadata, raw bytes by key.</summary>
    public IReadOnlyDictionary<string, byte[]> Metadata => _metadata;

    public ReadOnlySpan<byte> SyncMarker => _sync;

    /// <summary>Length of the header (magic, metadata, sync marker) in bytes.</summary>
    public int HeaderLength { get; }

    /// <summary>A metadata value decoded as UTF-8, or null when the key is absent.</summary>
    public string? GetMetadataString(string key) => _metadata.TryGetValue(key, out var v) ? Encoding.UTF8.GetString(v) : null;

    /// <summary>The data blocks in order, decompressed and checked (sync marker, counts, lengths).</summary>
    public IEnumerable<AvroBlock> ReadBlocks()
    {
        var buffer = Array.Empty<byte>();
        long offset = HeaderLength;
        long total = 0;
        while (offset < _data.Length)
        {
            var (block, next) = ReadBlock(offset, ref buffer);
            total += block.Count;
            if (Schema.CanBeEmpty && total > _options.MaxZeroSizeObjects)
            {
                throw new CorruptFileException(Source, offset, $"more than {_options.MaxZeroSizeObjects} objects of a zero-byte schema");
            }

            offset = next;
            yield return block;
        }
    }

    /// <summary>Every object of the file as a generic value of <paramref name="readerSchema"/> (default: the writer's schema).</summary>
    public IEnumerable<object?> Read(AvroSchema? readerSchema = null)
    {
        var datumReader = CreateDatumReader(readerSchema);
        foreach (var block in ReadBlocks())
        {
            var values = DecodeBlock(datumReader, block);
            foreach (var v in values)
            {
                yield return v;
            }
        }
    }

    /// <summary>Every object as a record (the top-level schema, resolved, must be a record).</summary>
    public IEnumerable<AvroRecord> ReadRecords(AvroSchema? readerSchema = null)
    {
        foreach (var v in Read(readerSchema))
        {
            yield return v as AvroRecord ?? throw new InvalidOperationException("the file's objects are not records");
        }
    }

    /// <summary>Reads every object into a list.</summary>
    public List<object?> ReadAll(AvroSchema? readerSchema = null) => [.. Read(readerSchema)];

    /// <summary>Total number of objects, from the block headers (blocks are still checked and decompressed).</summary>
    public long CountObjects()
    {
        long total = 0;
        foreach (var block in ReadBlocks())
        {
            total += block.Count;
        }

        return total;
    }

    private GenericDatumReader CreateDatumReader(AvroSchema? readerSchema)
    {
        try
        {
            return new GenericDatumReader(Schema, readerSchema);
        }
        catch (AvroSchemaException e) when (readerSchema is null)
        {
            throw new CorruptFileException(Source, 0, "avro.schema cannot be read: " + e.Message, e);
        }
    }

    private List<object?> DecodeBlock(GenericDatumReader datumReader, AvroBlock block)
    {
        var source = Codec == AvroCodec.Null ? Source : $"{Source} (decompressed block at byte {block.FileOffset})";
        var reader = new AvroReader(block.Data.Span, source, Codec == AvroCodec.Null ? block.FileOffset : 0);
        var values = new List<object?>((int)Math.Min(block.Count, 1024));
        for (long i = 0; i < block.Count; i++)
        {
            values.Add(datumReader.Read(ref reader));
        }

        if (!reader.IsAtEnd)
        {
            throw reader.Corrupt($"block holds {reader.Remaining} bytes after its {block.Count} objects");
        }

        return values;
    }

    private static Dictionary<string, byte[]> ReadMetadata(ref AvroReader reader)
    {
        var metadata = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        while (true)
        {
            var count = reader.ReadBlockCount(out _, minItemSize: 2);
            if (count == 0)
            {
                return metadata;
            }

            for (long i = 0; i < count; i++)
            {
                var key = reader.ReadString();
                metadata[key] = reader.ReadBytes().ToArray();
            }
        }
    }
}
