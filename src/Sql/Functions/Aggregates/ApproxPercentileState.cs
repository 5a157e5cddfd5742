using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions.Sketches;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>
/// approx_percentile(x, p): one <see cref="TDigest"/> per group; p (constant per query, in [0, 1]) is read from
/// the second argument. bigint results are rounded to the nearest integer; null for empty groups.
/// </summary>
public sealed class ApproxPercentileState(SqlType returnType) : GroupedAggregateState
{
    private TDigest?[] _digests = [];
    private double _percentile = double.NaN;

    public override long MemoryBytes => _digests.Length * 8L + (_digests.Count(d => d is not null) * 4000L);

    public override void EnsureGroups(int groupCount) => GroupArrays.Ensure(ref _digests, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var v = arguments[0];
        var p = arguments[1];
        var longs = v.Array is PrimitiveArray<long> l ? l.Values : default;
        var doubles = v.Array is PrimitiveArray<long> ? default : ((PrimitiveArray<double>)v.Array).Values;
        var isLong = v.Array is PrimitiveArray<long>;
        var hasNulls = v.Array.NullCount > 0;
        for (var r = 0; r < rowCount; r++)
        {
            var i = v.Index(r);
            if (hasNulls && v.Array.IsNull(i))
            {
                continue;
            }

            if (double.IsNaN(_percentile))
            {
                if (p.IsNull(r))
                {
                    throw FunctionErrors.InvalidArgument("Percentile cannot be null");
                }

                var percentile = ((PrimitiveArray<double>)p.Array).Values[p.Index(r)];
                if (!(percentile >= 0 && percentile <= 1))
                {
                    throw FunctionErrors.InvalidArgument("Percentile must be between 0 and 1");
                }

                _percentile = percentile;
            }

            (_digests[groupIds[r]] ??= new TDigest()).Add(isLong ? longs[i] : doubles[i]);
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (ApproxPercentileState)other;
        if (double.IsNaN(_percentile))
        {
            _percentile = o._percentile;
        }

        for (var g = 0; g < groupMap.Length; g++)
        {
            if (o._digests[g] is not { } d)
            {
                continue;
            }

            ref var target = ref _digests[groupMap[g]];
            if (target is null)
            {
                target = d;
            }
            else
            {
                target.Merge(d);
            }
        }
    }

    public override ArrowArray Finish(int groupCount)
    {
        var validity = new byte[BitUtil.BytesForBits(groupCount)];
        var nulls = 0;
        if (returnType.Kind == SqlTypeKind.BigInt)
        {
            var memory = ArrayFactory.Allocate<long>(groupCount, out var values);
            for (var g = 0; g < groupCount; g++)
            {
                if (_digests[g] is { } d)
                {
                    values[g] = (long)Math.Round(d.Quantile(_percentile), MidpointRounding.AwayFromZero);
                    BitUtil.SetBit(validity, g);
                }
                else
                {
                    nulls++;
                }
            }

            return ArrayFactory.Wrap(returnType, groupCount, memory, validity, nulls);
        }

        var dm = ArrayFactory.Allocate<double>(groupCount, out var doubles);
        for (var g = 0; g < groupCount; g++)
        {
            if (_digests[g] is { } d)
            {
                doubles[g] = d.Quantile(_percentile);
                BitUtil.SetBit(validity, g);
            }
            else
            {
                nulls++;
            }
        }

        return ArrayFactory.Wrap(returnType, groupCount, dm, validity, nulls);
    }
}
