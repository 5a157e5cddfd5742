using System.Buffers.Binary;

using Lakehouse.Arrow.Compression;

using Xunit;

namespace Lakehouse.Arrow.Tests.Compression;

/// <summary>Cross-checks our LZ4 block, frame and Hadoop codecs with the lz4 command-line tool (the reference implementation).</summary>
public class Lz4InteropTests
{
    public static TheoryData<string, string> ToolOptions() => new()
    {
        { "text-1mb", "-1" },
        { "text-1mb", "-BD" },
        { "text-1mb", "-BD -B4 -BX --content-size" },
        { "mixed-4mb", "-B5 -BX" },
        { "mixed-4mb", "-9 -BD --no-frame-crc" },
        { "random", "-B4 --content-size" },
        { "columnar", "--no-frame-crc -B4" },
        { "empty", "" },
        { "one", "--content-size" },
        { "small-text", "-12 -BX" },
    };

    [SkippableTheory]
    [MemberData(nameof(ToolOptions))]
    public void WeDecompressWhatTheToolWrites(string shape, string options)
    {
        var input = CodecTestData.Create(shape);
        var args = new List<string> { "-q", "-c", "-z" };
        args.AddRange(options.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var frame = ExternalTool.Filter("lz4", input, [.. args]);
        Assert.Equal(input, CompressionCodecs.Decompress(CompressionKind.Lz4Frame, frame, input.Length));
    }

    [SkippableTheory]
    [InlineData("text-1mb")]
    [InlineData("mixed-4mb")]
    [InlineData("random")]
    [InlineData("empty")]
    [InlineData("small-text")]
    public void TheToolDecompressesWhatWeWrite(string shape)
    {
        var input = CodecTestData.Create(shape);
        var frame = CompressionCodecs.Compress(CompressionKind.Lz4Frame, input);
        Assert.Equal(input, ExternalTool.Filter("lz4", frame, "-q", "-d", "-c"));
    }

    [SkippableFact]
    public void WeDecompressConcatenatedAndSkippableFrames()
    {
        var a = CodecTestData.Create("text-1mb");
        var b = CodecTestData.Create("small-text");
        byte[] skippable = [0x5F, 0x2A, 0x4D, 0x18, 2, 0, 0, 0, 9, 9];
        var joined = ExternalTool.Filter("lz4", a, "-q", "-c", "-z", "-BD")
            .Concat(skippable)
            .Concat(CompressionCodecs.Compress(CompressionKind.Lz4Frame, b))
            .ToArray();
        Assert.Equal(a.Concat(b).ToArray(), CompressionCodecs.Decompress(CompressionKind.Lz4Frame, joined, a.Length + b.Length));
    }

    [SkippableTheory]
    [InlineData("text-1mb")]
    [InlineData("columnar")]
    [InlineData("small-text")]
    public void RawBlocksFromTheToolDecompressAndHadoopFramingAroundThemToo(string shape)
    {
        var input = CodecTestData.Create(shape);

        // Independent 64 KiB blocks, no checksums: each compressed block in the frame is a raw LZ4 block.
        var frame = ExternalTool.Filter("lz4", input, "-q", "-c", "-z", "-B4", "-BI", "--no-frame-crc");
        var blocks = FrameBlocks(frame);
        var hadoop = new List<byte>();
        var position = 0;
        foreach (var (block, stored) in blocks)
        {
            var length = Math.Min(64 * 1024, input.Length - position);
            if (!stored)
            {
                var output = new byte[length];
                Lz4Block.Decompress(block, output);
                Assert.True(input.AsSpan(position, length).SequenceEqual(output));
                hadoop.AddRange(BigEndian(length));
                hadoop.AddRange(BigEndian(block.Length));
                hadoop.AddRange(block);
            }
            else
            {
                var compressed = CompressionCodecs.Compress(CompressionKind.Lz4Raw, block);
                hadoop.AddRange(BigEndian(length));
                hadoop.AddRange(BigEndian(compressed.Length));
                hadoop.AddRange(compressed);
            }

            position += length;
        }

        Assert.Equal(input, CompressionCodecs.Decompress(CompressionKind.Lz4Hadoop, hadoop.ToArray(), input.Length));
    }

    [SkippableFact]
    public void RawBlocksWeWriteDecompressWithTheToolInsideAFrame()
    {
        var input = CodecTestData.Create("columnar").AsSpan(0, 60_000).ToArray();
        var block = CompressionCodecs.Compress(CompressionKind.Lz4Raw, input);

        // Hand-build a minimal frame (independent blocks, 64 KiB maximum, no checksums) around our block.
        var frame = new List<byte> { 0x04, 0x22, 0x4D, 0x18, 0x60, 0x40 };
        frame.Add((byte)(XxHash32.Hash(frame.ToArray().AsSpan(4, 2)) >> 8));
        frame.AddRange(LittleEndian(block.Length));
        frame.AddRange(block);
        frame.AddRange(LittleEndian(0));
        Assert.Equal(input, ExternalTool.Filter("lz4", frame.ToArray(), "-q", "-d", "-c"));
    }

    [SkippableTheory]
    [InlineData("-BD -BX -B4")]
    [InlineData("-BI --content-size -B4")]
    public void FlippedBitsInToolFramesAreCaughtByTheirChecksums(string options)
    {
        var input = CodecTestData.Create("text-1mb").AsSpan(0, 200_000).ToArray();
        var args = new List<string> { "-q", "-c", "-z" };
        args.AddRange(options.Split(' '));
        var frame = ExternalTool.Filter("lz4", input, [.. args]);
        var random = new Random(29);
        var output = new byte[input.Length];
        for (var i = 0; i < 300; i++)
        {
            var mutated = (byte[])frame.Clone();
            mutated[random.Next(mutated.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                CompressionCodecs.Decompress(CompressionKind.Lz4Frame, mutated, output);
                Assert.True(output.AsSpan().SequenceEqual(input), "a flipped bit went unnoticed and changed the output");
            }
            catch (CorruptFileException)
            {
            }
        }
    }

    [Fact]
    public void HadoopReadingFallsBackToARawBlock()
    {
        var input = CodecTestData.Create("text-1mb");
        var raw = CompressionCodecs.Compress(CompressionKind.Lz4Raw, input);
        Assert.Equal(input, CompressionCodecs.Decompress(CompressionKind.Lz4Hadoop, raw, input.Length));
    }

    [Fact]
    public void HadoopFramingHasBigEndianSizesPerChunk()
    {
        var input = CodecTestData.Create("text-1mb");
        var framed = CompressionCodecs.Compress(CompressionKind.Lz4Hadoop, input);
        Assert.Equal(128 * 1024, BinaryPrimitives.ReadInt32BigEndian(framed));
        var compressedLength = BinaryPrimitives.ReadInt32BigEndian(framed.AsSpan(4));
        var first = new byte[128 * 1024];
        Lz4Block.Decompress(framed.AsSpan(8, compressedLength), first);
        Assert.True(input.AsSpan(0, first.Length).SequenceEqual(first));
        Assert.True(Lz4Hadoop.TryDecompressHadoop(framed, new byte[input.Length], out _));
    }

    private static List<(byte[] Block, bool Stored)> FrameBlocks(byte[] frame)
    {
        var flg = frame[4];
        Assert.Equal(0, flg & 0x18);
        var ip = 7;
        var blocks = new List<(byte[], bool)>();
        while (true)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(frame.AsSpan(ip));
            ip += 4;
            if (size == 0)
            {
                return blocks;
            }

            var length = (int)(size & 0x7FFFFFFF);
            blocks.Add((frame.AsSpan(ip, length).ToArray(), (size & 0x80000000) != 0));
            ip += length;
        }
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] LittleEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }
}
