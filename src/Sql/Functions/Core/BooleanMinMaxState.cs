using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>min/max over boolean (false &lt; true).</summary>
internal sealed class BooleanMinMaxState(bool isMax) : GroupedAggregateState
{
    private sbyte[] _values = new sbyte[16]; // -1 unseen, 0 false, 1 true

    public override void EnsureGroups(int groupCount)
    {
        if (groupCount > _values.Length)
        {
            var old = _values.Length;
            Array.Resize(ref _values, Math.Max(groupCount, _values.Length * 2));
            _values.AsSpan(old).Fill(-1);
        }
    }

    public BooleanMinMaxState Init()
    {
        _values.AsSpan().Fill(-1);
        return this;
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        if (_values.Length > 0 && groupIds.Length == 0)
        {
            return;
        }

        var arg = arguments[0];
        var array = (BooleanArray)arg.Array;
        for (var r = 0; r < rowCount; r++)
        {
            var i = arg.Index(r);
            if (array.IsValid(i))
            {
                Set(groupIds[r], array.Value(i) ? (sbyte)1 : (sbyte)0);
            }
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (BooleanMinMaxState)other;
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (o._values[g] >= 0)
            {
                Set(groupMap[g], o._values[g]);
            }
        }
    }

    public override ArrowArray Finish(int groupCount)
    {
        var builder = new BooleanBuilder();
        for (var g = 0; g < groupCount; g++)
        {
            if (_values[g] < 0)
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(_values[g] == 1);
            }
        }

        return builder.Build();
    }

    private void Set(int g, sbyte v)
    {
        var cur = _values[g];
        if (cur < 0 || (isMax ? v > cur : v < cur))
        {
            _values[g] = v;
        }
    }
}
