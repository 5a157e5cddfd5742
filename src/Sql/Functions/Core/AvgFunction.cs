using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>avg(x): double for integers and floating point (real → real in Trino; double here), decimal(p,s) for decimals.</summary>
public sealed class AvgFunction : AggregateFunction
{
    public AvgFunction()
        : base("avg", "arithmetic mean of non-null values")
    {
    }

    public override IReadOnlyList<string> Signatures => ["avg(integer types) → double", "avg(double) → double", "avg(decimal(p,s)) → decimal(p,s)"];

    public override BoundAggregateFunction? Bind(IReadOnlyList<SqlType> argumentTypes, bool distinct)
    {
        if (argumentTypes.Count != 1)
        {
            return null;
        }

        var t = argumentTypes[0];
        return t.Kind switch
        {
            SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt or SqlTypeKind.Unknown => new Bound([SqlType.BigInt], SqlType.Double, NumericAccumulator.Kind.Integer),
            SqlTypeKind.Real or SqlTypeKind.Double => new Bound([SqlType.Double], SqlType.Double, NumericAccumulator.Kind.Float),
            SqlTypeKind.Decimal => new Bound([t], t, NumericAccumulator.Kind.Decimal),
            _ => null,
        };
    }

    private sealed class Bound(IReadOnlyList<SqlType> args, SqlType returnType, NumericAccumulator.Kind kind) : BoundAggregateFunction("avg", args, returnType)
    {
        public override GroupedAggregateState CreateState() => new SumFunction.State(ReturnType, kind, average: true);
    }
}
