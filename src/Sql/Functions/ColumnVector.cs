using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions;

/// <summary>
/// The columnar value kernels work on: either an Arrow array of <see cref="Length"/> slots, or a constant
/// (one-slot <see cref="Array"/> repeated <see cref="Length"/> times; literals and folded expressions).
/// Index slots with <see cref="Index"/> so one loop serves both shapes.
/// </summary>
public sealed class ColumnVector
{
    private ColumnVector(SqlType type, ArrowArray array, int length, bool isConstant)
    {
        Type = type;
        Array = array;
        Length = length;
        IsConstant = isConstant;
    }

    public SqlType Type { get; }

    /// <summary>The storage: <see cref="Length"/> slots, or one slot when <see cref="IsConstant"/>.</summary>
    public ArrowArray Array { get; }

    /// <summary>Logical number of rows.</summary>
    public int Length { get; }

    public bool IsConstant { get; }

    /// <summary>True when every row is null (a constant null, or an array that is all null).</summary>
    public bool IsAllNull => Array.NullCount == Array.Length;

    /// <summary>Wraps an array whose Arrow type is <c>type.ArrowType</c>.</summary>
    public static ColumnVector FromArray(SqlType type, ArrowArray array) => new(type, array, array.Length, false);

    /// <summary>A constant: <paramref name="singleValue"/> (length 1) repeated <paramref name="length"/> times.</summary>
    public static ColumnVector Constant(SqlType type, ArrowArray singleValue, int length)
    {
        if (singleValue.Length != 1)
        {
            throw new ArgumentException("a constant vector holds exactly one slot", nameof(singleValue));
        }

        return new ColumnVector(type, singleValue, length, true);
    }

    /// <summary>A constant null of <paramref name="type"/>.</summary>
    public static ColumnVector Null(SqlType type, int length) => Constant(type, ArrayFactory.Nulls(type.ArrowType, 1), length);

    /// <summary>The storage slot of row <paramref name="row"/> (0 for constants).</summary>
    public int Index(int row) => IsConstant ? 0 : row;

    public bool IsNull(int row) => Array.IsNull(IsConstant ? 0 : row);

    public bool IsValid(int row) => Array.IsValid(IsConstant ? 0 : row);

    /// <summary>The typed storage array, e.g. <c>As&lt;PrimitiveArray&lt;long&gt;&gt;()</c>.</summary>
    public T As<T>()
        where T : ArrowArray => (T)Array;

    /// <summary>A UTF-8 string slot (varchar/json) as bytes; empty for null.</summary>
    public ReadOnlySpan<byte> GetBytes(int row)
    {
        var i = IsConstant ? 0 : row;
        return Array.IsNull(i) ? default : ((BinaryArray)Array).GetBytes(i);
    }

    /// <summary>A new vector with the same storage seen as <paramref name="length"/> rows (constants only).</summary>
    public ColumnVector WithLength(int length) => IsConstant ? new ColumnVector(Type, Array, length, true) : this;

    /// <summary>Materializes the vector as an array of <see cref="Length"/> slots (constants are repeated).</summary>
    public ArrowArray ToArray() => IsConstant ? ArrayGather.Repeat(Array, Length) : Array;

    public override string ToString() => IsConstant ? $"constant {Type} x{Length}" : $"{Type}[{Length}]";
}
