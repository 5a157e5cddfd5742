using Lakehouse.Sql.Functions.Sketches;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>Registers the library's aggregates (count, sum, avg, min, max are the engine core's).</summary>
public static class AggregateLibrary
{
    public static void Register(FunctionRegistry registry)
    {
        registry.Register(new LibraryAggregateFunction("count_if", "number of rows where the condition is true", ["count_if(boolean) → bigint"],
            static a => a.Count == 1 && SqlType.CanCoerce(a[0], SqlType.Boolean) ? ([SqlType.Boolean], SqlType.BigInt, static () => new CountIfState()) : null));
        foreach (var (name, isAnd) in new[] { ("bool_and", true), ("every", true), ("bool_or", false) })
        {
            registry.Register(new LibraryAggregateFunction(name, isAnd ? "true when every value is true" : "true when any value is true", [$"{name}(boolean) → boolean"],
                a => a.Count == 1 && SqlType.CanCoerce(a[0], SqlType.Boolean) ? ([SqlType.Boolean], SqlType.Boolean, () => new BoolAggregateState(isAnd)) : null));
        }

        foreach (var (name, kind) in new[]
        {
            ("variance", VarianceKind.VarianceSample), ("var_samp", VarianceKind.VarianceSample), ("var_pop", VarianceKind.VariancePopulation),
            ("stddev", VarianceKind.StddevSample), ("stddev_samp", VarianceKind.StddevSample), ("stddev_pop", VarianceKind.StddevPopulation),
        })
        {
            registry.Register(new LibraryAggregateFunction(name, "statistical " + name.Replace('_', ' '), [$"{name}(double) → double"],
                a => a.Count == 1 && (a[0].IsNumeric || a[0].Kind == SqlTypeKind.Unknown) ? ([SqlType.Double], SqlType.Double, () => new VarianceState(kind)) : null));
        }

        registry.Register(new LibraryAggregateFunction("approx_distinct", "approximate number of distinct values (HyperLogLog, standard error 2.3% by default)",
            ["approx_distinct(T) → bigint", "approx_distinct(T, double max_standard_error) → bigint"], static a =>
            {
                if (a.Count is not (1 or 2) || (a.Count == 2 && !SqlType.CanCoerce(a[1], SqlType.Double)) || HashableType(a[0]) is not { } t)
                {
                    return null;
                }

                // The error bound is a constant of the query; 2.3% unless given (checked when the state sees it).
                return (a.Count == 2 ? [t, SqlType.Double] : [t], SqlType.BigInt, () => new ApproxDistinctState(HyperLogLog.DefaultPrecision));
            }));
        registry.Register(new LibraryAggregateFunction("approx_percentile", "approximate percentile (t-digest)",
            ["approx_percentile(bigint, double) → bigint", "approx_percentile(double, double) → double"], static a =>
            {
                if (a.Count != 2 || !SqlType.CanCoerce(a[1], SqlType.Double))
                {
                    return null;
                }

                if (a[0].IsInteger)
                {
                    return ([SqlType.BigInt, SqlType.Double], SqlType.BigInt, static () => new ApproxPercentileState(SqlType.BigInt));
                }

                return a[0].IsNumeric || a[0].Kind == SqlTypeKind.Unknown
                    ? ([SqlType.Double, SqlType.Double], SqlType.Double, static () => new ApproxPercentileState(SqlType.Double))
                    : null;
            }));
        foreach (var name in new[] { "arbitrary", "any_value" })
        {
            registry.Register(new LibraryAggregateFunction(name, "an arbitrary non-null value of the group", [$"{name}(T) → T"],
                static a => a.Count == 1 ? ([a[0]], a[0], () => new ArbitraryState(a[0])) : null));
        }

        foreach (var (name, isMax) in new[] { ("min_by", false), ("max_by", true) })
        {
            registry.Register(new LibraryAggregateFunction(name, $"x of the row with the {(isMax ? "largest" : "smallest")} y", [$"{name}(T x, K y) → T"],
                a => a.Count == 2 && a[1].IsOrderable && a[1].Kind is not (SqlTypeKind.Array or SqlTypeKind.Row or SqlTypeKind.Map)
                    ? ([a[0], a[1]], a[0], () => new MinMaxByState(a[0], a[1], isMax))
                    : null));
        }

        registry.Register(new LibraryAggregateFunction("array_agg", "the group's values as an array (nulls included)", ["array_agg(T) → array(T)"],
            static a => a.Count == 1 && a[0].Kind != SqlTypeKind.Unknown ? ([a[0]], SqlType.Array(a[0]), () => new ArrayAggState(SqlType.Array(a[0]))) : null));
        foreach (var name in new[] { "string_agg", "listagg" })
        {
            registry.Register(new LibraryAggregateFunction(name, "the group's non-null strings joined by a separator", [$"{name}(varchar, varchar) → varchar"],
                static a => a.Count is 1 or 2 && SqlType.CanCoerce(a[0], SqlType.Varchar) && (a.Count == 1 || SqlType.CanCoerce(a[1], SqlType.Varchar))
                    ? (a.Count == 2 ? [SqlType.Varchar, SqlType.Varchar] : [SqlType.Varchar], SqlType.Varchar, static () => new StringAggState())
                    : null));
        }
    }

    private static SqlType? HashableType(SqlType t) => t.Kind switch
    {
        SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt => SqlType.BigInt,
        SqlTypeKind.Real or SqlTypeKind.Double => SqlType.Double,
        SqlTypeKind.Unknown => SqlType.BigInt,
        SqlTypeKind.Varchar or SqlTypeKind.Varbinary or SqlTypeKind.Json or SqlTypeKind.Date or SqlTypeKind.Timestamp
            or SqlTypeKind.TimestampWithTimeZone or SqlTypeKind.Decimal or SqlTypeKind.Boolean or SqlTypeKind.Uuid
            or SqlTypeKind.IntervalDayToSecond or SqlTypeKind.IntervalYearToMonth or SqlTypeKind.Time => t,
        _ => null,
    };
}
