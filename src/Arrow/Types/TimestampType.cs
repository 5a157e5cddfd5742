namespace Lakehouse.Arrow.Types;

/// <summary>
/// 64-bit count of <see cref="Unit"/> since the Unix epoch. With a <see cref="Timezone"/> the values are
/// UTC instants; without one they are wall-clock ("local") date-times.
/// </summary>
public sealed class TimestampType : ArrowType
{
    public TimestampType(TimeUnit unit, string? timezone = null)
    {
        Unit = unit;
        Timezone = string.IsNullOrEmpty(timezone) ? null : timezone;
    }

    public TimeUnit Unit { get; }

    public string? Timezone { get; }

    public override ArrowTypeId Id => ArrowTypeId.Timestamp;

    public override int BitWidth => 64;

    public override bool Equals(ArrowType? other) =>
        other is TimestampType t && t.Unit == Unit && string.Equals(t.Timezone, Timezone, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Unit, Timezone);

    public override string ToString() => Timezone is null ? $"timestamp[{UnitName(Unit)}]" : $"timestamp[{UnitName(Unit)}, tz={Timezone}]";
}
