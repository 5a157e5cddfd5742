using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Functions.Library;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>min_by(x, y) / max_by(x, y): x of the row with the smallest/largest y; rows with null y are skipped.</summary>
public sealed class MinMaxByState(SqlType valueType, SqlType keyType, bool isMax) : GroupedAggregateState
{
    private readonly RetainedValues _values = new(valueType.ArrowType);
    private readonly RetainedValues _keys = new(keyType.ArrowType);
    private int[] _best = [];

    public override long MemoryBytes => _values.MemoryBytes + _keys.MemoryBytes + (_best.Length * 4L);

    public override void EnsureGroups(int groupCount) => GroupArrays.Ensure(ref _best, groupCount, -1);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount)
    {
        var x = arguments[0];
        var y = arguments[1];
        if (x.IsConstant != y.IsConstant)
        {
            x = ColumnVector.FromArray(x.Type, x.ToArray());
            y = ColumnVector.FromArray(y.Type, y.ToArray());
        }

        var keyStart = -1;
        var valueStart = -1;
        for (var r = 0; r < rowCount; r++)
        {
            if (y.IsNull(r))
            {
                continue;
            }

            var g = groupIds[r];
            var current = _best[g];
            if (current >= 0)
            {
                var (chunk, slot) = _keys.Locate(current);
                var c = ValueOrder.Compare(y.Array, y.Index(r), chunk, slot);
                if (isMax ? c <= 0 : c >= 0)
                {
                    continue;
                }
            }

            if (keyStart < 0)
            {
                // Keys and values are retained in lockstep so one global index serves both.
                keyStart = _keys.Add(y);
                valueStart = _values.Add(x);
                if (keyStart != valueStart)
                {
                    throw new InvalidOperationException("min_by/max_by retained values out of step");
                }
            }

            _best[g] = keyStart + y.Index(r);
        }
    }

    public override void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap)
    {
        var o = (MinMaxByState)other;
        var offset = _keys.AddAll(o._keys);
        _values.AddAll(o._values);
        for (var g = 0; g < groupMap.Length; g++)
        {
            var theirs = o._best[g];
            if (theirs < 0)
            {
                continue;
            }

            theirs += offset;
            var t = groupMap[g];
            if (_best[t] >= 0)
            {
                var (a, i) = _keys.Locate(theirs);
                var (b, j) = _keys.Locate(_best[t]);
                var c = ValueOrder.Compare(a, i, b, j);
                if (isMax ? c <= 0 : c >= 0)
                {
                    continue;
                }
            }

            _best[t] = theirs;
        }
    }

    public override ArrowArray Finish(int groupCount) => _values.Gather(_best.AsSpan(0, groupCount));
}
