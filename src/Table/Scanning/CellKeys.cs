using System.Globalization;
using System.Text;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Table.Scanning;

/// <summary>
/// Equality-delete keys: one string per row over the equality columns, normalized so that values of promoted types compare
/// equal (all integers as long, floats as double, decimals by unscaled value). Null is a distinct key component that matches
/// null, as the spec's equality deletes require.
/// </summary>
internal static class CellKeys
{
    public static string Key(IReadOnlyList<ArrowArray?> columns, int row)
    {
        var sb = new StringBuilder();
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0)
            {
                sb.Append('\u0001');
            }

            Append(sb, columns[c], row);
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, ArrowArray? array, int row)
    {
        if (array is null || array.IsNull(row))
        {
            sb.Append('\u0000');
            return;
        }

        var inv = CultureInfo.InvariantCulture;
        switch (array)
        {
            case BooleanArray b:
                sb.Append(b.Value(row) ? "t" : "f");
                break;
            case PrimitiveArray<int> i32:
                sb.Append('i').Append(i32.Value(row).ToString(inv));
                break;
            case PrimitiveArray<long> i64:
                sb.Append('i').Append(i64.Value(row).ToString(inv));
                break;
            case PrimitiveArray<short> i16:
                sb.Append('i').Append(i16.Value(row).ToString(inv));
                break;
            case PrimitiveArray<sbyte> i8:
                sb.Append('i').Append(i8.Value(row).ToString(inv));
                break;
            case PrimitiveArray<byte> u8:
                sb.Append('i').Append(u8.Value(row).ToString(inv));
                break;
            case PrimitiveArray<ushort> u16:
                sb.Append('i').Append(u16.Value(row).ToString(inv));
                break;
            case PrimitiveArray<uint> u32:
                sb.Append('i').Append(u32.Value(row).ToString(inv));
                break;
            case PrimitiveArray<float> f32:
                sb.Append('f').Append(((double)f32.Value(row)).ToString("R", inv));
                break;
            case PrimitiveArray<double> f64:
                sb.Append('f').Append(f64.Value(row).ToString("R", inv));
                break;
            case DecimalArray d:
                sb.Append('d').Append(d.UnscaledBigInteger(row).ToString(inv));
                break;
            case BinaryArray bin:
                sb.Append(bin.Type.Id is ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 ? 's' : 'b').Append(Convert.ToBase64String(bin.GetBytes(row)));
                break;
            case FixedSizeBinaryArray fixedBin:
                sb.Append('b').Append(Convert.ToBase64String(fixedBin.GetBytes(row)));
                break;
            default:
                throw new IcebergException(IcebergErrorKind.NotSupported, $"not supported: equality deletes on a column of Arrow type {array.Type}");
        }
    }
}
