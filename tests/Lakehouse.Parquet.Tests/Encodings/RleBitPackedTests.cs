using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;
using Lakehouse.Parquet.Encodings;
using Xunit;

namespace Lakehouse.Parquet.Tests.Encodings;

public class RleBitPackedTests
{
    [Fact]
    public void DecodesTheSpecBitPackedExample()
    {
        // Encodings.md: 0..7 with bit width 3 pack to 10001000 11000110 11111010; header = (1 group << 1) | 1.
        byte[] data = [0x03, 0x88, 0xC6, 0xFA];
        var d = new RleBitPackedDecoder(data, 3);
        var values = new int[8];
        d.ReadExactly(values, "test");
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], values);
    }

    [Fact]
    public void DecodesAnRleRun()
    {
        byte[] data = [0x10, 0x05, 0x03, 0x88, 0xC6, 0xFA];
        var d = new RleBitPackedDecoder(data, 3);
        var values = new int[16];
        d.ReadExactly(values, "test");
        Assert.Equal([5, 5, 5, 5, 5, 5, 5, 5, 0, 1, 2, 3, 4, 5, 6, 7], values);
    }

    [Fact]
    public void EncodesRunsAndPackedGroups()
    {
        var b = new BufferBuilder();
        RleBitPackedEncoder.Encode([5, 5, 5, 5, 5, 5, 5, 5, 0, 1, 2, 3, 4, 5, 6, 7], 3, b);
        Assert.Equal(new byte[] { 0x10, 0x05, 0x03, 0x88, 0xC6, 0xFA }, b.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(13)]
    [InlineData(20)]
    [InlineData(32)]
    public void RoundTripsRandomValues(int bitWidth)
    {
        var rng = new Random(42 + bitWidth);
        var values = new int[5003];
        for (var i = 0; i < values.Length; i++)
        {
            var v = bitWidth == 0 ? 0 : (int)(rng.NextInt64() & (bitWidth == 32 ? uint.MaxValue : (1L << bitWidth) - 1));
            values[i] = rng.Next(4) == 0 && i > 0 ? values[i - 1] : v;
            if (i % 500 < 40 && i > 0)
            {
                values[i] = values[i - 1];
            }
        }

        var b = new BufferBuilder();
        RleBitPackedEncoder.Encode(values, bitWidth, b);
        var d = new RleBitPackedDecoder(b.WrittenSpan, bitWidth);
        var decoded = new int[values.Length];

        // Read in uneven chunks to exercise resuming inside runs and groups.
        var pos = 0;
        var chunk = 1;
        while (pos < decoded.Length)
        {
            var n = Math.Min(chunk, decoded.Length - pos);
            Assert.Equal(n, d.Read(decoded.AsSpan(pos, n)));
            pos += n;
            chunk = (chunk * 3 % 37) + 1;
        }

        Assert.Equal(values, decoded);
    }

    [Fact]
    public void TruncatedRunValueIsCorrupt()
    {
        byte[] data = [0x10];
        Assert.Throws<CorruptFileException>(() =>
        {
            var d = new RleBitPackedDecoder(data, 9);
            d.ReadExactly(new int[8], "test");
        });
    }
}
