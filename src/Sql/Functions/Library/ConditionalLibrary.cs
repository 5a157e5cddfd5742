using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Library;

/// <summary>if, nullif, greatest, least (coalesce is the engine core's). Null semantics as Trino.</summary>
internal static class ConditionalLibrary
{
    public static void Register(FunctionRegistry registry)
    {
        registry.Register(new LibraryScalarFunction("if", "if(condition, a[, b]): a when the condition is true, else b (or null)")
            .Add(new ScalarOverload([], SqlType.Unknown, If, PropagatesNulls: false, Resolve: static args =>
            {
                if (args.Count is not (2 or 3) || !SqlType.CanCoerce(args[0], SqlType.Boolean))
                {
                    return null;
                }

                var common = args.Count == 3 ? SqlType.CommonSuperType(args[1], args[2]) : args[1];
                return common is null ? null : (args.Count == 3 ? [SqlType.Boolean, common, common] : [SqlType.Boolean, common], common);
            }, Signature: "if(boolean, T[, T]) → T")));
        registry.Register(new LibraryScalarFunction("nullif", "null when a = b, else a")
            .Add(new ScalarOverload([], SqlType.Unknown, NullIf, PropagatesNulls: false, Resolve: static args =>
                args.Count == 2 && SqlType.CommonSuperType(args[0], args[1]) is { } common && common.IsComparable ? ([common, common], common) : null,
                Signature: "nullif(T, T) → T")));
        registry.Register(new LibraryScalarFunction("greatest", "the largest argument; null if any is null")
            .Add(new ScalarOverload([], SqlType.Unknown, static (a, n, c, t) => Extreme(a, n, t, largest: true), Resolve: ResolveExtreme, Signature: "greatest(T, …) → T")));
        registry.Register(new LibraryScalarFunction("least", "the smallest argument; null if any is null")
            .Add(new ScalarOverload([], SqlType.Unknown, static (a, n, c, t) => Extreme(a, n, t, largest: false), Resolve: ResolveExtreme, Signature: "least(T, …) → T")));
    }

    private static (SqlType[], SqlType)? ResolveExtreme(IReadOnlyList<SqlType> args)
    {
        if (args.Count == 0)
        {
            return null;
        }

        var common = args[0];
        for (var i = 1; i < args.Count; i++)
        {
            if (SqlType.CommonSuperType(common, args[i]) is not { } t)
            {
                return null;
            }

            common = t;
        }

        return common.IsOrderable && common.Kind is not (SqlTypeKind.Array or SqlTypeKind.Row or SqlTypeKind.Map) ? (Enumerable.Repeat(common, args.Count).ToArray(), common) : null;
    }

    private static ColumnVector If(ReadOnlySpan<ColumnVector> a, int n, FunctionContext context, SqlType type)
    {
        var choice = new int[n];
        for (var r = 0; r < n; r++)
        {
            var yes = a[0].IsValid(r) && Arg.Boolean(a[0], r);
            choice[r] = yes ? 0 : a.Length == 3 ? 1 : -1;
        }

        return VectorChoice.Choose(type, a[1..], choice, n);
    }

    private static ColumnVector NullIf(ReadOnlySpan<ColumnVector> a, int n, FunctionContext context, SqlType type)
    {
        var choice = new int[n];
        for (var r = 0; r < n; r++)
        {
            var equal = a[0].IsValid(r) && a[1].IsValid(r) && ValueOrder.Equal(a[0].Array, a[0].Index(r), a[1].Array, a[1].Index(r));
            choice[r] = equal ? -1 : 0;
        }

        return VectorChoice.Choose(type, [a[0]], choice, n);
    }

    private static ColumnVector Extreme(ReadOnlySpan<ColumnVector> a, int n, SqlType type, bool largest)
    {
        var choice = new int[n];
        for (var r = 0; r < n; r++)
        {
            var best = -1;
            for (var s = 0; s < a.Length; s++)
            {
                if (a[s].IsNull(r))
                {
                    best = -1;
                    break;
                }

                if (best < 0)
                {
                    best = s;
                    continue;
                }

                var c = ValueOrder.Compare(a[s].Array, a[s].Index(r), a[best].Array, a[best].Index(r));
                if (largest ? c > 0 : c < 0)
                {
                    best = s;
                }
            }

            choice[r] = best;
        }

        return VectorChoice.Choose(type, a, choice, n);
    }
}
