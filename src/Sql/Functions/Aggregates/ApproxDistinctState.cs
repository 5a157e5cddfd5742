using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions.Hashing;
using Lakehouse.Sql.Functions.Sketches;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>approx_distinct(x[, e]): one <see cref="HyperLogLog"/> per group over XXH64 hashes of the values.</summary>
public sealed class ApproxDistinctState(int precision) : GroupedAggregateState
{
    private int _precision = precision;
    private bool _precisionRead;
    private HyperLogLog?[] _sketches = [];

    public override long MemoryBytes
    {
        get
        {
            long bytes = _sketches.Length * 8L;
            foreach (var s in _sketches)
            {
                bytes += s is null ? 0 : s.IsExact ? 256 : s.RegisterCount;
            }

            return bytes;
        }
    }

    public override void EnsureGroups(int groupCount) => GroupArrays.Ensure(ref _sketches, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var v = arguments[0];
        var array = v.Array;
        if (arguments.Length > 1 && !_precisionRead && rowCount > 0)
        {
            // approx_distinct(x, e): e is a constant of the query.
            var e = arguments[1];
            if (e.IsNull(0))
            {
                throw FunctionErrors.InvalidArgument("Max standard error cannot be null");
            }

            _precision = HyperLogLog.PrecisionForError(((PrimitiveArray<double>)e.Array).Values[e.Index(0)]);
            _precisionRead = true;
        }

        for (var r = 0; r < rowCount; r++)
        {
            var i = v.Index(r);
            if (array.IsNull(i))
            {
                continue;
            }

            ref var sketch = ref _sketches[groupIds[r]];
            sketch ??= new HyperLogLog(_precision);
            sketch.Add(Hash(array, i));
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (ApproxDistinctState)other;
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (o._sketches[g] is not { } s)
            {
                continue;
            }

            ref var target = ref _sketches[groupMap[g]];
            if (target is null)
            {
                target = s;
            }
            else
            {
                target.Merge(s);
            }
        }
    }

    public override ArrowArray Finish(int groupCount)
    {
        var memory = ArrayFactory.Allocate<long>(groupCount, out var values);
        for (var g = 0; g < groupCount; g++)
        {
            values[g] = _sketches[g]?.Estimate() ?? 0;
        }

        return ArrayFactory.Wrap(SqlType.BigInt, groupCount, memory, null, 0);
    }

    /// <summary>A 64-bit hash of one valid slot; equal SQL values of one type hash equally.</summary>
    public static ulong Hash(ArrowArray array, int i) => array.Type.Id switch
    {
        ArrowTypeId.Utf8 or ArrowTypeId.Binary => XxHash64.Hash(((BinaryArray)array).GetBytes(i)),
        ArrowTypeId.Int64 or ArrowTypeId.Timestamp or ArrowTypeId.Duration or ArrowTypeId.Time64 => XxHash64.HashInt64(((PrimitiveArray<long>)array).Values[i]),
        ArrowTypeId.Int32 or ArrowTypeId.Date32 or ArrowTypeId.Interval => XxHash64.HashInt64(((PrimitiveArray<int>)array).Values[i]),
        ArrowTypeId.Float64 => XxHash64.HashInt64(BitConverter.DoubleToInt64Bits(((PrimitiveArray<double>)array).Values[i] + 0.0)),
        ArrowTypeId.Boolean => XxHash64.HashInt64(((BooleanArray)array).Value(i) ? 1 : 0),
        ArrowTypeId.Decimal128 => XxHash64.Hash(((DecimalArray)array).ValueBytes(i)),
        ArrowTypeId.FixedSizeBinary => XxHash64.Hash(((FixedSizeBinaryArray)array).GetBytes(i)),
        _ => throw FunctionErrors.NotSupported($"approx_distinct over {array.Type} is not supported"),
    };
}
