using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>arbitrary / any_value: the first non-null value seen per group.</summary>
public sealed class ArbitraryState(SqlType type) : GroupedAggregateState
{
    private readonly RetainedValues _values = new(type.ArrowType);
    private int[] _chosen = [];

    public override long MemoryBytes => _values.MemoryBytes + (_chosen.Length * 4L);

    public override void EnsureGroups(int groupCount) => GroupArrays.Ensure(ref _chosen, groupCount, -1);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var v = arguments[0];
        var start = -1;
        for (var r = 0; r < rowCount; r++)
        {
            var g = groupIds[r];
            if (_chosen[g] >= 0 || v.IsNull(r))
            {
                continue;
            }

            if (start < 0)
            {
                start = _values.Add(v);
            }

            _chosen[g] = start + v.Index(r);
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (ArbitraryState)other;
        var offset = _values.AddAll(o._values);
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (o._chosen[g] >= 0 && _chosen[groupMap[g]] < 0)
            {
                _chosen[groupMap[g]] = o._chosen[g] + offset;
            }
        }
    }

    public override ArrowArray Finish(int groupCount) => _values.Gather(_chosen.AsSpan(0, groupCount));
}
