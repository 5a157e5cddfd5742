using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>
/// variance/var_samp/var_pop/stddev/stddev_samp/stddev_pop over doubles: Welford's running mean and sum of
/// squared deviations per group, merged with Chan et al.'s pairwise formula. Sample statistics are null
/// for fewer than two values, population statistics for none (as Trino).
/// </summary>
public sealed class VarianceState(VarianceKind kind) : GroupedAggregateState
{
    private long[] _count = [];
    private double[] _mean = [];
    private double[] _m2 = [];

    public override long MemoryBytes => _count.Length * 24L;

    public override void EnsureGroups(int groupCount)
    {
        GroupArrays.Ensure(ref _count, groupCount);
        GroupArrays.Ensure(ref _mean, groupCount);
        GroupArrays.Ensure(ref _m2, groupCount);
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var v = arguments[0];
        var array = (PrimitiveArray<double>)v.Array;
        var values = array.Values;
        for (var r = 0; r < rowCount; r++)
        {
            var i = v.Index(r);
            if (!array.IsValid(i))
            {
                continue;
            }

            var g = groupIds[r];
            var x = values[i];
            var n = ++_count[g];
            var delta = x - _mean[g];
            _mean[g] += delta / n;
            _m2[g] += delta * (x - _mean[g]);
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (VarianceState)other;
        for (var g = 0; g < groupMap.Length; g++)
        {
            var nb = o._count[g];
            if (nb == 0)
            {
                continue;
            }

            var t = groupMap[g];
            var na = _count[t];
            var n = na + nb;
            var delta = o._mean[g] - _mean[t];
            _mean[t] += delta * nb / n;
            _m2[t] += o._m2[g] + (delta * delta * na * nb / n);
            _count[t] = n;
        }
    }

    public override ArrowArray Finish(int groupCount)
    {
        var memory = ArrayFactory.Allocate<double>(groupCount, out var values);
        var validity = new byte[BitUtil.BytesForBits(groupCount)];
        var nulls = 0;
        var sample = kind is VarianceKind.VarianceSample or VarianceKind.StddevSample;
        for (var g = 0; g < groupCount; g++)
        {
            var n = _count[g];
            if (n == 0 || (sample && n < 2))
            {
                nulls++;
                continue;
            }

            var variance = _m2[g] / (sample ? n - 1 : n);
            values[g] = kind is VarianceKind.StddevSample or VarianceKind.StddevPopulation ? Math.Sqrt(variance) : variance;
            BitUtil.SetBit(validity, g);
        }

        return ArrayFactory.Wrap(SqlType.Double, groupCount, memory, validity, nulls);
    }
}
