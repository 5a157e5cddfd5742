namespace Lakehouse.Avro.Schema;

/// <summary>
/// A logical type recognised on its underlying type. <see cref="None"/> when the schema has no
/// <c>logicalType</c>, or an unknown or invalid one (the specification says to ignore those and use the
/// underlying type; the raw attribute is still available as <see cref="AvroSchema.LogicalType"/>).
/// </summary>
public enum LogicalTypeKind
{
    None,
    Decimal,
    Uuid,
    Date,
    TimeMillis,
    TimeMicros,
    TimestampMillis,
    TimestampMicros,
    TimestampNanos,
    LocalTimestampMillis,
    LocalTimestampMicros,
    LocalTimestampNanos,
    Duration,
}
