using Lakehouse.Arrow.Compression;

using Xunit;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>Truncated and bit-flipped inputs end in <see cref="CorruptFileException"/>, never a crash, hang or overrun.</summary>
public class CodecCorruptionTests
{
    public static TheoryData<CompressionKind> Kinds() =>
    [
        CompressionKind.Snappy, CompressionKind.Gzip, CompressionKind.Deflate, CompressionKind.Lz4Frame,
        CompressionKind.Lz4Raw, CompressionKind.Lz4Hadoop, CompressionKind.Zstd, CompressionKind.Brotli,
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TruncatedInputIsCorrupt(CompressionKind kind)
    {
        var input = CodecTestData.Create("columnar").AsSpan(0, 50_000).ToArray();
        var compressed = CompressionCodecs.Compress(kind, input);
        var output = new byte[input.Length];
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var length = i < 20 ? compressed.Length - 1 - i : random.Next(0, compressed.Length);
            if (kind == CompressionKind.Deflate && length >= compressed.Length - 2)
            {
                // A raw deflate stream has no trailer: dropping the final padding byte may leave it whole.
                continue;
            }

            var e = Assert.Throws<CorruptFileException>(() => CompressionCodecs.Decompress(kind, compressed.AsSpan(0, length), output));
            Assert.False(string.IsNullOrEmpty(e.Problem ?? e.Message));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void BitFlipsAreCorruptOrHarmless(CompressionKind kind)
    {
        var input = CodecTestData.Create("text-1mb").AsSpan(0, 40_000).ToArray();
        var compressed = CompressionCodecs.Compress(kind, input);
        var random = new Random(11);
        var output = new byte[input.Length];
        var detected = 0;
        for (var i = 0; i < 400; i++)
        {
            var mutated = (byte[])compressed.Clone();
            var flips = 1 + random.Next(3);
            var first = random.Next(mutated.Length);
            for (var f = 0; f < flips; f++)
            {
                // Distinct positions, so two flips never cancel out.
                var at = (first + (f * 7)) % mutated.Length;
                mutated[at] ^= (byte)(1 << random.Next(8));
            }

            try
            {
                CompressionCodecs.Decompress(kind, mutated, output);
            }
            catch (CorruptFileException)
            {
                detected++;
                continue;
            }

            if (output.AsSpan().SequenceEqual(input))
            {
                // The flip changed nothing that matters (e.g. a match offset to an identical earlier run).
                detected++;
            }
        }

        // Codecs with checksums catch every harmful flip (zstd frames we write carry no checksum); the others at least some.
        var expected = kind is CompressionKind.Lz4Frame or CompressionKind.Gzip ? 400 : 1;
        Assert.InRange(detected, expected, 400);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WrongExpectedLengthIsCorrupt(CompressionKind kind)
    {
        var input = CodecTestData.Create("small-text");
        var compressed = CompressionCodecs.Compress(kind, input);
        Assert.Throws<CorruptFileException>(() => CompressionCodecs.Decompress(kind, compressed, new byte[input.Length + 1]));
        Assert.Throws<CorruptFileException>(() => CompressionCodecs.Decompress(kind, compressed, new byte[input.Length - 1]));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GarbageIsCorrupt(CompressionKind kind)
    {
        var random = new Random(5);
        var output = new byte[10_000];
        for (var i = 0; i < 200; i++)
        {
            var garbage = new byte[random.Next(0, 300)];
            random.NextBytes(garbage);
            Assert.Throws<CorruptFileException>(() => CompressionCodecs.Decompress(kind, garbage, output));
        }
    }

    [Theory]
    [InlineData(CompressionKind.Lz4Raw)]
    [InlineData(CompressionKind.Lz4Frame)]
    [InlineData(CompressionKind.Lz4Hadoop)]
    [InlineData(CompressionKind.Snappy)]
    public void DecodersNeverWriteOutsideTheDestination(CompressionKind kind)
    {
        // Our decoders use wide copies: check guard bytes on both sides survive valid and mutated inputs.
        var random = new Random(23);
        for (var iteration = 0; iteration < 300; iteration++)
        {
            var length = random.Next(1, 3000);
            var input = new byte[length];
            var period = random.Next(1, 20);
            for (var i = 0; i < length; i++)
            {
                input[i] = i < period || random.Next(10) == 0 ? (byte)random.Next(4) : input[i - period];
            }

            var compressed = CompressionCodecs.Compress(kind, input);
            if (iteration % 2 == 1)
            {
                compressed[random.Next(compressed.Length)] ^= (byte)(1 << random.Next(8));
            }

            var guarded = new byte[length + 64];
            guarded.AsSpan().Fill(0xCC);
            var window = guarded.AsSpan(32, length);
            try
            {
                CompressionCodecs.Decompress(kind, compressed, window);
            }
            catch (CorruptFileException)
            {
            }

            Assert.True(guarded.AsSpan(0, 32).IndexOfAnyExcept((byte)0xCC) < 0, $"{kind}: wrote before the destination");
            Assert.True(guarded.AsSpan(32 + length).IndexOfAnyExcept((byte)0xCC) < 0, $"{kind}: wrote past the destination");
        }
    }

    [Fact]
    public void HugeDeclaredLengthsDoNotAllocate()
    {
        // Snappy varint claiming 4 GB, LZ4 frame content size of 2^60: rejected against the expected size.
        byte[] snappy = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0];
        Assert.Throws<CorruptFileException>(() => CompressionCodecs.Decompress(CompressionKind.Snappy, snappy, new byte[16]));
        byte[] literal = [16, 0xFC, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2];
        Assert.Throws<CorruptFileException>(() => CompressionCodecs.Decompress(CompressionKind.Snappy, literal, new byte[16]));
        byte[] lz4Lengths = [0xF0, .. Enumerable.Repeat((byte)255, 10_000), 1];
        Assert.Throws<CorruptFileException>(() => CompressionCodecs.Decompress(CompressionKind.Lz4Raw, lz4Lengths, new byte[16]));
    }
}
