using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Encodings;

/// <summary>
/// BYTE_STREAM_SPLIT: for values of K bytes, byte k of every value is stored in stream k; the K streams are
/// concatenated. Applies to FLOAT, DOUBLE, INT32, INT64 and FIXED_LEN_BYTE_ARRAY.
/// </summary>
public static class ByteStreamSplit
{
    /// <summary>Decodes <paramref name="count"/> values of <paramref name="width"/> bytes from a page holding exactly the streams.</summary>
    public static void Decode(ReadOnlySpan<byte> data, int count, int width, BufferBuilder output)
    {
        var bytes = (long)count * width;
        if (bytes > data.Length || width <= 0)
        {
            throw new CorruptFileException(null, -1, $"BYTE_STREAM_SPLIT page holds {data.Length} bytes, {count} values of {width} bytes need {bytes}");
        }

        // The streams are sized by the page's value count, which equals data.Length / width.
        var stride = data.Length / width;
        var dst = output.GetSpan((int)bytes);
        for (var k = 0; k < width; k++)
        {
            var stream = data.Slice(k * stride, count);
            for (var i = 0; i < count; i++)
            {
                dst[(i * width) + k] = stream[i];
            }
        }

        output.Advance((int)bytes);
    }

    public static void Encode(ReadOnlySpan<byte> values, int width, BufferBuilder output)
    {
        var count = values.Length / width;
        var dst = output.GetSpan(values.Length);
        for (var i = 0; i < count; i++)
        {
            for (var k = 0; k < width; k++)
            {
                dst[(k * count) + i] = values[(i * width) + k];
            }
        }

        output.Advance(values.Length);
    }
}
