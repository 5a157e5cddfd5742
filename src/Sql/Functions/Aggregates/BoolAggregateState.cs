using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>bool_and / every and bool_or: nulls ignored, null for groups without values.</summary>
public sealed class BoolAggregateState(bool isAnd) : GroupedAggregateState
{
    // 0: no value yet, 1: false, 2: true
    private byte[] _state = [];

    public override long MemoryBytes => _state.Length;

    public override void EnsureGroups(int groupCount) => GroupArrays.Ensure(ref _state, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var v = arguments[0];
        var values = (BooleanArray)v.Array;
        for (var r = 0; r < rowCount; r++)
        {
            var i = v.Index(r);
            if (values.IsValid(i))
            {
                Fold(ref _state[groupIds[r]], values.Value(i) ? (byte)2 : (byte)1);
            }
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (BoolAggregateState)other;
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (o._state[g] != 0)
            {
                Fold(ref _state[groupMap[g]], o._state[g]);
            }
        }
    }

    public override ArrowArray Finish(int groupCount)
    {
        var bits = new byte[BitUtil.BytesForBits(groupCount)];
        var validity = new byte[bits.Length];
        var nulls = 0;
        for (var g = 0; g < groupCount; g++)
        {
            if (_state[g] == 0)
            {
                nulls++;
                continue;
            }

            BitUtil.SetBit(validity, g);
            if (_state[g] == 2)
            {
                BitUtil.SetBit(bits, g);
            }
        }

        return ArrowArray.Create(new ArrayData(SqlType.Boolean.ArrowType, groupCount, nulls, 0, [nulls == 0 ? ArrowBuffer.Empty : new ArrowBuffer(validity), new ArrowBuffer(bits)]));
    }

    private void Fold(ref byte state, byte value)
    {
        if (state == 0)
        {
            state = value;
        }
        else if (isAnd ? value == 1 : value == 2)
        {
            state = value;
        }
    }
}
