using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Functions;

namespace Lakehouse.Sql.Execution.Vectors;

/// <summary>Validity bitmaps for kernel results (offset 0, <c>rowCount</c> bits).</summary>
public static class Validity
{
    /// <summary>The AND of the operands' validity: null where any operand is null. Returns null bits when no row is null.</summary>
    public static (byte[]? Bits, int NullCount) Combine(ReadOnlySpan<ColumnVector> operands, int rowCount)
    {
        var any = false;
        foreach (var o in operands)
        {
            if (o.Array.NullCount > 0)
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return (null, 0);
        }

        var bits = new byte[BitUtil.BytesForBits(rowCount)];
        var nulls = 0;
        for (var r = 0; r < rowCount; r++)
        {
            var valid = true;
            foreach (var o in operands)
            {
                if (o.IsNull(r))
                {
                    valid = false;
                    break;
                }
            }

            if (valid)
            {
                BitUtil.SetBit(bits, r);
            }
            else
            {
                nulls++;
            }
        }

        return (bits, nulls);
    }

    public static (byte[]? Bits, int NullCount) Of(ColumnVector a, int rowCount) => Combine([a], rowCount);

    public static (byte[]? Bits, int NullCount) Of(ColumnVector a, ColumnVector b, int rowCount) => Combine([a, b], rowCount);
}
