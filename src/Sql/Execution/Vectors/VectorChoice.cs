using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Execution.Vectors;

/// <summary>Row-wise choice between several vectors of one type (coalesce, CASE, IF): a gather over their concatenation.</summary>
public static class VectorChoice
{
    /// <summary>Row r takes <c>sources[choice[r]]</c> at r, or null where choice is negative.</summary>
    public static ColumnVector Choose(SqlType type, ReadOnlySpan<ColumnVector> sources, ReadOnlySpan<int> choice, int rowCount)
    {
        // Lay the sources out one after another: constants take one slot, arrays rowCount slots.
        var arrays = new ArrowArray[sources.Length];
        var starts = new int[sources.Length];
        var pos = 0;
        for (var s = 0; s < sources.Length; s++)
        {
            arrays[s] = sources[s].Array;
            starts[s] = pos;
            pos += arrays[s].Length;
        }

        var all = ArrayGather.Concat(arrays, type.ArrowType);
        var indices = new int[rowCount];
        for (var r = 0; r < rowCount; r++)
        {
            var c = choice[r];
            indices[r] = c < 0 ? -1 : starts[c] + (sources[c].IsConstant ? 0 : r);
        }

        return ColumnVector.FromArray(type, ArrayGather.Gather(all, indices));
    }

    /// <summary>coalesce: the first non-null of <paramref name="sources"/> per row.</summary>
    public static ColumnVector FirstNonNull(SqlType type, ReadOnlySpan<ColumnVector> sources, int rowCount)
    {
        if (sources[0].IsConstant && !sources[0].IsAllNull)
        {
            return sources[0];
        }

        if (sources[0].Array.NullCount == 0)
        {
            return sources[0];
        }

        var choice = new int[rowCount];
        for (var r = 0; r < rowCount; r++)
        {
            choice[r] = -1;
            for (var s = 0; s < sources.Length; s++)
            {
                if (sources[s].IsValid(r))
                {
                    choice[r] = s;
                    break;
                }
            }
        }

        return Choose(type, sources, choice, rowCount);
    }
}
