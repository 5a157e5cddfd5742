using System.Buffers.Binary;

namespace Lakehouse.Arrow.Compression;

/// <summary>
/// CRC-32 (ISO-HDLC polynomial 0xEDB88320, as gzip and Avro's snappy codec use), slicing by eight bytes.
/// </summary>
public static class Crc32
{
    private static readonly uint[] s_table = CreateTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>Continues a CRC over more data: <c>Append(Compute(a), b) == Compute(a + b)</c>.</summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var table = s_table.AsSpan();
        var c = ~crc;
        var i = 0;
        while (data.Length - i >= 8)
        {
            var lo = BinaryPrimitives.ReadUInt32LittleEndian(data[i..]) ^ c;
            var hi = BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
            c = table[(7 * 256) + (int)(lo & 0xFF)] ^ table[(6 * 256) + (int)((lo >> 8) & 0xFF)]
                ^ table[(5 * 256) + (int)((lo >> 16) & 0xFF)] ^ table[(4 * 256) + (int)(lo >> 24)]
                ^ table[(3 * 256) + (int)(hi & 0xFF)] ^ table[(2 * 256) + (int)((hi >> 8) & 0xFF)]
                ^ table[256 + (int)((hi >> 16) & 0xFF)] ^ table[(int)(hi >> 24)];
            i += 8;
        }

        for (; i < data.Length; i++)
        {
            c = table[(int)((c ^ data[i]) & 0xFF)] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320U ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        for (var slice = 1; slice < 8; slice++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = table[(int)(previous & 0xFF)] ^ (previous >> 8);
            }
        }

        return table;
    }
}
