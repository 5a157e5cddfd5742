using Lakehouse.Arrow.Compression;

using Xunit;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>Cross-checks our snappy codec with IronSnappy (an independent implementation, used only here).</summary>
public class SnappyInteropTests
{
    [Theory]
    [InlineData("small-text")]
    [InlineData("runs")]
    [InlineData("columnar")]
    [InlineData("random")]
    [InlineData("text-1mb")]
    [InlineData("mixed-4mb")]
    [InlineData("one")]
    public void BothDirectionsAgree(string shape)
    {
        var input = CodecTestData.Create(shape);

        var ours = CompressionCodecs.Compress(CompressionKind.Snappy, input);
        Assert.Equal(input, IronSnappy.Snappy.Decode(ours));

        var theirs = IronSnappy.Snappy.Encode(input);
        Assert.Equal(input.Length, Snappy.GetUncompressedLength(theirs));
        Assert.Equal(input, CompressionCodecs.Decompress(CompressionKind.Snappy, theirs, input.Length));
    }

    [Fact]
    public void HandWrittenElementsDecode()
    {
        // varint 9; literal "abc"; 1-byte-offset copy (len 4, offset 3); 2-byte-offset copy (len 2, offset 1).
        byte[] block = [9, 2 << 2, (byte)'a', (byte)'b', (byte)'c', 0x01, 3, 2 | (1 << 2), 1, 0];
        Assert.Equal("abcabcaaa"u8.ToArray(), CompressionCodecs.Decompress(CompressionKind.Snappy, block, 9));
    }
}
