using Lakehouse.Arrow;
using Lakehouse.Avro.Container;
using Lakehouse.Testing;

using Xunit;

namespace Lakehouse.Avro.Tests;

/// <summary>
/// Damaged container files must fail with <see cref="CorruptFileException"/> (or read fine when the damage
/// happens to keep them valid): never another exception, a hang, or a huge allocation.
/// </summary>
public class CorruptionTests
{
    private static byte[] BaseFile(AvroCodec codec)
    {
        var schema = TestValues.Everything;
        return ContainerFileTests.Write(schema, TestValues.Records(schema, 60, 11), new AvroFileWriterOptions
        {
            Codec = codec,
            BlockSize = 700,
            Metadata = [new("iceberg.schema", "{}")],
            SyncMarker = Enumerable.Range(100, 16).Select(i => (byte)i).ToArray(),
        });
    }

    /// <summary>Reads everything; returns false when the file was reported corrupt.</summary>
    private static bool ReadFully(byte[] data)
    {
        try
        {
            var reader = AvroFileReader.Open(data, "mutant.avro");
            foreach (var value in reader.Read())
            {
                GC.KeepAlive(value);
            }

            return true;
        }
        catch (CorruptFileException e)
        {
            Assert.NotNull(e.Message);
            return false;
        }
    }

    [Theory]
    [InlineData(AvroCodec.Null)]
    [InlineData(AvroCodec.Deflate)]
    public void EveryTruncationIsCorrupt(AvroCodec codec)
    {
        var data = BaseFile(codec);
        Assert.True(ReadFully(data));
        var header = AvroFileReader.Open(data).HeaderLength;
        for (var length = 0; length < data.Length; length++)
        {
            var ok = ReadFully(data[..length]);

            // Cutting exactly at a block boundary leaves a valid, shorter file; anywhere else is corrupt.
            if (ok)
            {
                Assert.True(length >= header, $"truncated at {length} inside the header yet read fine");
            }
        }
    }

    [Theory]
    [InlineData(AvroCodec.Null, 1)]
    [InlineData(AvroCodec.Deflate, 2)]
    public void SeededMutationsNeverCrash(AvroCodec codec, int seed)
    {
        var original = BaseFile(codec);
        var rng = new Random(seed);
        var corrupt = 0;
        const int Mutations = 2500;
        for (var i = 0; i < Mutations; i++)
        {
            var data = Mutate(original, rng);
            if (!ReadFully(data))
            {
                corrupt++;
            }
        }

        // Most mutations of a null-codec file land in values and may stay decodable; many must be caught.
        Assert.True(corrupt > Mutations / 10, $"only {corrupt} of {Mutations} mutations were detected");
    }

    [SkippableTheory]
    [InlineData(AvroCodec.Snappy)]
    [InlineData(AvroCodec.Zstandard)]
    public void MutatedCompressedBlocksAreCorrupt(AvroCodec codec)
    {
        CodecSupport.Require(codec);
        var original = BaseFile(codec);
        var rng = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            ReadFully(Mutate(original, rng));
        }

        // A single flipped bit inside a snappy block's data is caught by its CRC (or the decoder).
        if (codec == AvroCodec.Snappy)
        {
            var reader = AvroFileReader.Open(original);
            var offset = reader.HeaderLength + 4;
            var flipped = (byte[])original.Clone();
            flipped[offset + 2] ^= 0x01;
            Assert.False(ReadFully(flipped));
        }
    }

    [SkippableFact]
    public void MutatedIcebergManifestsAreCorrupt()
    {
        var root = SharedFixtures.RequireRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "iceberg"), "*.avro", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(12).ToList();
        Skip.If(files.Count == 0, "no Iceberg Avro files in the shared fixtures");
        var rng = new Random(5);
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            for (var i = 0; i < 150; i++)
            {
                ReadFully(Mutate(original, rng));
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random rng)
    {
        var data = (byte[])original.Clone();
        switch (rng.Next(5))
        {
            case 0: // flip a few bits
                for (var k = rng.Next(1, 4); k > 0; k--)
                {
                    data[rng.Next(data.Length)] ^= (byte)(1 << rng.Next(8));
                }

                return data;
            case 1: // overwrite bytes with random values (varints become huge or negative)
                for (var k = rng.Next(1, 6); k > 0; k--)
                {
                    data[rng.Next(data.Length)] = (byte)rng.Next(256);
                }

                return data;
            case 2: // a run of 0xFF (overlong varints)
                var at = rng.Next(data.Length);
                for (var k = at; k < Math.Min(data.Length, at + rng.Next(2, 12)); k++)
                {
                    data[k] = 0xFF;
                }

                return data;
            case 3: // truncate
                return data[..rng.Next(data.Length)];
            default: // delete a span
                var start = rng.Next(data.Length);
                var len = rng.Next(1, Math.Min(64, data.Length - start) + 1);
                return [.. data[..start], .. data[(start + len)..]];
        }
    }

    [Fact]
    public void DecompressionIsBoundedByTheReaderLimit()
    {
        // 2 MB of zero-valued longs deflate to a few KB; a reader limited to 256 KB refuses the block.
        var schema = (Lakehouse.Avro.Schema.RecordSchema)Lakehouse.Avro.Schema.AvroSchema.Parse("""{"type":"record","name":"z","fields":[{"name":"v","type":"long"}]}""");
        var records = Enumerable.Range(0, 2 << 20).Select(_ => (object?)new Lakehouse.Avro.Generic.AvroRecord(schema) { ["v"] = 0L });
        var bytes = ContainerFileTests.Write(schema, records, new AvroFileWriterOptions { Codec = AvroCodec.Deflate, BlockSize = 4 << 20 });
        Assert.True(bytes.Length < 64 << 10, $"{bytes.Length} bytes");
        var limited = new AvroFileReaderOptions { MaxBlockLength = 256 << 10 };
        var ex = Assert.Throws<CorruptFileException>(() => AvroFileReader.Open(bytes, "bomb.avro", limited).CountObjects());
        Assert.Contains("expands beyond", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2 << 20, AvroFileReader.Open(bytes).CountObjects());
    }
}
