using System.Buffers;
using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Memory;
using Lakehouse.Parquet.Encodings;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Thrift;

namespace Lakehouse.Parquet.Writing;

/// <summary>
/// Encodes one buffered column chunk: splits it into data pages (v1) at row boundaries, dictionary-encodes
/// values while the dictionary stays under its limit (then falls back to PLAIN), RLE-encodes levels,
/// compresses pages and computes the chunk statistics.
/// </summary>
internal sealed class ColumnChunkWriter
{
    private readonly ColumnBuffer _buffer;
    private readonly ParquetWriteOptions _options;
    private readonly WriteLeaf _leaf;
    private readonly int _width;

    public ColumnChunkWriter(ColumnBuffer buffer, ParquetWriteOptions options)
    {
        _buffer = buffer;
        _options = options;
        _leaf = buffer.Leaf;
        _width = buffer.Offsets is null ? StatisticsBuilder.Width(buffer) : 0;
    }

    public byte[]? LowerBound { get; private set; }

    public byte[]? UpperBound { get; private set; }

    /// <summary>Writes the chunk's pages to <paramref name="output"/>; <paramref name="fileOffset"/> is where output[0] lands in the file.</summary>
    public ColumnChunk Write(BufferBuilder output, long fileOffset)
    {
        var codec = _options.Compression switch
        {
            ParquetCompression.Snappy => CompressionCodec.Snappy,
            ParquetCompression.Gzip => CompressionCodec.Gzip,
            ParquetCompression.Zstd => CompressionCodec.Zstd,
            _ => CompressionCodec.Uncompressed,
        };
        var pages = SplitPages();
        var useDictionary = _options.EnableDictionary && _leaf.PhysicalType != PhysicalType.Boolean && _buffer.ValueCount > 0;
        var dictionary = useDictionary ? new DictionaryBuilder() : null;
        var pageBodies = new List<(PageHeader Header, byte[] Body)>(pages.Count);
        var encodingStats = new Dictionary<Metadata.Encoding, int>();
        long uncompressedTotal = 0;
        var page = new BufferBuilder(64 * 1024);
        var scratch = new BufferBuilder(1024);
        foreach (var (levelStart, levelEnd, valueStart, valueEnd) in pages)
        {
            page.Clear();
            var levelCount = levelEnd - levelStart;
            if (_leaf.MaxRepetition > 0)
            {
                RleBitPackedEncoder.EncodeLengthPrefixed(_buffer.Repetition.AsSpan<int>().Slice(levelStart, levelCount), BitPacking.BitWidthOf((ulong)_leaf.MaxRepetition), page);
            }

            if (_leaf.MaxDefinition > 0)
            {
                RleBitPackedEncoder.EncodeLengthPrefixed(_buffer.Definition.AsSpan<int>().Slice(levelStart, levelCount), BitPacking.BitWidthOf((ulong)_leaf.MaxDefinition), page);
            }

            Metadata.Encoding encoding;
            if (dictionary is not null && dictionary.DataLength + (dictionary.Count * 4) <= _options.DictionaryPageSizeLimit)
            {
                encoding = Metadata.Encoding.RleDictionary;
                var ids = new int[valueEnd - valueStart];
                var data = _buffer.Values.WrittenSpan;
                if (_buffer.Offsets is { } offsetBuilder)
                {
                    var o = offsetBuilder.AsSpan<int>();
                    for (var v = valueStart; v < valueEnd; v++)
                    {
                        ids[v - valueStart] = dictionary.GetOrAdd(data[o[v]..o[v + 1]]);
                    }
                }
                else
                {
                    for (var v = valueStart; v < valueEnd; v++)
                    {
                        ids[v - valueStart] = dictionary.GetOrAdd(data.Slice(v * _width, _width));
                    }
                }

                var bitWidth = BitPacking.BitWidthOf((ulong)Math.Max(dictionary.Count - 1, 0));
                page.Append((byte)bitWidth);
                RleBitPackedEncoder.Encode(ids, bitWidth, page);
            }
            else
            {
                encoding = Metadata.Encoding.Plain;
                WritePlain(valueStart, valueEnd, page);
            }

            encodingStats[encoding] = encodingStats.GetValueOrDefault(encoding) + 1;
            var header = new PageHeader
            {
                Type = PageType.DataPage,
                UncompressedPageSize = page.Length,
                DataPageHeader = new DataPageHeader { NumValues = levelCount, Encoding = encoding },
            };
            var body = Compress(codec, page.WrittenSpan, scratch);
            header.CompressedPageSize = body.Length;
            uncompressedTotal += page.Length;
            pageBodies.Add((header, body));
        }

        var start = output.Length;
        long? dictionaryOffset = null;
        var encodings = new List<Metadata.Encoding>();
        var headerBytes = new ArrayBufferWriter<byte>(256);
        if (dictionary is not null && encodingStats.ContainsKey(Metadata.Encoding.RleDictionary))
        {
            page.Clear();
            for (var id = 0; id < dictionary.Count; id++)
            {
                var entry = dictionary.Entry(id);
                if (_buffer.Offsets is not null)
                {
                    PlainEncoding.EncodeByteArray(entry, page);
                }
                else
                {
                    page.Append(entry);
                }
            }

            var body = Compress(codec, page.WrittenSpan, scratch);
            var header = new PageHeader
            {
                Type = PageType.DictionaryPage,
                UncompressedPageSize = page.Length,
                CompressedPageSize = body.Length,
                DictionaryPageHeader = new DictionaryPageHeader { NumValues = dictionary.Count, Encoding = Metadata.Encoding.Plain },
            };
            dictionaryOffset = fileOffset + output.Length;
            uncompressedTotal += page.Length + WritePage(header, body, output, headerBytes);
            encodings.Add(Metadata.Encoding.Plain);
        }

        var dataOffset = fileOffset + output.Length;
        foreach (var (header, body) in pageBodies)
        {
            uncompressedTotal += WritePage(header, body, output, headerBytes);
        }

        if (encodingStats.ContainsKey(Metadata.Encoding.Plain) && !encodings.Contains(Metadata.Encoding.Plain))
        {
            encodings.Add(Metadata.Encoding.Plain);
        }

        encodings.Add(Metadata.Encoding.Rle);
        if (encodingStats.ContainsKey(Metadata.Encoding.RleDictionary))
        {
            encodings.Add(Metadata.Encoding.RleDictionary);
        }

        var stats = StatisticsBuilder.Build(_buffer, StatisticsBuilder.OrderOf(_leaf), _options.StatisticsTruncateLength, out var lower, out var upper);
        LowerBound = lower;
        UpperBound = upper;
        var pageStats = new List<PageEncodingStats>();
        if (dictionaryOffset is not null)
        {
            pageStats.Add(new PageEncodingStats(PageType.DictionaryPage, Metadata.Encoding.Plain, 1));
        }

        foreach (var (enc, count) in encodingStats)
        {
            pageStats.Add(new PageEncodingStats(PageType.DataPage, enc, count));
        }

        var meta = new ColumnMetaData
        {
            Type = _leaf.PhysicalType,
            Encodings = encodings,
            PathInSchema = _leaf.Path,
            Codec = codec,
            NumValues = _buffer.LevelCount,
            TotalUncompressedSize = uncompressedTotal,
            TotalCompressedSize = output.Length - start,
            DataPageOffset = dataOffset,
            DictionaryPageOffset = dictionaryOffset,
            Statistics = stats,
            EncodingStats = pageStats,
        };
        return new ColumnChunk { FileOffset = dictionaryOffset ?? dataOffset, MetaData = meta };
    }

    /// <summary>Page boundaries: [levelStart, levelEnd) with their values [valueStart, valueEnd); cuts only where a row starts.</summary>
    private List<(int LevelStart, int LevelEnd, int ValueStart, int ValueEnd)> SplitPages()
    {
        var result = new List<(int, int, int, int)>();
        var levels = _buffer.LevelCount;
        var defs = _leaf.MaxDefinition > 0 ? _buffer.Definition.AsSpan<int>() : default;
        var reps = _leaf.MaxRepetition > 0 ? _buffer.Repetition.AsSpan<int>() : default;
        var offsets = _buffer.Offsets is { } o ? o.AsSpan<int>() : default;
        var target = Math.Max(1, _options.PageSize);
        int levelStart = 0, valueStart = 0, value = 0;
        long bytes = 0;
        for (var i = 0; i < levels; i++)
        {
            if (bytes >= target && (reps.IsEmpty || reps[i] == 0))
            {
                result.Add((levelStart, i, valueStart, value));
                levelStart = i;
                valueStart = value;
                bytes = 0;
            }

            bytes += 1;
            if (defs.IsEmpty || defs[i] == _leaf.MaxDefinition)
            {
                bytes += offsets.IsEmpty ? _width : 4 + offsets[value + 1] - offsets[value];
                value++;
            }
        }

        if (levels > levelStart || result.Count == 0)
        {
            result.Add((levelStart, levels, valueStart, value));
        }

        return result;
    }

    private void WritePlain(int valueStart, int valueEnd, BufferBuilder page)
    {
        if (_leaf.PhysicalType == PhysicalType.Boolean)
        {
            var bools = new bool[valueEnd - valueStart];
            var src = _buffer.Values.WrittenSpan;
            for (var v = valueStart; v < valueEnd; v++)
            {
                bools[v - valueStart] = src[v] != 0;
            }

            PlainEncoding.EncodeBooleans(bools, page);
            return;
        }

        if (_buffer.Offsets is { } offsets)
        {
            var o = offsets.AsSpan<int>();
            var data = _buffer.Values.WrittenSpan;
            for (var v = valueStart; v < valueEnd; v++)
            {
                PlainEncoding.EncodeByteArray(data[o[v]..o[v + 1]], page);
            }

            return;
        }

        page.Append(_buffer.Values.WrittenSpan[(valueStart * _width)..(valueEnd * _width)]);
    }

    private byte[] Compress(CompressionCodec codec, ReadOnlySpan<byte> page, BufferBuilder scratch)
    {
        if (codec == CompressionCodec.Uncompressed)
        {
            return page.ToArray();
        }

        var kind = codec switch
        {
            CompressionCodec.Snappy => CompressionKind.Snappy,
            CompressionCodec.Gzip => CompressionKind.Gzip,
            _ => CompressionKind.Zstd,
        };
        scratch.Clear();
        var max = CompressionCodecs.MaxCompressedLength(kind, page.Length);
        var written = CompressionCodecs.Compress(kind, page, scratch.GetSpan(max)[..max], _options.CompressionLevel);
        return scratch.GetSpan(max)[..written].ToArray();
    }

    /// <summary>Appends header + body; returns the header size (counted in the uncompressed total as well).</summary>
    private static int WritePage(PageHeader header, byte[] body, BufferBuilder output, ArrayBufferWriter<byte> headerBytes)
    {
        headerBytes.Clear();
        header.Write(new CompactWriter(headerBytes));
        output.Append(headerBytes.WrittenSpan);
        output.Append<byte>(body);
        return headerBytes.WrittenCount;
    }
}
