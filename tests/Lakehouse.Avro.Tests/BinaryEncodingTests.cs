using System.Buffers;

using Lakehouse.Arrow;
using Lakehouse.Avro.Binary;
using Lakehouse.Avro.Generic;
using Lakehouse.Avro.Schema;

using Xunit;

namespace Lakehouse.Avro.Tests;

public class BinaryEncodingTests
{
    // The specification's zig-zag table.
    [Theory]
    [InlineData(0L, new byte[] { 0x00 })]
    [InlineData(-1L, new byte[] { 0x01 })]
    [InlineData(1L, new byte[] { 0x02 })]
    [InlineData(-2L, new byte[] { 0x03 })]
    [InlineData(2L, new byte[] { 0x04 })]
    [InlineData(-64L, new byte[] { 0x7f })]
    [InlineData(64L, new byte[] { 0x80, 0x01 })]
    [InlineData(long.MaxValue, new byte[] { 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 })]
    [InlineData(long.MinValue, new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 })]
    public void ZigZagLongMatchesSpecification(long value, byte[] encoded)
    {
        var w = new ArrayBufferWriter<byte>();
        new AvroEncoder(w).WriteLong(value);
        Assert.Equal(encoded, w.WrittenSpan.ToArray());
        Assert.Equal(encoded.Length, AvroEncoder.VarLongLength(value));
        var r = new AvroReader(encoded);
        Assert.Equal(value, r.ReadLong());
        Assert.True(r.IsAtEnd);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(63)]
    [InlineData(-64)]
    [InlineData(8191)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void IntsRoundTrip(int value)
    {
        var w = new ArrayBufferWriter<byte>();
        new AvroEncoder(w).WriteInt(value);
        var r = new AvroReader(w.WrittenSpan);
        Assert.Equal(value, r.ReadInt());
        Assert.True(r.IsAtEnd);
    }

    [Fact]
    public void SpecificationExamples()
    {
        // "foo" -> 06 66 6f 6f; record {a: long 27, b: "foo"} -> 36 06 66 6f 6f; array [3, 27] -> 04 06 36 00;
        // union ["null","string"] "a" -> 02 02 61, null -> 00.
        Assert.Equal(new byte[] { 0x06, 0x66, 0x6f, 0x6f }, Encode(AvroSchema.String, "foo"));
        var rec = (RecordSchema)AvroSchema.Parse("""{"type":"record","name":"test","fields":[{"name":"a","type":"long"},{"name":"b","type":"string"}]}""");
        var value = new AvroRecord(rec) { ["a"] = 27L, ["b"] = "foo" };
        Assert.Equal(new byte[] { 0x36, 0x06, 0x66, 0x6f, 0x6f }, Encode(rec, value));
        Assert.Equal(new byte[] { 0x04, 0x06, 0x36, 0x00 }, Encode(AvroSchema.Parse("""{"type":"array","items":"long"}"""), new List<object?> { 3L, 27L }));
        var union = AvroSchema.Parse("""["null","string"]""");
        Assert.Equal(new byte[] { 0x02, 0x02, 0x61 }, Encode(union, "a"));
        Assert.Equal(new byte[] { 0x00 }, Encode(union, null));
    }

    [Fact]
    public void OverlongVarintsAreRejected()
    {
        var eleven = new byte[] { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
        Assert.Throws<CorruptFileException>(() => new AvroReader(eleven).ReadLong());
        // Bits beyond 64 in the tenth byte are dropped, as Java's decoder does (a DuckDB fixture encodes the
        // out-of-range snapshot id 9876543210123456789 this way).
        var tenthHighBits = new byte[] { 171, 196, 163, 131, 150, 238, 195, 144, 146, 2 };
        Assert.Equal(-653171173268680982L, new AvroReader(tenthHighBits).ReadLong());
        var intHighBits = new byte[] { 0xfe, 0xff, 0xff, 0xff, 0x1f };
        Assert.Equal(int.MaxValue, new AvroReader(intHighBits).ReadInt());
        var sixByteInt = new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 };
        Assert.Throws<CorruptFileException>(() => new AvroReader(sixByteInt).ReadInt());
        Assert.Throws<CorruptFileException>(() => new AvroReader(new byte[] { 0x80, 0x80 }).ReadLong());
        Assert.Throws<CorruptFileException>(() => new AvroReader([]).ReadInt());
    }

    [Fact]
    public void LengthsAreCheckedAgainstRemainingBytes()
    {
        // bytes of length 1,000,000,000 with 2 bytes following: rejected before any allocation.
        var w = new ArrayBufferWriter<byte>();
        new AvroEncoder(w).WriteLong(1_000_000_000);
        w.Write(new byte[] { 1, 2 });
        var ex = Assert.Throws<CorruptFileException>(() => new AvroReader(w.WrittenSpan, "x.avro", 100).ReadBytes());
        Assert.Equal(100, ex.Offset);
        Assert.Equal("x.avro", ex.Source);
        Assert.Throws<CorruptFileException>(() => new AvroReader(new byte[] { 0x01 }).ReadBytes()); // length -1
        Assert.Throws<CorruptFileException>(() => new AvroReader(new byte[] { 0x02 }).ReadBoolean());
        Assert.Throws<CorruptFileException>(() => new AvroReader(new byte[] { 0x01, 0x02 }).ReadFloat());
        Assert.Throws<CorruptFileException>(() => new AvroReader(new byte[] { 0x06 }).ReadEnum(3));
        Assert.Throws<CorruptFileException>(() => new AvroReader(new byte[] { 0x04 }).ReadUnionIndex(2));
    }

    [Fact]
    public void NegativeBlockCountsCarryByteSizes()
    {
        // array of longs [1, 2, 3] as a block of -3 items with its byte size, then a block of 1, then end.
        var w = new ArrayBufferWriter<byte>();
        var e = new AvroEncoder(w);
        e.WriteLong(-3);
        e.WriteLong(3);
        e.WriteLong(1);
        e.WriteLong(2);
        e.WriteLong(3);
        e.WriteLong(1);
        e.WriteLong(4);
        e.WriteLong(0);
        var schema = AvroSchema.Parse("""{"type":"array","items":"long"}""");
        var reader = new AvroReader(w.WrittenSpan);
        var list = (List<object?>)new GenericDatumReader(schema).Read(ref reader)!;
        Assert.Equal(new object?[] { 1L, 2L, 3L, 4L }, list);
        Assert.True(reader.IsAtEnd);

        var skipper = new AvroReader(w.WrittenSpan);
        skipper.Skip(schema);
        Assert.True(skipper.IsAtEnd);

        // A block whose byte size overruns the data, and a count beyond the bytes, are corrupt.
        Assert.Throws<CorruptFileException>(() => new AvroReader(new byte[] { 0x05, 0x7e, 0x02 }).ReadBlockCount(out _));
        Assert.Throws<CorruptFileException>(() => new AvroReader(new byte[] { 0xfe, 0xff, 0xff, 0xff, 0x0f, 0x00 }).ReadBlockCount(out _));
    }

    [Fact]
    public void ArraysOfNullsAreBounded()
    {
        // 2^40 nulls take no bytes: the count must be refused, not looped over.
        var w = new ArrayBufferWriter<byte>();
        new AvroEncoder(w).WriteLong(1L << 40);
        new AvroEncoder(w).WriteLong(0);
        var schema = AvroSchema.Parse("""{"type":"array","items":"null"}""");
        Assert.Throws<CorruptFileException>(() =>
        {
            var r = new AvroReader(w.WrittenSpan);
            new GenericDatumReader(schema).Read(ref r);
        });

        // Many blocks of a million nulls each: bounded per array, not just per block.
        var many = new ArrayBufferWriter<byte>();
        for (var i = 0; i < 1000; i++)
        {
            new AvroEncoder(many).WriteLong(600_000);
        }

        new AvroEncoder(many).WriteLong(0);
        Assert.Throws<CorruptFileException>(() =>
        {
            var r = new AvroReader(many.WrittenSpan);
            new GenericDatumReader(schema).Read(ref r);
        });
        Assert.Throws<CorruptFileException>(() => new AvroReader(many.WrittenSpan).Skip(schema));
    }

    [Fact]
    public void DeepRecursionIsRefused()
    {
        var schema = AvroSchema.Parse("""{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}""");
        var data = new byte[100_000];
        Array.Fill(data, (byte)0x02); // union index 1 forever
        Assert.Throws<CorruptFileException>(() =>
        {
            var r = new AvroReader(data);
            new GenericDatumReader(schema).Read(ref r);
        });
        Assert.Throws<CorruptFileException>(() => new AvroReader(data).Skip(schema));
    }

    internal static byte[] Encode(AvroSchema schema, object? value)
    {
        var w = new ArrayBufferWriter<byte>();
        new GenericDatumWriter(schema).Write(new AvroEncoder(w), value);
        return w.WrittenSpan.ToArray();
    }
}
