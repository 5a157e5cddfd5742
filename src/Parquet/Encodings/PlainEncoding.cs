using System.Buffers.Binary;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Encodings;

/// <summary>
/// PLAIN encoding: fixed-width values little-endian back to back, booleans bit-packed LSB first,
/// BYTE_ARRAY as a 4-byte length followed by the bytes, FIXED_LEN_BYTE_ARRAY as the bytes alone.
/// </summary>
public static class PlainEncoding
{
    /// <summary>Copies <paramref name="count"/> fixed-width values of <paramref name="width"/> bytes; returns bytes consumed.</summary>
    public static int DecodeFixed(ReadOnlySpan<byte> data, int count, int width, BufferBuilder output)
    {
        var bytes = (long)count * width;
        if (bytes > data.Length)
        {
            throw new CorruptFileException(null, -1, $"PLAIN page holds {data.Length} bytes, {count} values of {width} bytes need {bytes}");
        }

        output.Append(data[..(int)bytes]);
        return (int)bytes;
    }

    /// <summary>Appends <paramref name="count"/> PLAIN booleans to a bitmap; returns bytes consumed.</summary>
    public static int DecodeBooleans(ReadOnlySpan<byte> data, int count, BitmapBuilder output)
    {
        var bytes = (count + 7) >> 3;
        if (bytes > data.Length)
        {
            throw new CorruptFileException(null, -1, $"PLAIN boolean page holds {data.Length} bytes, {count} values need {bytes}");
        }

        for (var i = 0; i < count; i++)
        {
            output.Append((data[i >> 3] & (1 << (i & 7))) != 0);
        }

        return bytes;
    }

    /// <summary>Appends <paramref name="count"/> BYTE_ARRAY values as Arrow offsets + data; returns bytes consumed.</summary>
    public static int DecodeByteArrays(ReadOnlySpan<byte> data, int count, BufferBuilder offsets, BufferBuilder values)
    {
        var pos = 0;
        for (var i = 0; i < count; i++)
        {
            if (data.Length - pos < 4)
            {
                throw new CorruptFileException(null, -1, $"PLAIN BYTE_ARRAY value {i} of {count}: truncated length");
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(data[pos..]);
            pos += 4;
            if (length < 0 || length > data.Length - pos)
            {
                throw new CorruptFileException(null, -1, $"PLAIN BYTE_ARRAY value {i} of {count}: length {length} exceeds the {data.Length - pos} bytes left");
            }

            values.Append(data.Slice(pos, length));
            pos += length;
            offsets.Append(checked(values.Length));
        }

        return pos;
    }

    public static void EncodeByteArray(ReadOnlySpan<byte> value, BufferBuilder output)
    {
        output.Append(value.Length);
        output.Append(value);
    }

    public static void EncodeBooleans(ReadOnlySpan<bool> values, BufferBuilder output)
    {
        var bytes = (values.Length + 7) >> 3;
        var span = output.GetSpan(bytes)[..bytes];
        span.Clear();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                span[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        output.Advance(bytes);
    }
}
