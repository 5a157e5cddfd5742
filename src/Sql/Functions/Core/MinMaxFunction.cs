using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Functions.Core;

/// <summary>min(x) / max(x) over any orderable scalar type with a fixed-width or string storage.</summary>
public sealed class MinMaxFunction : AggregateFunction
{
    private readonly bool _isMax;

    public MinMaxFunction(string name, bool isMax)
        : base(name, isMax ? "largest non-null value" : "smallest non-null value")
    {
        _isMax = isMax;
    }

    public override IReadOnlyList<string> Signatures => [$"{Name}(T) → T"];

    public override BoundAggregateFunction? Bind(IReadOnlyList<SqlType> argumentTypes, bool distinct)
    {
        if (argumentTypes.Count != 1)
        {
            return null;
        }

        var t = argumentTypes[0];
        return t.Kind switch
        {
            SqlTypeKind.Unknown => new Bound(Name, SqlType.BigInt, _isMax),
            SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt or SqlTypeKind.Real or SqlTypeKind.Double
                or SqlTypeKind.Decimal or SqlTypeKind.Varchar or SqlTypeKind.Varbinary or SqlTypeKind.Date or SqlTypeKind.Time
                or SqlTypeKind.Timestamp or SqlTypeKind.TimestampWithTimeZone or SqlTypeKind.IntervalDayToSecond
                or SqlTypeKind.IntervalYearToMonth or SqlTypeKind.Boolean => new Bound(Name, t, _isMax),
            _ => null,
        };
    }

    private sealed class Bound(string name, SqlType type, bool isMax) : BoundAggregateFunction(name, [type], type)
    {
        public override GroupedAggregateState CreateState() => ReturnType.Kind switch
        {
            SqlTypeKind.TinyInt => new MinMaxState<sbyte>(ReturnType, isMax),
            SqlTypeKind.SmallInt => new MinMaxState<short>(ReturnType, isMax),
            SqlTypeKind.Integer or SqlTypeKind.Date or SqlTypeKind.IntervalYearToMonth => new MinMaxState<int>(ReturnType, isMax),
            SqlTypeKind.Real => new MinMaxState<float>(ReturnType, isMax),
            SqlTypeKind.Double => new MinMaxState<double>(ReturnType, isMax),
            SqlTypeKind.Decimal => new MinMaxState<Int128>(ReturnType, isMax),
            SqlTypeKind.Varchar or SqlTypeKind.Varbinary => new BytesMinMaxState(ReturnType, isMax),
            SqlTypeKind.Boolean => new BooleanMinMaxState(isMax).Init(),
            _ => new MinMaxState<long>(ReturnType, isMax),
        };
    }
}
