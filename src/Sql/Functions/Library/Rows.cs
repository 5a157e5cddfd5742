using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions.Strings;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>Writes one row of a string result; returns false for a null result.</summary>
public delegate bool Utf8RowFunction(ReadOnlySpan<ColumnVector> arguments, int row, Utf8ColumnWriter output);

/// <summary>Appends one row's list elements (closing each with EndValue/AppendNull) and returns their count, or -1 for a null list.</summary>
public delegate int Utf8ListRowFunction(ReadOnlySpan<ColumnVector> arguments, int row, Utf8ColumnWriter elements);

/// <summary>Computes one row of a fixed-width result; returns false for a null result.</summary>
public delegate bool ValueRowFunction<T>(ReadOnlySpan<ColumnVector> arguments, int row, out T value);

/// <summary>
/// Row loops that turn per-row functions into vectorized kernels: nulls propagate (unless told otherwise),
/// constant arguments compute one row and return a constant, results land straight in Arrow buffers.
/// </summary>
public static class Rows
{
    public static ColumnVector Utf8(SqlType returnType, ReadOnlySpan<ColumnVector> arguments, int rowCount, Utf8RowFunction function, bool propagateNulls = true)
    {
        var constant = Arg.AllConstant(arguments);
        var n = constant ? 1 : rowCount;
        var output = new Utf8ColumnWriter(n, n * 16, returnType.ArrowType);
        for (var row = 0; row < n; row++)
        {
            if (propagateNulls && Arg.AnyNull(arguments, row))
            {
                output.AppendNull();
            }
            else if (function(arguments, row, output))
            {
                output.EndValue();
            }
            else
            {
                output.AppendNull();
            }
        }

        var array = output.Build();
        return constant ? ColumnVector.Constant(returnType, array, rowCount) : ColumnVector.FromArray(returnType, array);
    }

    public static ColumnVector Values<T>(SqlType returnType, ReadOnlySpan<ColumnVector> arguments, int rowCount, ValueRowFunction<T> function, bool propagateNulls = true)
        where T : unmanaged
    {
        var constant = Arg.AllConstant(arguments);
        var n = constant ? 1 : rowCount;
        var memory = ArrayFactory.Allocate<T>(n, out var values);
        byte[]? validity = null;
        var nulls = 0;
        for (var row = 0; row < n; row++)
        {
            if ((propagateNulls && Arg.AnyNull(arguments, row)) || !function(arguments, row, out values[row]))
            {
                values[row] = default;
                validity ??= AllValid(n);
                BitUtil.ClearBit(validity, row);
                nulls++;
            }
        }

        var array = ArrayFactory.Wrap(returnType, n, memory, validity, nulls);
        return constant ? ColumnVector.Constant(returnType, array, rowCount) : ColumnVector.FromArray(returnType, array);
    }

    public static ColumnVector Booleans(SqlType returnType, ReadOnlySpan<ColumnVector> arguments, int rowCount, ValueRowFunction<bool> function, bool propagateNulls = true)
    {
        var constant = Arg.AllConstant(arguments);
        var n = constant ? 1 : rowCount;
        var bits = new byte[BitUtil.BytesForBits(n)];
        byte[]? validity = null;
        var nulls = 0;
        for (var row = 0; row < n; row++)
        {
            if ((propagateNulls && Arg.AnyNull(arguments, row)) || !function(arguments, row, out var value))
            {
                validity ??= AllValid(n);
                BitUtil.ClearBit(validity, row);
                nulls++;
            }
            else if (value)
            {
                BitUtil.SetBit(bits, row);
            }
        }

        var data = new ArrayData(returnType.ArrowType, n, nulls, 0, [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!), new ArrowBuffer(bits)]);
        var array = ArrowArray.Create(data);
        return constant ? ColumnVector.Constant(returnType, array, rowCount) : ColumnVector.FromArray(returnType, array);
    }

    /// <summary>array(varchar) results (split, regexp_extract_all…).</summary>
    public static ColumnVector Utf8Lists(SqlType returnType, ReadOnlySpan<ColumnVector> arguments, int rowCount, Utf8ListRowFunction function, bool propagateNulls = true)
    {
        var constant = Arg.AllConstant(arguments);
        var n = constant ? 1 : rowCount;
        var elements = new Utf8ColumnWriter(n * 2, n * 16, returnType.ElementType!.ArrowType);
        var offsets = new int[n + 1];
        byte[]? validity = null;
        var nulls = 0;
        for (var row = 0; row < n; row++)
        {
            var count = propagateNulls && Arg.AnyNull(arguments, row) ? -1 : function(arguments, row, elements);
            if (count < 0)
            {
                validity ??= AllValid(n);
                BitUtil.ClearBit(validity, row);
                nulls++;
            }

            offsets[row + 1] = elements.Length;
        }

        var child = elements.Build().Data;
        var data = new ArrayData(returnType.ArrowType, n, nulls, 0, [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity!), ArrowBuffer.FromArray(offsets)], [child]);
        var array = ArrowArray.Create(data);
        return constant ? ColumnVector.Constant(returnType, array, rowCount) : ColumnVector.FromArray(returnType, array);
    }

    private static byte[] AllValid(int n)
    {
        var bits = new byte[BitUtil.BytesForBits(n)];
        bits.AsSpan().Fill(0xFF);
        return bits;
    }
}
