using Lakehouse.Arrow.Compression;

using Xunit;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>Cross-checks gzip, deflate and brotli with node's zlib (a different zlib/brotli build than .NET's).</summary>
public class GzipBrotliInteropTests
{
    [SkippableTheory]
    [InlineData(CompressionKind.Gzip, "z.gzipSync(b)", "z.gunzipSync(b)", "text-1mb")]
    [InlineData(CompressionKind.Deflate, "z.deflateRawSync(b)", "z.inflateRawSync(b)", "text-1mb")]
    [InlineData(CompressionKind.Brotli, "z.brotliCompressSync(b)", "z.brotliDecompressSync(b)", "text-1mb")]
    [InlineData(CompressionKind.Gzip, "z.gzipSync(b)", "z.gunzipSync(b)", "empty")]
    [InlineData(CompressionKind.Deflate, "z.deflateRawSync(b)", "z.inflateRawSync(b)", "empty")]
    [InlineData(CompressionKind.Brotli, "z.brotliCompressSync(b)", "z.brotliDecompressSync(b)", "empty")]
    [InlineData(CompressionKind.Gzip, "z.gzipSync(b)", "z.gunzipSync(b)", "random")]
    public void BothDirectionsAgree(CompressionKind kind, string compress, string decompress, string shape)
    {
        var input = CodecTestData.Create(shape);
        var theirs = ExternalTool.Node(compress, input);
        Assert.Equal(input, CompressionCodecs.Decompress(kind, theirs, input.Length));
        var ours = CompressionCodecs.Compress(kind, input);
        Assert.Equal(input, ExternalTool.Node(decompress, ours));
    }

    [SkippableFact]
    public void GzipReadsSeveralMembers()
    {
        var a = CodecTestData.Create("text-1mb");
        var b = CodecTestData.Create("columnar");
        var joined = ExternalTool.Node("z.gzipSync(b)", a).Concat(CompressionCodecs.Compress(CompressionKind.Gzip, b)).ToArray();
        Assert.Equal(a.Concat(b).ToArray(), CompressionCodecs.Decompress(CompressionKind.Gzip, joined, a.Length + b.Length));
    }
}
