using Lakehouse.Arrow.Compression;

using Xunit;

namespace Lakehouse.Arrow.Tests.Compression;

public class CompressionRoundTripTests
{
    public static TheoryData<CompressionKind, string> Cases()
    {
        var data = new TheoryData<CompressionKind, string>();
        foreach (var kind in Enum.GetValues<CompressionKind>())
        {
            foreach (var shape in CodecTestData.Shapes)
            {
                data.Add(kind, shape);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundTrips(CompressionKind kind, string shape)
    {
        var input = CodecTestData.Create(shape);
        var bound = CompressionCodecs.MaxCompressedLength(kind, input.Length);
        var compressed = new byte[bound];
        var written = CompressionCodecs.Compress(kind, input, compressed);
        Assert.InRange(written, 0, bound);

        var output = new byte[input.Length];
        CompressionCodecs.Decompress(kind, compressed.AsSpan(0, written), output);
        Assert.True(input.AsSpan().SequenceEqual(output), $"{kind} {shape}: round trip differs");
        if (shape is "runs" or "columnar" or "text-1mb" && kind != CompressionKind.None)
        {
            Assert.True(written < input.Length / 2, $"{kind} {shape}: {written} bytes from {input.Length} is not compressing");
        }
    }

    [Theory]
    [InlineData(CompressionKind.Zstd, 1)]
    [InlineData(CompressionKind.Zstd, 19)]
    [InlineData(CompressionKind.Zstd, -5)]
    [InlineData(CompressionKind.Gzip, 1)]
    [InlineData(CompressionKind.Gzip, 9)]
    [InlineData(CompressionKind.Deflate, 0)]
    [InlineData(CompressionKind.Brotli, 11)]
    public void LevelsRoundTrip(CompressionKind kind, int level)
    {
        var input = CodecTestData.Create("text-1mb");
        var compressed = CompressionCodecs.Compress(kind, input, level);
        Assert.Equal(input, CompressionCodecs.Decompress(kind, compressed, input.Length));
    }

    [Fact]
    public void RandomSizesAndPatternsRoundTripForTheCodecsWeWrote()
    {
        var random = new Random(7);
        CompressionKind[] kinds = [CompressionKind.Snappy, CompressionKind.Lz4Raw, CompressionKind.Lz4Frame, CompressionKind.Lz4Hadoop];
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var length = random.Next(0, iteration < 200 ? 300 : 200_000);
            var input = new byte[length];
            var alphabet = random.Next(1, 256);
            var period = random.Next(1, 80);
            for (var i = 0; i < length; i++)
            {
                // Short-period repeats (overlapping matches) mixed with noise over a small alphabet.
                input[i] = random.Next(4) == 0 || i < period ? (byte)random.Next(alphabet) : input[i - period];
            }

            foreach (var kind in kinds)
            {
                var compressed = CompressionCodecs.Compress(kind, input);
                var output = CompressionCodecs.Decompress(kind, compressed, length);
                Assert.True(input.AsSpan().SequenceEqual(output), $"{kind} iteration {iteration} length {length}");
            }
        }
    }

    [Fact]
    public void LongRunsUseLongLengthEncodings()
    {
        var input = new byte[1_000_000];
        input.AsSpan(500_000).Fill(7);
        foreach (var kind in new[] { CompressionKind.Snappy, CompressionKind.Lz4Raw, CompressionKind.Lz4Frame, CompressionKind.Lz4Hadoop })
        {
            var compressed = CompressionCodecs.Compress(kind, input);
            Assert.True(compressed.Length < 60_000, $"{kind}: {compressed.Length}");
            Assert.Equal(input, CompressionCodecs.Decompress(kind, compressed, input.Length));
        }
    }

    [Fact]
    public void ReusableZstdCompressorIsSharedSafelyAcrossThreads()
    {
        using var compressor = new ZstdCompressor(level: 5);
        var inputs = Enumerable.Range(0, 16).Select(i => CodecTestData.Text(new Random(i), 50_000 + i)).ToArray();
        Parallel.For(0, 64, i =>
        {
            var input = inputs[i % inputs.Length];
            var buffer = new byte[Zstd.MaxCompressedLength(input.Length)];
            var written = compressor.Compress(input, buffer);
            var output = new byte[input.Length];
            Zstd.Decompress(buffer.AsSpan(0, written), output);
            Assert.True(input.AsSpan().SequenceEqual(output));
        });
    }

    [Fact]
    public void PerThreadContextsWorkInParallel()
    {
        var inputs = Enumerable.Range(0, 8).Select(i => CodecTestData.Text(new Random(100 + i), 30_000 + (i * 1000))).ToArray();
        Parallel.For(0, 64, i =>
        {
            var input = inputs[i % inputs.Length];
            var kind = (i % 3) switch { 0 => CompressionKind.Zstd, 1 => CompressionKind.Lz4Frame, _ => CompressionKind.Snappy };
            var compressed = CompressionCodecs.Compress(kind, input, kind == CompressionKind.Zstd ? 1 + (i % 5) : null);
            Assert.True(input.AsSpan().SequenceEqual(CompressionCodecs.Decompress(kind, compressed, input.Length)));
        });
    }

    [Fact]
    public void CompressIntoTooSmallDestinationThrowsArgumentException()
    {
        var input = CodecTestData.Create("random");
        foreach (var kind in new[] { CompressionKind.Snappy, CompressionKind.Lz4Raw, CompressionKind.Lz4Frame, CompressionKind.Lz4Hadoop, CompressionKind.Zstd, CompressionKind.Gzip, CompressionKind.Brotli })
        {
            Assert.ThrowsAny<ArgumentException>(() => CompressionCodecs.Compress(kind, input, new byte[100]));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EmptyInputForEmptyOutputIsAccepted(CompressionKind kind) =>
        CompressionCodecs.Decompress(kind, ReadOnlySpan<byte>.Empty, Span<byte>.Empty);

    public static TheoryData<CompressionKind> Kinds() => [.. Enum.GetValues<CompressionKind>()];

    [Fact]
    public void XxHash32MatchesPublishedValues()
    {
        Assert.Equal(0x02CC5D05U, XxHash32.Hash([]));
        Assert.Equal(0x32D153FFU, XxHash32.Hash("abc"u8));
    }

    [Fact]
    public void Crc32MatchesPublishedValuesAndAppends()
    {
        Assert.Equal(0xCBF43926U, Crc32.Compute("123456789"u8));
        var text = CodecTestData.Create("text-1mb");
        Assert.Equal(Crc32.Compute(text), Crc32.Append(Crc32.Compute(text.AsSpan(0, 1001)), text.AsSpan(1001)));
    }
}
