using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Vectors;

/// <summary>Builds a boolean vector of a known length slot by slot (values and validity bitmaps).</summary>
public sealed class BoolVectorBuilder
{
    private readonly byte[] _values;
    private byte[]? _validity;
    private int _nulls;

    public BoolVectorBuilder(int length)
    {
        Length = length;
        _values = new byte[BitUtil.BytesForBits(length)];
    }

    public int Length { get; }

    public void Set(int index, bool value)
    {
        if (value)
        {
            BitUtil.SetBit(_values, index);
        }
    }

    /// <summary>Marks a slot null (slots start valid and false).</summary>
    public void SetNull(int index)
    {
        if (_validity is null)
        {
            _validity = new byte[_values.Length];
            _validity.AsSpan().Fill(0xFF);
        }

        if (BitUtil.GetBit(_validity, index))
        {
            BitUtil.ClearBit(_validity, index);
            _nulls++;
        }
    }

    public ArrowArray BuildArray() => ArrowArray.Create(new ArrayData(
        SqlType.Boolean.ArrowType, Length, _nulls, 0, [_nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(_validity!), new ArrowBuffer(_values)]));

    public ColumnVector Build() => ColumnVector.FromArray(SqlType.Boolean, BuildArray());
}
