using Lakehouse.Arrow;
using Lakehouse.Avro.Container;
using Lakehouse.Avro.Generic;
using Lakehouse.Avro.Schema;

using Xunit;

namespace Lakehouse.Avro.Tests;

public class ContainerFileTests
{
    internal static byte[] Write(RecordSchema schema, IEnumerable<object?> records, AvroFileWriterOptions options)
    {
        using var ms = new MemoryStream();
        using (var writer = new AvroFileWriter(ms, schema, options with { LeaveOpen = true }))
        {
            foreach (var r in records)
            {
                writer.Append(r);
            }
        }

        return ms.ToArray();
    }

    [SkippableTheory]
    [InlineData(AvroCodec.Null)]
    [InlineData(AvroCodec.Deflate)]
    [InlineData(AvroCodec.Snappy)]
    [InlineData(AvroCodec.Zstandard)]
    public void RoundTripsWithEveryCodec(AvroCodec codec)
    {
        CodecSupport.Require(codec);
        var schema = TestValues.Everything;
        var records = TestValues.Records(schema, 500, seed: 3);
        var options = new AvroFileWriterOptions
        {
            Codec = codec,
            BlockSize = 4096,
            Metadata = [new("format-version", "2"), new("content", "data"), new("schema", """{"type":"struct"}""")],
            BinaryMetadata = [new("binary", [0, 1, 255])],
        };
        var bytes = Write(schema, records, options);
        var reader = AvroFileReader.Open(bytes, "round-trip.avro");
        Assert.Equal(codec, reader.Codec);
        Assert.Equal("2", reader.GetMetadataString("format-version"));
        Assert.Equal("data", reader.GetMetadataString("content"));
        Assert.Equal("""{"type":"struct"}""", reader.GetMetadataString("schema"));
        Assert.Equal(new byte[] { 0, 1, 255 }, reader.Metadata["binary"]);
        Assert.Equal(schema.ToJson(), reader.Schema.ToJson());
        var blocks = reader.ReadBlocks().Count();
        Assert.True(blocks > 5, $"expected several blocks, got {blocks}");
        Assert.Equal(500, reader.CountObjects());
        var read = reader.ReadAll();
        Assert.Equal(records.Count, read.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(Plain.ToJson(records[i]), Plain.ToJson(read[i]));
        }
    }

    [Fact]
    public void EmptyFileHasHeaderOnly()
    {
        var bytes = Write(TestValues.Everything, [], new AvroFileWriterOptions { Codec = AvroCodec.Deflate });
        var reader = AvroFileReader.Open(bytes);
        Assert.Equal(bytes.Length, reader.HeaderLength);
        Assert.Empty(reader.ReadAll());
    }

    [Fact]
    public void SyncMarkerIsFixedWhenGivenAndVerified()
    {
        var sync = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        var schema = TestValues.Everything;
        var options = new AvroFileWriterOptions { Codec = AvroCodec.Null, SyncMarker = sync, BlockSize = 1000 };
        var a = Write(schema, TestValues.Records(schema, 50, 4), options);
        var b = Write(schema, TestValues.Records(schema, 50, 4), options);
        Assert.Equal(a, b);
        Assert.Equal(sync, AvroFileReader.Open(a).SyncMarker.ToArray());

        // Damage the sync marker after the first block.
        var reader = AvroFileReader.Open(a);
        var firstBlock = reader.ReadBlocks().First();
        var syncAt = (int)firstBlock.FileOffset + firstBlock.Data.Length;
        var damaged = (byte[])a.Clone();
        damaged[syncAt + 3] ^= 0xFF;
        var ex = Assert.Throws<CorruptFileException>(() => AvroFileReader.Open(damaged, "damaged.avro").ReadAll());
        Assert.Contains("sync marker", ex.Message, StringComparison.Ordinal);
        Assert.Equal(syncAt, ex.Offset);
    }

    [Fact]
    public void ReaderSchemaResolvesWholeFiles()
    {
        var schema = TestValues.Everything;
        var bytes = Write(schema, TestValues.Records(schema, 20, 5), new AvroFileWriterOptions());
        var projection = AvroSchema.Parse("""
            {"type":"record","name":"P","fields":[
              {"name":"i","type":"double"},
              {"name":"s","type":"bytes"},
              {"name":"extra","type":"string","default":"none"}]}
            """);
        var records = AvroFileReader.Open(bytes).ReadRecords(projection).ToList();
        Assert.Equal(20, records.Count);
        Assert.All(records, r => Assert.Equal("none", r["extra"]));
        Assert.IsType<double>(records[3]["i"]);
        Assert.IsType<byte[]>(records[3]["s"]);
    }

    [Fact]
    public void FailedAppendLeavesTheFileValid()
    {
        var schema = TestValues.Everything;
        var good = TestValues.Records(schema, 3, 6);
        using var ms = new MemoryStream();
        using (var writer = new AvroFileWriter(ms, schema, new AvroFileWriterOptions { LeaveOpen = true }))
        {
            writer.Append(good[0]);
            var bad = TestValues.Records(schema, 1, 7)[0];
            bad["uuid"] = 12;
            Assert.Throws<AvroSchemaException>(() => writer.Append(bad));
            writer.Append(good[1]);
            Assert.Equal(2, writer.Count);
        }

        var read = AvroFileReader.Open(ms.ToArray()).ReadAll();
        Assert.Equal(2, read.Count);
        Assert.Equal(Plain.ToJson(good[1]), Plain.ToJson(read[1]));
    }

    [Fact]
    public async Task WritesAsynchronously()
    {
        var schema = TestValues.Everything;
        var records = TestValues.Records(schema, 100, 9);
        using var ms = new MemoryStream();
        await using (var writer = new AvroFileWriter(ms, schema, new AvroFileWriterOptions { BlockSize = 2000, LeaveOpen = true }))
        {
            foreach (var r in records)
            {
                await writer.AppendAsync(r);
            }

            await writer.FinishAsync();
            Assert.Equal(ms.Length, writer.BytesWritten);
        }

        var read = AvroFileReader.Open(ms.ToArray()).ReadAll();
        Assert.Equal(Plain.ToJson(records), Plain.ToJson(read));
    }

    [Fact]
    public async Task OpensFromStreams()
    {
        var schema = TestValues.Everything;
        var bytes = Write(schema, TestValues.Records(schema, 10, 8), new AvroFileWriterOptions());
        using var stream = new MemoryStream(bytes);
        var reader = await AvroFileReader.OpenAsync(stream, "stream");
        Assert.Equal(10, reader.CountObjects());
    }

    [Fact]
    public void UnsupportedCodecAndBadHeadersAreCorrupt()
    {
        var bytes = Write(TestValues.Everything, [], new AvroFileWriterOptions { Codec = AvroCodec.Null });
        var xz = System.Text.Encoding.ASCII.GetBytes("null").AsSpan();
        var at = bytes.AsSpan().IndexOf(xz);
        var patched = (byte[])bytes.Clone();
        "xz\0\0"u8.CopyTo(patched.AsSpan(at));
        Assert.Throws<CorruptFileException>(() => AvroFileReader.Open(patched));
        Assert.Throws<CorruptFileException>(() => AvroFileReader.Open(new byte[] { (byte)'O', (byte)'b', (byte)'j', 2 }));
        Assert.Throws<CorruptFileException>(() => AvroFileReader.Open(Array.Empty<byte>()));
    }

    [Fact]
    public void ZstdFramesWithoutContentSizeAreRead()
    {
        // Streaming zstd writers (Java's) omit the frame content size. Hand-made frame: magic, descriptor 0
        // (no content size, not single-segment), window descriptor, one raw last block holding the data.
        var values = new long[] { 1, -2, 300, long.MaxValue };
        var raw = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var v in values)
        {
            new Lakehouse.Avro.Binary.AvroEncoder(raw).WriteLong(v);
        }

        var frame = new List<byte> { 0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x50 };
        var blockHeader = (raw.WrittenCount << 3) | 1; // raw block, last
        frame.AddRange([(byte)blockHeader, (byte)(blockHeader >> 8), (byte)(blockHeader >> 16)]);
        frame.AddRange(raw.WrittenSpan.ToArray());

        var file = new System.Buffers.ArrayBufferWriter<byte>();
        var e = new Lakehouse.Avro.Binary.AvroEncoder(file);
        var sync = new byte[16];
        sync[3] = 7;
        e.WriteFixed(AvroContainer.Magic);
        e.WriteBlockCount(2);
        e.WriteString("avro.schema");
        e.WriteBytes("\"long\""u8);
        e.WriteString("avro.codec");
        e.WriteBytes("zstandard"u8);
        e.WriteBlockEnd();
        e.WriteFixed(sync);
        e.WriteLong(values.Length);
        e.WriteLong(frame.Count);
        e.WriteFixed(frame.ToArray());
        e.WriteFixed(sync);

        var read = AvroFileReader.Open(file.WrittenMemory, "hand-made.avro").ReadAll();
        Assert.Equal(values.Select(v => (object?)v), read);

        // A frame cut short (block header claims more than remains) is corrupt.
        var cut = file.WrittenSpan.ToArray();
        var frameStart = cut.Length - 16 - frame.Count;
        var shortFile = cut[..(frameStart + frame.Count - 2)].Concat(sync).ToArray();
        var sizeAt = frameStart - 1; // the block size varint (a single byte here) precedes the frame
        shortFile[sizeAt] = (byte)((frame.Count - 2) << 1);
        Assert.Throws<CorruptFileException>(() => AvroFileReader.Open(shortFile).ReadAll());
    }
}
