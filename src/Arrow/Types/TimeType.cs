namespace Lakehouse.Arrow.Types;

/// <summary>Time of day since midnight: time32 (s, ms) or time64 (us, ns).</summary>
public sealed class TimeType : ArrowType
{
    public TimeType(TimeUnit unit)
    {
        Unit = unit;
    }

    public TimeUnit Unit { get; }

    public override ArrowTypeId Id => Unit is TimeUnit.Second or TimeUnit.Millisecond ? ArrowTypeId.Time32 : ArrowTypeId.Time64;

    public override int BitWidth => Id == ArrowTypeId.Time32 ? 32 : 64;

    public override bool Equals(ArrowType? other) => other is TimeType t && t.Unit == Unit;

    public override int GetHashCode() => HashCode.Combine(ArrowTypeId.Time64, Unit);

    public override string ToString() => $"time{BitWidth}[{UnitName(Unit)}]";
}
