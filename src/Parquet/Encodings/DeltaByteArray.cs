using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Encodings;

/// <summary>
/// DELTA_BYTE_ARRAY (incremental encoding): prefix lengths (DELTA_BINARY_PACKED) shared with the previous
/// value, then the suffixes as DELTA_LENGTH_BYTE_ARRAY.
/// </summary>
public static class DeltaByteArray
{
    public static int Decode(ReadOnlySpan<byte> data, int count, BufferBuilder offsets, BufferBuilder values)
    {
        var prefixes = new long[count];
        var pos = DeltaBinaryPacked.Decode(data, prefixes);
        var suffixLengths = new long[count];
        pos += DeltaBinaryPacked.Decode(data[pos..], suffixLengths);
        var previousStart = -1;
        var previousLength = 0;
        for (var i = 0; i < count; i++)
        {
            var prefix = prefixes[i];
            var suffix = suffixLengths[i];
            if (prefix < 0 || prefix > previousLength || suffix < 0 || suffix > data.Length - pos)
            {
                throw new CorruptFileException(null, -1, $"DELTA_BYTE_ARRAY value {i}: prefix {prefix} / suffix {suffix} do not fit (previous length {previousLength}, {data.Length - pos} bytes left)");
            }

            var start = values.Length;
            if (prefix > 0)
            {
                values.EnsureCapacity((int)prefix);
                values.Append<byte>(values.WrittenSpan.Slice(previousStart, (int)prefix));
            }

            values.Append(data.Slice(pos, (int)suffix));
            pos += (int)suffix;
            offsets.Append(checked(values.Length));
            previousStart = start;
            previousLength = values.Length - start;
        }

        return pos;
    }

    public static void Encode(ReadOnlySpan<int> valueOffsets, ReadOnlySpan<byte> data, BufferBuilder output)
    {
        var count = valueOffsets.Length - 1;
        var prefixes = new long[count];
        var suffixes = new long[count];
        var previous = ReadOnlySpan<byte>.Empty;
        for (var i = 0; i < count; i++)
        {
            var value = data[valueOffsets[i]..valueOffsets[i + 1]];
            var p = value.CommonPrefixLength(previous);
            prefixes[i] = p;
            suffixes[i] = value.Length - p;
            previous = value;
        }

        DeltaBinaryPacked.Encode(prefixes, output);
        DeltaBinaryPacked.Encode(suffixes, output);
        for (var i = 0; i < count; i++)
        {
            output.Append(data.Slice(valueOffsets[i] + (int)prefixes[i], (int)suffixes[i]));
        }
    }
}
