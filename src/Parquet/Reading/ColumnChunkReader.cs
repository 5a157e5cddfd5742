using System.Buffers;
using System.Runtime.InteropServices;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Memory;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Schemas;

namespace Lakehouse.Parquet.Reading;

/// <summary>
/// Decodes the pages of one column chunk (dictionary page, data pages v1 and v2, every codec and value
/// encoding) into a <see cref="DecodedColumn"/>: levels plus densely packed non-null values.
/// </summary>
internal sealed partial class ColumnChunkReader : IDisposable
{
    private readonly SchemaNode _leaf;
    private readonly ColumnMetaData _meta;
    private readonly ParquetReadOptions _options;
    private readonly string? _source;
    private readonly int _maxDef;
    private readonly int _maxRep;
    private readonly int _width;
    private bool _keepDictionary;
    private byte[] _scratch = [];
    private int[] _indices = [];
    private long _chunkOffset;

    public ColumnChunkReader(SchemaNode leaf, ColumnMetaData meta, ParquetReadOptions options, string? source, bool keepDictionary)
    {
        _leaf = leaf;
        _meta = meta;
        _options = options;
        _source = source;
        _maxDef = leaf.DefinitionLevel;
        _maxRep = leaf.RepetitionLevel;
        _keepDictionary = keepDictionary && leaf.PhysicalType == PhysicalType.ByteArray;
        _width = leaf.PhysicalType switch
        {
            PhysicalType.Int32 or PhysicalType.Float => 4,
            PhysicalType.Int64 or PhysicalType.Double => 8,
            PhysicalType.Int96 => 12,
            PhysicalType.FixedLenByteArray => leaf.Element.TypeLength ?? 0,
            _ => 0,
        };
    }

    public DecodedColumn Read(ReadOnlySpan<byte> chunk, long chunkOffset)
    {
        _chunkOffset = chunkOffset;

        // Size the buffers from the chunk metadata up front instead of doubling from 1 KiB (each doubling
        // copies and leaves the old array behind). The metadata is untrusted: hints are capped by a multiple
        // of the bytes actually read, and the builders still grow if a hint was too small.
        var levelCount = _meta.NumValues;
        var fixedWidth = _width > 0 && _leaf.PhysicalType != PhysicalType.Int96 ? _width : 0;
        var valueHint = _leaf.PhysicalType == PhysicalType.ByteArray || fixedWidth == 0
            ? SizeHint(_meta.TotalUncompressedSize, chunk.Length)
            : SizeHint(levelCount * fixedWidth, chunk.Length);
        var levelHint = SizeHint(levelCount * 4, chunk.Length);
        var column = new DecodedColumn(valueHint);
        if (_leaf.PhysicalType == PhysicalType.ByteArray)
        {
            column.Offsets = new BufferBuilder(levelHint + 4);
            column.Offsets.Append(0);
        }
        else if (_leaf.PhysicalType == PhysicalType.Boolean)
        {
            column.Booleans = new BitmapBuilder();
        }

        if (_maxDef > 0)
        {
            column.DefinitionLevels = new BufferBuilder(levelHint);
        }

        if (_maxRep > 0)
        {
            column.RepetitionLevels = new BufferBuilder(levelHint);
        }

        if (_keepDictionary)
        {
            column.DictionaryIndices = new BufferBuilder(levelHint);
        }

        long valuesSeen = 0;
        var pos = 0;
        while (pos < chunk.Length && valuesSeen < _meta.NumValues)
        {
            var header = PageHeader.Read(chunk[pos..], out var headerLength, _source, chunkOffset + pos);
            pos += headerLength;
            if (header.CompressedPageSize > chunk.Length - pos)
            {
                throw Corrupt(pos, $"page of {header.CompressedPageSize} bytes runs past the end of the column chunk ({chunk.Length - pos} bytes left)");
            }

            var body = chunk.Slice(pos, header.CompressedPageSize);
            var bodyOffset = pos;
            pos += header.CompressedPageSize;
            if (_options.VerifyPageChecksums && header.Crc is { } crc && unchecked((int)Crc32.Compute(body)) != crc)
            {
                throw Corrupt(bodyOffset, $"{header.Type} page checksum mismatch (header says {crc:x8}, page hashes to {Crc32.Compute(body):x8})");
            }

            try
            {
                switch (header.Type)
                {
                    case PageType.DictionaryPage:
                        ReadDictionaryPage(header, body, column);
                        break;
                    case PageType.DataPage:
                        valuesSeen += ReadDataPageV1(header, body, column);
                        break;
                    case PageType.DataPageV2:
                        valuesSeen += ReadDataPageV2(header, body, column);
                        break;
                    default:
                        break;
                }
            }
            catch (CorruptFileException e) when (e.Offset < 0)
            {
                throw Corrupt(bodyOffset, $"{header.Type} page: {e.Problem ?? e.Message}", e);
            }
        }

        if (valuesSeen < _meta.NumValues)
        {
            throw Corrupt(pos, $"column chunk ends after {valuesSeen} of its {_meta.NumValues} values");
        }

        if (column.RepetitionLevels is { Length: > 0 } reps && reps.AsSpan<int>()[0] != 0)
        {
            throw Corrupt(0, "the first repetition level of the column chunk is not 0");
        }

        FinishDictionary(column);
        return column;
    }

    public void Dispose()
    {
        if (_scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = [];
        }

        if (_indices.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_indices);
            _indices = [];
        }
    }

    private void ReadDictionaryPage(PageHeader header, ReadOnlySpan<byte> body, DecodedColumn column)
    {
        var h = header.DictionaryPageHeader ?? throw new CorruptFileException(null, -1, "dictionary page without its header");
        if (column.Dictionary is not null)
        {
            throw new CorruptFileException(null, -1, "second dictionary page in one column chunk");
        }

        if (h.Encoding is not (Metadata.Encoding.Plain or Metadata.Encoding.PlainDictionary))
        {
            throw new NotSupportedException($"dictionary page encoding {h.Encoding} is not supported");
        }

        var count = h.NumValues;
        var data = Decompress(body, header.UncompressedPageSize);
        if (count < 0 || count > data.Length * 8L + 8 || count > _options.MaxValuesPerPage)
        {
            throw new CorruptFileException(null, -1, $"dictionary of {count} values in {data.Length} bytes");
        }

        switch (_leaf.PhysicalType)
        {
            case PhysicalType.ByteArray:
                {
                    var offsets = new BufferBuilder((count + 1) * 4);
                    offsets.Append(0);
                    var values = new BufferBuilder(data.Length);
                    PlainEncoding.DecodeByteArrays(data, count, offsets, values);
                    column.Dictionary = new ColumnDictionary(values.WrittenSpan.ToArray(), offsets.AsSpan<int>().ToArray(), 0, count);
                    break;
                }

            case PhysicalType.Boolean:
                {
                    var bits = new BitmapBuilder();
                    PlainEncoding.DecodeBooleans(data, count, bits);
                    var bytes = new byte[count];
                    for (var i = 0; i < count; i++)
                    {
                        bytes[i] = bits.Get(i) ? (byte)1 : (byte)0;
                    }

                    column.Dictionary = new ColumnDictionary(bytes, null, 1, count);
                    break;
                }

            default:
                {
                    var bytes = (long)count * _width;
                    if (bytes > data.Length)
                    {
                        throw new CorruptFileException(null, -1, $"dictionary of {count} values of {_width} bytes needs {bytes} bytes, page has {data.Length}");
                    }

                    column.Dictionary = new ColumnDictionary(data[..(int)bytes].ToArray(), null, _width, count);
                    break;
                }
        }
    }

    private int ReadDataPageV1(PageHeader header, ReadOnlySpan<byte> body, DecodedColumn column)
    {
        var h = header.DataPageHeader ?? throw new CorruptFileException(null, -1, "data page without its header");
        var n = CheckValueCount(h.NumValues);
        var data = Decompress(body, header.UncompressedPageSize);
        var pos = 0;
        if (_maxRep > 0)
        {
            pos += ReadLevelsV1(data[pos..], h.RepetitionLevelEncoding, n, _maxRep, column.RepetitionLevels!);
        }

        var nonNull = n;
        if (_maxDef > 0)
        {
            var start = column.LevelCount;
            pos += ReadLevelsV1(data[pos..], h.DefinitionLevelEncoding, n, _maxDef, column.DefinitionLevels!);
            nonNull = CountMax(column.DefinitionLevels!.AsSpan<int>().Slice(start, n), _maxDef);
        }

        column.LevelCount += n;
        DecodeValues(h.Encoding, data[pos..], nonNull, column);
        return n;
    }

    private int ReadDataPageV2(PageHeader header, ReadOnlySpan<byte> body, DecodedColumn column)
    {
        var h = header.DataPageHeaderV2 ?? throw new CorruptFileException(null, -1, "data page v2 without its header");
        var n = CheckValueCount(h.NumValues);
        var repLength = h.RepetitionLevelsByteLength;
        var defLength = h.DefinitionLevelsByteLength;
        if (repLength < 0 || defLength < 0 || (long)repLength + defLength > body.Length)
        {
            throw new CorruptFileException(null, -1, $"level lengths {repLength} + {defLength} exceed the page's {body.Length} bytes");
        }

        if (_maxRep > 0)
        {
            DecodeLevels(body[..repLength], n, _maxRep, column.RepetitionLevels!);
        }

        var nonNull = n;
        if (_maxDef > 0)
        {
            var start = column.LevelCount;
            DecodeLevels(body.Slice(repLength, defLength), n, _maxDef, column.DefinitionLevels!);
            nonNull = CountMax(column.DefinitionLevels!.AsSpan<int>().Slice(start, n), _maxDef);
        }

        column.LevelCount += n;
        var values = body[(repLength + defLength)..];
        if (h.IsCompressed && values.Length > 0)
        {
            var uncompressed = header.UncompressedPageSize - repLength - defLength;
            if (uncompressed < 0)
            {
                throw new CorruptFileException(null, -1, $"uncompressed page size {header.UncompressedPageSize} is smaller than its levels");
            }

            values = Decompress(values, uncompressed);
        }

        DecodeValues(h.Encoding, values, nonNull, column);
        return n;
    }

    private int CheckValueCount(int n)
    {
        if (n < 0 || n > _options.MaxValuesPerPage)
        {
            throw new CorruptFileException(null, -1, $"page value count {n} is outside 0..{_options.MaxValuesPerPage}");
        }

        return n;
    }

    private int ReadLevelsV1(ReadOnlySpan<byte> data, Metadata.Encoding encoding, int n, int maxLevel, BufferBuilder output)
    {
        if (encoding == Metadata.Encoding.Rle)
        {
            var runs = RleBitPackedDecoder.SliceLengthPrefixed(data, out var consumed);
            DecodeLevels(runs, n, maxLevel, output);
            return consumed;
        }

        if (encoding == Metadata.Encoding.BitPacked)
        {
            // Deprecated BIT_PACKED levels: most significant bit first.
            var bitWidth = BitPacking.BitWidthOf((ulong)maxLevel);
            var bytes = BitPacking.BytesFor(n, bitWidth);
            if (bytes > data.Length)
            {
                throw new CorruptFileException(null, -1, $"BIT_PACKED levels need {bytes} bytes, page has {data.Length}");
            }

            var levels = MemoryMarshal.Cast<byte, int>(output.GetSpan(n * 4))[..n];
            for (var i = 0; i < n; i++)
            {
                var v = 0;
                for (var b = 0; b < bitWidth; b++)
                {
                    var bit = ((long)i * bitWidth) + b;
                    v = (v << 1) | ((data[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
                }

                levels[i] = v;
            }

            CheckLevels(levels, maxLevel);
            output.Advance(n * 4);
            return bytes;
        }

        throw new NotSupportedException($"level encoding {encoding} is not supported");
    }

    private static void DecodeLevels(ReadOnlySpan<byte> runs, int n, int maxLevel, BufferBuilder output)
    {
        var levels = MemoryMarshal.Cast<byte, int>(output.GetSpan(n * 4))[..n];
        var decoder = new RleBitPackedDecoder(runs, BitPacking.BitWidthOf((ulong)maxLevel));
        decoder.ReadExactly(levels, "levels");
        CheckLevels(levels, maxLevel);
        output.Advance(n * 4);
    }

    private static void CheckLevels(ReadOnlySpan<int> levels, int maxLevel)
    {
        foreach (var l in levels)
        {
            if ((uint)l > (uint)maxLevel)
            {
                throw new CorruptFileException(null, -1, $"level {l} exceeds the column's maximum {maxLevel}");
            }
        }
    }

    private static int CountMax(ReadOnlySpan<int> levels, int max)
    {
        var count = 0;
        foreach (var l in levels)
        {
            if (l == max)
            {
                count++;
            }
        }

        return count;
    }

    private ReadOnlySpan<byte> Decompress(ReadOnlySpan<byte> body, int uncompressedSize)
    {
        if (_meta.Codec == CompressionCodec.Uncompressed)
        {
            return body;
        }

        if (uncompressedSize < 0 || uncompressedSize > _options.MaxPageSize)
        {
            throw new CorruptFileException(null, -1, $"uncompressed page size {uncompressedSize} is outside 0..{_options.MaxPageSize}");
        }

        if (_scratch.Length < uncompressedSize)
        {
            if (_scratch.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_scratch);
            }

            _scratch = ArrayPool<byte>.Shared.Rent(Math.Max(uncompressedSize, 4096));
        }

        var destination = _scratch.AsSpan(0, uncompressedSize);
        try
        {
            DecompressInto(body, destination);
        }
        catch (Exception e) when (e is not (CorruptFileException or NotSupportedException or NotImplementedException or OutOfMemoryException))
        {
            throw new CorruptFileException(null, -1, $"{_meta.Codec} page does not decompress: {e.Message}", e);
        }

        return destination;
    }

    private void DecompressInto(ReadOnlySpan<byte> body, Span<byte> destination)
    {
        switch (_meta.Codec)
        {
            case CompressionCodec.Snappy:
                CompressionCodecs.Decompress(CompressionKind.Snappy, body, destination);
                break;
            case CompressionCodec.Gzip:
                CompressionCodecs.Decompress(CompressionKind.Gzip, body, destination);
                break;
            case CompressionCodec.Brotli:
                CompressionCodecs.Decompress(CompressionKind.Brotli, body, destination);
                break;
            case CompressionCodec.Zstd:
                CompressionCodecs.Decompress(CompressionKind.Zstd, body, destination);
                break;
            case CompressionCodec.Lz4Raw:
                CompressionCodecs.Decompress(CompressionKind.Lz4Raw, body, destination);
                break;
            case CompressionCodec.Lz4:
                try
                {
                    CompressionCodecs.Decompress(CompressionKind.Lz4Hadoop, body, destination);
                }
                catch (CorruptFileException)
                {
                    // Some writers label raw LZ4 blocks as LZ4; fall back like other readers do.
                    CompressionCodecs.Decompress(CompressionKind.Lz4Raw, body, destination);
                }

                break;
            default:
                throw new NotSupportedException($"{_source ?? "file"}: compression codec {_meta.Codec} is not supported");
        }
    }

    /// <summary>
    /// An initial buffer capacity: <paramref name="wanted"/> bytes, but at least 1 KiB and at most 32 times the
    /// chunk's bytes plus 1 MiB (and 1 GiB), so a lying footer cannot make us allocate far beyond the input.
    /// </summary>
    private static int SizeHint(long wanted, int chunkLength)
    {
        var cap = Math.Min((chunkLength * 32L) + (1 << 20), 1L << 30);
        return (int)Math.Clamp(wanted, 1024, cap);
    }

    private CorruptFileException Corrupt(long chunkPosition, string problem, Exception? inner = null) =>
        new(_source, _chunkOffset + chunkPosition, $"column '{_leaf.DottedPath}': {problem}", inner);
}
