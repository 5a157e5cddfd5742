using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>count_if(boolean): rows where the argument is true (0 for empty groups).</summary>
public sealed class CountIfState : GroupedAggregateState
{
    private long[] _counts = [];

    public override long MemoryBytes => _counts.Length * 8L;

    public override void EnsureGroups(int groupCount) => GroupArrays.Ensure(ref _counts, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var v = arguments[0];
        var values = (BooleanArray)v.Array;
        for (var r = 0; r < rowCount; r++)
        {
            var i = v.Index(r);
            if (values.IsValid(i) && values.Value(i))
            {
                _counts[groupIds[r]]++;
            }
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (CountIfState)other;
        for (var g = 0; g < groupMap.Length; g++)
        {
            _counts[groupMap[g]] += o._counts[g];
        }
    }

    public override ArrowArray Finish(int groupCount) => ArrayFactory.FromSpan<long>(SqlType.BigInt, _counts.AsSpan(0, groupCount), null, 0);
}
