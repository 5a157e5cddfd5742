using Lakehouse.Arrow.Compression;
using Lakehouse.Arrow.Memory;

using Xunit;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>Decompression when the decompressed size is not known up front (Avro blocks, for instance).</summary>
public class UnknownLengthTests
{
    public static TheoryData<CompressionKind, string> Cases()
    {
        var data = new TheoryData<CompressionKind, string>();
        foreach (var kind in Enum.GetValues<CompressionKind>())
        {
            foreach (var shape in new[] { "one", "small-text", "runs", "random", "mixed-4mb" })
            {
                data.Add(kind, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AppendsExactlyTheDecompressedBytes(CompressionKind kind, string shape)
    {
        var input = CodecTestData.Create(shape);
        var compressed = CompressionCodecs.Compress(kind, input);
        var destination = new BufferBuilder();
        destination.Append<byte>([1, 2, 3]);
        var written = CompressionCodecs.DecompressUnknownLength(kind, compressed, destination, 64 << 20);
        Assert.Equal(input.Length, written);
        Assert.True(destination.WrittenSpan[3..].SequenceEqual(input), $"{kind} {shape}");
        Assert.Equal([1, 2, 3], destination.WrittenSpan[..3].ToArray());
    }

    [Theory]
    [InlineData(CompressionKind.Snappy)]
    [InlineData(CompressionKind.Gzip)]
    [InlineData(CompressionKind.Deflate)]
    [InlineData(CompressionKind.Brotli)]
    [InlineData(CompressionKind.Zstd)]
    [InlineData(CompressionKind.Lz4Frame)]
    [InlineData(CompressionKind.Lz4Raw)]
    [InlineData(CompressionKind.Lz4Hadoop)]
    public void OutputBeyondTheLimitIsCorrupt(CompressionKind kind)
    {
        // A small "bomb": 4 MB of zeros compresses to a few KB.
        var input = new byte[4 << 20];
        var compressed = CompressionCodecs.Compress(kind, input);
        Assert.Throws<CorruptFileException>(() => CompressionCodecs.DecompressUnknownLength(kind, compressed, new BufferBuilder(), 1 << 20));
        Assert.Equal(input.Length, CompressionCodecs.DecompressUnknownLength(kind, compressed, new BufferBuilder(), input.Length));
    }

    [SkippableFact]
    public void ZstdStreamsFromTheToolWithoutContentSize()
    {
        var a = CodecTestData.Create("text-1mb");
        var joined = ExternalTool.Filter("zstd", a, "-q", "-c").Concat(ExternalTool.Filter("zstd", a, "-q", "-c", "-1")).ToArray();
        var destination = new BufferBuilder();
        Assert.Equal(2 * a.Length, CompressionCodecs.DecompressUnknownLength(CompressionKind.Zstd, joined, destination, 8 << 20));
        Assert.True(destination.WrittenSpan[a.Length..].SequenceEqual(a));
        Assert.Throws<CorruptFileException>(() => CompressionCodecs.DecompressUnknownLength(CompressionKind.Zstd, joined.AsSpan(0, joined.Length - 3), new BufferBuilder(), 8 << 20));
    }

    // Raw deflate is left out: it has no trailer, and the framework's inflater reports a stream cut short
    // after a block boundary as a normal end, so only callers that know the size (or, like Avro, a record
    // count) can tell.
    [Theory]
    [InlineData(CompressionKind.Gzip)]
    [InlineData(CompressionKind.Brotli)]
    [InlineData(CompressionKind.Zstd)]
    [InlineData(CompressionKind.Lz4Frame)]
    [InlineData(CompressionKind.Snappy)]
    public void TruncatedInputIsCorrupt(CompressionKind kind)
    {
        var input = CodecTestData.Create("columnar");
        var compressed = CompressionCodecs.Compress(kind, input);
        for (var cut = 1; cut < 40; cut += 3)
        {
            Assert.Throws<CorruptFileException>(() => CompressionCodecs.DecompressUnknownLength(kind, compressed.AsSpan(0, compressed.Length - cut), new BufferBuilder(), 1 << 20));
        }
    }
}
