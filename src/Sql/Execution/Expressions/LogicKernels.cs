using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Functions;

namespace Lakehouse.Sql.Execution.Expressions;

/// <summary>Three-valued AND / OR / NOT.</summary>
internal static class LogicKernels
{
    public static ColumnVector AndOr(bool isAnd, ReadOnlySpan<ColumnVector> args, int n)
    {
        var result = new BoolVectorBuilder(n);
        var arrays = new BooleanArray[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            arrays[i] = (BooleanArray)args[i].Array;
        }

        for (var r = 0; r < n; r++)
        {
            var sawNull = false;
            var decided = false;
            for (var i = 0; i < args.Length; i++)
            {
                var idx = args[i].Index(r);
                if (arrays[i].IsNull(idx))
                {
                    sawNull = true;
                }
                else if (arrays[i].Value(idx) != isAnd)
                {
                    decided = true;
                    break;
                }
            }

            if (decided)
            {
                result.Set(r, !isAnd);
            }
            else if (sawNull)
            {
                result.SetNull(r);
            }
            else
            {
                result.Set(r, isAnd);
            }
        }

        return result.Build();
    }

    public static ColumnVector Not(ColumnVector v, int n)
    {
        var result = new BoolVectorBuilder(n);
        var b = (BooleanArray)v.Array;
        for (var r = 0; r < n; r++)
        {
            var idx = v.Index(r);
            if (b.IsNull(idx))
            {
                result.SetNull(r);
            }
            else
            {
                result.Set(r, !b.Value(idx));
            }
        }

        return result.Build();
    }
}
