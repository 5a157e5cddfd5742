using System.Numerics;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>min/max state over fixed-width values: one typed slot and a "seen" flag per group.</summary>
internal sealed class MinMaxState<T>(SqlType type, bool isMax) : GroupedAggregateState
    where T : unmanaged, IComparisonOperators<T, T, bool>
{
    private T[] _values = new T[16];
    private bool[] _seen = new bool[16];

    public override long MemoryBytes => _values.Length * (System.Runtime.CompilerServices.Unsafe.SizeOf<T>() + 1L);

    public override void EnsureGroups(int groupCount)
    {
        if (groupCount > _values.Length)
        {
            var size = Math.Max(groupCount, _values.Length * 2);
            Array.Resize(ref _values, size);
            Array.Resize(ref _seen, size);
        }
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var arg = arguments[0];
        if (arg.IsAllNull)
        {
            return;
        }

        var array = arg.Array;
        ReadOnlySpan<T> values = array is DecimalArray d ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, T>(d.Data.Buffers[1].Span).Slice(d.Offset, d.Length) : ((PrimitiveArray<T>)array).Values;
        var hasNulls = array.NullCount > 0;
        var c = arg.IsConstant;
        for (var r = 0; r < rowCount; r++)
        {
            var i = c ? 0 : r;
            if (hasNulls && array.IsNull(i))
            {
                continue;
            }

            var g = groupIds[r];
            var v = values[i];
            if (!_seen[g] || (isMax ? v > _values[g] : v < _values[g]))
            {
                _values[g] = v;
                _seen[g] = true;
            }
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (MinMaxState<T>)other;
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (!o._seen[g])
            {
                continue;
            }

            var t = groupMap[g];
            var v = o._values[g];
            if (!_seen[t] || (isMax ? v > _values[t] : v < _values[t]))
            {
                _values[t] = v;
                _seen[t] = true;
            }
        }
    }

    public override ArrowArray Finish(int groupCount)
    {
        var validity = new byte[BitUtil.BytesForBits(groupCount)];
        var nulls = 0;
        for (var g = 0; g < groupCount; g++)
        {
            if (_seen[g])
            {
                BitUtil.SetBit(validity, g);
            }
            else
            {
                nulls++;
            }
        }

        return ArrayFactory.FromSpan<T>(type, _values.AsSpan(0, groupCount), validity, nulls);
    }
}
