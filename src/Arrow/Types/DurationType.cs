namespace Lakehouse.Arrow.Types;

/// <summary>64-bit elapsed time in <see cref="Unit"/>.</summary>
public sealed class DurationType : ArrowType
{
    public DurationType(TimeUnit unit) => Unit = unit;

    public TimeUnit Unit { get; }

    public override ArrowTypeId Id => ArrowTypeId.Duration;

    public override int BitWidth => 64;

    public override bool Equals(ArrowType? other) => other is DurationType d && d.Unit == Unit;

    public override int GetHashCode() => HashCode.Combine(ArrowTypeId.Duration, Unit);

    public override string ToString() => $"duration[{UnitName(Unit)}]";
}
