using Lakehouse.Arrow.Compression;

using Xunit;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>Cross-checks our zstd binding with the zstd command-line tool.</summary>
public class ZstdInteropTests
{
    [SkippableTheory]
    [InlineData("small-text")]
    [InlineData("text-1mb")]
    [InlineData("random")]
    [InlineData("empty")]
    public void WeDecompressWhatTheToolWrites(string shape)
    {
        var input = CodecTestData.Create(shape);

        // From stdin the tool writes frames without a content size.
        var compressed = ExternalTool.Filter("zstd", input, "-q", "-c", "-19");
        Assert.Equal(input, CompressionCodecs.Decompress(CompressionKind.Zstd, compressed, input.Length));
    }

    [SkippableFact]
    public void WeDecompressConcatenatedFramesAndSkippableFrames()
    {
        var a = CodecTestData.Create("text-1mb");
        var b = CodecTestData.Create("columnar");
        var frameA = ExternalTool.Filter("zstd", a, "-q", "-c");
        var frameB = CompressionCodecs.Compress(CompressionKind.Zstd, b);
        byte[] skippable = [0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 1, 2, 3];
        var joined = frameA.Concat(skippable).Concat(frameB).ToArray();
        var output = CompressionCodecs.Decompress(CompressionKind.Zstd, joined, a.Length + b.Length);
        Assert.Equal(a.Concat(b).ToArray(), output);
    }

    [SkippableTheory]
    [InlineData("text-1mb", null)]
    [InlineData("mixed-4mb", 1)]
    [InlineData("one", 22)]
    public void TheToolDecompressesWhatWeWrite(string shape, int? level)
    {
        var input = CodecTestData.Create(shape);
        var compressed = CompressionCodecs.Compress(CompressionKind.Zstd, input, level);
        Assert.Equal(input, ExternalTool.Filter("zstd", compressed, "-q", "-d", "-c"));
    }

    [Fact]
    public void ErrorsNameTheZstdProblem()
    {
        var compressed = CompressionCodecs.Compress(CompressionKind.Zstd, CodecTestData.Create("text-1mb"));
        var e = Assert.Throws<CorruptFileException>(() => CompressionCodecs.Decompress(CompressionKind.Zstd, compressed.AsSpan(0, compressed.Length / 2), new byte[1 << 20]));
        Assert.Contains("zstd", e.Message, StringComparison.Ordinal);
        var tooLong = Assert.Throws<CorruptFileException>(() => CompressionCodecs.Decompress(CompressionKind.Zstd, compressed, new byte[1000]));
        Assert.Contains("Destination buffer is too small", tooLong.Message, StringComparison.Ordinal);
    }
}
