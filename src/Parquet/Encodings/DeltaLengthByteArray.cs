using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Encodings;

/// <summary>DELTA_LENGTH_BYTE_ARRAY: all lengths DELTA_BINARY_PACKED, then all bytes concatenated.</summary>
public static class DeltaLengthByteArray
{
    /// <summary>Appends <paramref name="count"/> values as Arrow offsets + data; returns bytes consumed.</summary>
    public static int Decode(ReadOnlySpan<byte> data, int count, BufferBuilder offsets, BufferBuilder values)
    {
        var lengths = new long[count];
        var pos = DeltaBinaryPacked.Decode(data, lengths);
        for (var i = 0; i < count; i++)
        {
            var length = lengths[i];
            if (length < 0 || length > data.Length - pos)
            {
                throw new CorruptFileException(null, -1, $"DELTA_LENGTH_BYTE_ARRAY value {i}: length {length} exceeds the {data.Length - pos} bytes left");
            }

            values.Append(data.Slice(pos, (int)length));
            pos += (int)length;
            offsets.Append(checked(values.Length));
        }

        return pos;
    }

    /// <summary>Encodes values given as Arrow offsets (count + 1 entries) over <paramref name="data"/>.</summary>
    public static void Encode(ReadOnlySpan<int> valueOffsets, ReadOnlySpan<byte> data, BufferBuilder output)
    {
        var count = valueOffsets.Length - 1;
        var lengths = new long[count];
        for (var i = 0; i < count; i++)
        {
            lengths[i] = valueOffsets[i + 1] - valueOffsets[i];
        }

        DeltaBinaryPacked.Encode(lengths, output);
        output.Append(data[valueOffsets[0]..valueOffsets[count]]);
    }
}
