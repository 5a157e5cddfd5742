using System.Text;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Table.Tests;

/// <summary>Small Arrow array builders for tests (validity from nullable inputs).</summary>
internal static class ArrowArrays
{
    public static ArrowArray Primitive<T>(ArrowType type, T?[] values)
        where T : unmanaged
    {
        var raw = values.Select(v => v ?? default).ToArray();
        var (validity, nulls) = Validity(values.Select(v => v.HasValue).ToArray());
        return ArrowArray.Create(new ArrayData(type, values.Length, nulls, 0, [validity, ArrowBuffer.FromArray(raw)]));
    }

    public static ArrowArray Strings(string?[] values, bool binary = false) =>
        Binary(values.Select(v => v is null ? null : Encoding.UTF8.GetBytes(v)).ToArray(), binary ? ArrowType.Binary : ArrowType.Utf8);

    public static ArrowArray Binary(byte[]?[] values, ArrowType type)
    {
        var offsets = new int[values.Length + 1];
        var data = new List<byte>();
        for (var i = 0; i < values.Length; i++)
        {
            data.AddRange(values[i] ?? []);
            offsets[i + 1] = data.Count;
        }

        var (validity, nulls) = Validity(values.Select(v => v is not null).ToArray());
        return ArrowArray.Create(new ArrayData(type, values.Length, nulls, 0, [validity, ArrowBuffer.FromArray(offsets), ArrowBuffer.FromArray(data.ToArray())]));
    }

    public static ArrowArray FixedBinary(byte[]?[] values, int width)
    {
        var data = new byte[values.Length * width];
        for (var i = 0; i < values.Length; i++)
        {
            values[i]?.CopyTo(data, i * width);
        }

        var (validity, nulls) = Validity(values.Select(v => v is not null).ToArray());
        return ArrowArray.Create(new ArrayData(new FixedSizeBinaryType(width), values.Length, nulls, 0, [validity, ArrowBuffer.FromArray(data)]));
    }

    public static ArrowArray Decimal128(int precision, int scale, Int128?[] values) =>
        Primitive(new DecimalType(precision, scale), values);

    private static (ArrowBuffer Validity, int Nulls) Validity(bool[] valid)
    {
        var nulls = valid.Count(v => !v);
        if (nulls == 0)
        {
            return (ArrowBuffer.Empty, 0);
        }

        var bits = new byte[(valid.Length + 7) / 8];
        for (var i = 0; i < valid.Length; i++)
        {
            if (valid[i])
            {
                BitUtil.SetBit(bits, i);
            }
        }

        return (ArrowBuffer.FromArray(bits), nulls);
    }
}
