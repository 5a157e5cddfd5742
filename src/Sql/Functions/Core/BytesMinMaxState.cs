using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>min/max over varchar/varbinary (byte-wise order = code point order for UTF-8): the best value per group.</summary>
internal sealed class BytesMinMaxState(SqlType type, bool isMax) : GroupedAggregateState
{
    private byte[]?[] _values = new byte[]?[16];

    public override void EnsureGroups(int groupCount)
    {
        if (groupCount > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(groupCount, _values.Length * 2));
        }
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var arg = arguments[0];
        if (arg.IsAllNull)
        {
            return;
        }

        var array = (BinaryArray)arg.Array;
        var c = arg.IsConstant;
        for (var r = 0; r < rowCount; r++)
        {
            var i = c ? 0 : r;
            if (array.IsNull(i))
            {
                continue;
            }

            var g = groupIds[r];
            var v = array.GetBytes(i);
            var cur = _values[g];
            if (cur is null || (isMax ? v.SequenceCompareTo(cur) > 0 : v.SequenceCompareTo(cur) < 0))
            {
                _values[g] = v.ToArray();
            }
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (BytesMinMaxState)other;
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (o._values[g] is not { } v)
            {
                continue;
            }

            var t = groupMap[g];
            var cur = _values[t];
            if (cur is null || (isMax ? v.AsSpan().SequenceCompareTo(cur) > 0 : v.AsSpan().SequenceCompareTo(cur) < 0))
            {
                _values[t] = v;
            }
        }
    }

    public override ArrowArray Finish(int groupCount)
    {
        var builder = new BinaryBuilder(type.ArrowType);
        for (var g = 0; g < groupCount; g++)
        {
            if (_values[g] is { } v)
            {
                builder.Append(v.AsSpan());
            }
            else
            {
                builder.AppendNull();
            }
        }

        return builder.Build();
    }
}
