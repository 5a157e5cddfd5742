using Lakehouse.Arrow.Compression;
using Lakehouse.Avro.Container;

using Xunit;

namespace Lakehouse.Avro.Tests;

/// <summary>Skips tests of codecs whose shared implementation (Lakehouse.Arrow.Compression) is not there yet.</summary>
internal static class CodecSupport
{
    public static void Require(AvroCodec codec)
    {
        var kind = codec switch
        {
            AvroCodec.Snappy => CompressionKind.Snappy,
            AvroCodec.Zstandard => CompressionKind.Zstd,
            _ => CompressionKind.None,
        };
        if (kind == CompressionKind.None)
        {
            return;
        }

        var available = true;
        try
        {
            var src = new byte[] { 1, 2, 3, 4 };
            var dst = new byte[CompressionCodecs.MaxCompressedLength(kind, src.Length)];
            var n = CompressionCodecs.Compress(kind, src, dst);
            CompressionCodecs.Decompress(kind, dst.AsSpan(0, n), new byte[4]);
        }
        catch (NotImplementedException)
        {
            available = false;
        }

        Skip.If(!available, $"{kind} is not implemented in Lakehouse.Arrow.Compression yet");
    }
}
