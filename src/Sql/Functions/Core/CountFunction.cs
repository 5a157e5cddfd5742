using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>count(*) and count(x): rows, or non-null values of x; bigint, 0 for an empty group.</summary>
public sealed class CountFunction : AggregateFunction
{
    public CountFunction()
        : base("count", "number of rows, or of non-null values")
    {
    }

    public override IReadOnlyList<string> Signatures => ["count(*) → bigint", "count(T) → bigint"];

    public override BoundAggregateFunction? Bind(IReadOnlyList<SqlType> argumentTypes, bool distinct) =>
        argumentTypes.Count <= 1 ? new Bound(argumentTypes) : null;

    private sealed class Bound(IReadOnlyList<SqlType> argumentTypes) : BoundAggregateFunction("count", argumentTypes, SqlType.BigInt)
    {
        public override GroupedAggregateState CreateState() => new State();
    }

    private sealed class State : GroupedAggregateState
    {
        private long[] _counts = new long[16];

        public override long MemoryBytes => _counts.Length * 8L;

        public override void EnsureGroups(int groupCount)
        {
            if (groupCount > _counts.Length)
            {
                Array.Resize(ref _counts, Math.Max(groupCount, _counts.Length * 2));
            }
        }

        public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
        {
            var counts = _counts;
            if (arguments.Length == 0 || arguments[0].Array.NullCount == 0)
            {
                for (var r = 0; r < rowCount; r++)
                {
                    counts[groupIds[r]]++;
                }

                return;
            }

            var arg = arguments[0];
            if (arg.IsConstant)
            {
                return; // constant null
            }

            for (var r = 0; r < rowCount; r++)
            {
                if (arg.Array.IsValid(r))
                {
                    counts[groupIds[r]]++;
                }
            }
        }

        public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
        {
            var o = ((State)other)._counts;
            for (var g = 0; g < groupMap.Length; g++)
            {
                _counts[groupMap[g]] += o[g];
            }
        }

        public override ArrowArray Finish(int groupCount) => ArrayFactory.FromSpan<long>(SqlType.BigInt, _counts.AsSpan(0, groupCount), null, 0);
    }
}
