namespace Lakehouse.Arrow.Types;

/// <summary>Calendar interval; the layout depends on <see cref="Unit"/>.</summary>
public sealed class IntervalType : ArrowType
{
    public IntervalType(IntervalUnit unit) => Unit = unit;

    public IntervalUnit Unit { get; }

    public override ArrowTypeId Id => ArrowTypeId.Interval;

    public override int BitWidth => Unit switch
    {
        IntervalUnit.YearMonth => 32,
        IntervalUnit.DayTime => 64,
        _ => 128,
    };

    public override bool Equals(ArrowType? other) => other is IntervalType i && i.Unit == Unit;

    public override int GetHashCode() => HashCode.Combine(ArrowTypeId.Interval, Unit);

    public override string ToString() => Unit switch
    {
        IntervalUnit.YearMonth => "month_interval",
        IntervalUnit.DayTime => "day_time_interval",
        _ => "month_day_nano_interval",
    };
}
