using System.Text;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;
using Lakehouse.Parquet.Encodings;
using Xunit;

namespace Lakehouse.Parquet.Tests.Encodings;

public class DeltaEncodingTests
{
    [Fact]
    public void DecodesTheSpecExampleOneToFive()
    {
        // Encodings.md example 1: 1..5 -> header (128, 4, 5, zigzag(1)=2), block (min delta zigzag(1)=2, widths 0 0 0 0).
        byte[] data = [0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00];
        var values = new long[5];
        var consumed = DeltaBinaryPacked.Decode(data, values);
        Assert.Equal([1L, 2, 3, 4, 5], values);
        Assert.Equal(data.Length, consumed);
    }

    [Fact]
    public void EncodesTheSpecExampleOneToFive()
    {
        var b = new BufferBuilder();
        DeltaBinaryPacked.Encode(new long[] { 1, 2, 3, 4, 5 }, b);
        Assert.Equal(new byte[] { 0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0x00, 0x00, 0x00, 0x00 }, b.WrittenSpan.ToArray());
    }

    [Fact]
    public void DecodesTheSpecExampleWithNegativeDeltas()
    {
        // Encodings.md example 2: 7, 5, 3, 1, 2, 3, 4, 5: deltas -2 -2 -2 1 1 1 1, min -2, bit width 2.
        var b = new BufferBuilder();
        long[] input = [7, 5, 3, 1, 2, 3, 4, 5];
        DeltaBinaryPacked.Encode(input, b);
        var bytes = b.WrittenSpan.ToArray();
        Assert.Equal(new byte[] { 0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 0x02, 0x00, 0x00, 0x00 }, bytes[..10]);
        var values = new long[8];
        DeltaBinaryPacked.Decode(bytes, values);
        Assert.Equal(input, values);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(129)]
    [InlineData(1000)]
    public void RoundTripsInt64IncludingExtremes(int count)
    {
        var rng = new Random(count);
        var values = new long[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (i % 97) switch
            {
                0 => long.MinValue,
                1 => long.MaxValue,
                _ => rng.NextInt64(-1_000_000, 1_000_000),
            };
        }

        var b = new BufferBuilder();
        DeltaBinaryPacked.Encode(values, b);
        var decoded = new long[count];
        Assert.Equal(b.Length, DeltaBinaryPacked.Decode(b.WrittenSpan, decoded));
        Assert.Equal(values, decoded);
    }

    [Fact]
    public void RoundTripsInt32WithWrapAround()
    {
        int[] values = [int.MaxValue, int.MinValue, 0, -1, int.MaxValue, 17];
        var b = new BufferBuilder();
        DeltaBinaryPacked.Encode(values, b);
        var decoded = new int[values.Length];
        DeltaBinaryPacked.DecodeInt32(b.WrittenSpan, decoded);
        Assert.Equal(values, decoded);
    }

    [Fact]
    public void RoundTripsDeltaLengthAndDeltaByteArray()
    {
        string[] strings = ["Hello", "World", "Foobar", "ABCDEF", string.Empty, "Hello, World", "Hello, Worlds", "é"];
        var (offsets, data) = ToArrow(strings);

        var dlba = new BufferBuilder();
        DeltaLengthByteArray.Encode(offsets, data, dlba);
        Assert.Equal(strings, Decode(dlba.WrittenSpan.ToArray(), strings.Length, DeltaLengthByteArray.Decode));

        var dba = new BufferBuilder();
        DeltaByteArray.Encode(offsets, data, dba);
        Assert.Equal(strings, Decode(dba.WrittenSpan.ToArray(), strings.Length, DeltaByteArray.Decode));
    }

    [Fact]
    public void DeltaByteArrayRejectsAPrefixLongerThanThePreviousValue()
    {
        var b = new BufferBuilder();
        DeltaBinaryPacked.Encode(new long[] { 3 }, b);
        DeltaBinaryPacked.Encode(new long[] { 1 }, b);
        b.Append((byte)'x');
        var bytes = b.WrittenSpan.ToArray();
        Assert.Throws<CorruptFileException>(() => DeltaByteArray.Decode(bytes, 1, new BufferBuilder(), new BufferBuilder()));
    }

    [Fact]
    public void ByteStreamSplitRoundTripsAndMatchesTheLayout()
    {
        float[] values = [1.5f, -2.25f, float.NaN];
        var raw = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        var b = new BufferBuilder();
        ByteStreamSplit.Encode(raw, 4, b);
        var encoded = b.WrittenSpan.ToArray();
        Assert.Equal(raw[0], encoded[0]);
        Assert.Equal(raw[4], encoded[1]);
        Assert.Equal(raw[1], encoded[3]);
        var output = new BufferBuilder();
        ByteStreamSplit.Decode(encoded, 3, 4, output);
        Assert.Equal(raw, output.WrittenSpan.ToArray());
    }

    private delegate int ByteArrayDecoder(ReadOnlySpan<byte> data, int count, BufferBuilder offsets, BufferBuilder values);

    private static (int[] Offsets, byte[] Data) ToArrow(string[] strings)
    {
        var offsets = new int[strings.Length + 1];
        var data = new List<byte>();
        for (var i = 0; i < strings.Length; i++)
        {
            data.AddRange(Encoding.UTF8.GetBytes(strings[i]));
            offsets[i + 1] = data.Count;
        }

        return (offsets, data.ToArray());
    }

    private static string[] Decode(byte[] bytes, int count, ByteArrayDecoder decoder)
    {
        var offsets = new BufferBuilder();
        offsets.Append(0);
        var values = new BufferBuilder();
        Assert.Equal(bytes.Length, decoder(bytes, count, offsets, values));
        var o = offsets.AsSpan<int>();
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = Encoding.UTF8.GetString(values.WrittenSpan[o[i]..o[i + 1]]);
        }

        return result;
    }
}
