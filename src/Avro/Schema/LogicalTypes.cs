namespace Lakehouse.Avro.Schema;

/// <summary>Names of the specification's logical types and their validation against underlying types.</summary>
public static class LogicalTypes
{
    public const string Decimal = "decimal";
    public const string Uuid = "uuid";
    public const string Date = "date";
    public const string TimeMillis = "time-millis";
    public const string TimeMicros = "time-micros";
    public const string TimestampMillis = "timestamp-millis";
    public const string TimestampMicros = "timestamp-micros";
    public const string TimestampNanos = "timestamp-nanos";
    public const string LocalTimestampMillis = "local-timestamp-millis";
    public const string LocalTimestampMicros = "local-timestamp-micros";
    public const string LocalTimestampNanos = "local-timestamp-nanos";
    public const string Duration = "duration";

    /// <summary>Iceberg's marker on an array of key/value records that encodes a map with non-string keys.</summary>
    public const string IcebergMap = "map";

    internal static LogicalTypeKind Classify(AvroSchema schema)
    {
        var t = schema.Type;
        return schema.LogicalType switch
        {
            null => LogicalTypeKind.None,
            Decimal when IsValidDecimal(schema) => LogicalTypeKind.Decimal,
            Uuid when t == AvroType.String || (schema is FixedSchema { Size: 16 }) => LogicalTypeKind.Uuid,
            Date when t == AvroType.Int => LogicalTypeKind.Date,
            TimeMillis when t == AvroType.Int => LogicalTypeKind.TimeMillis,
            TimeMicros when t == AvroType.Long => LogicalTypeKind.TimeMicros,
            TimestampMillis when t == AvroType.Long => LogicalTypeKind.TimestampMillis,
            TimestampMicros when t == AvroType.Long => LogicalTypeKind.TimestampMicros,
            TimestampNanos when t == AvroType.Long => LogicalTypeKind.TimestampNanos,
            LocalTimestampMillis when t == AvroType.Long => LogicalTypeKind.LocalTimestampMillis,
            LocalTimestampMicros when t == AvroType.Long => LogicalTypeKind.LocalTimestampMicros,
            LocalTimestampNanos when t == AvroType.Long => LogicalTypeKind.LocalTimestampNanos,
            Duration when schema is FixedSchema { Size: 12 } => LogicalTypeKind.Duration,
            _ => LogicalTypeKind.None,
        };
    }

    /// <summary>Largest decimal precision a fixed of <paramref name="size"/> bytes can hold (two's complement).</summary>
    public static int MaxDecimalPrecision(int size)
    {
        if (size <= 0)
        {
            return 0;
        }

        // floor(log10(2^(8*size-1) - 1)) computed without overflow.
        return (int)Math.Floor(((8.0 * size) - 1) * Math.Log10(2));
    }

    private static bool IsValidDecimal(AvroSchema schema)
    {
        if (schema.Type != AvroType.Bytes && schema.Type != AvroType.Fixed)
        {
            return false;
        }

        if (schema.Precision is not int p || p <= 0)
        {
            return false;
        }

        var s = schema.Scale ?? 0;
        if (s < 0 || s > p)
        {
            return false;
        }

        return schema is not FixedSchema f || p <= MaxDecimalPrecision(f.Size);
    }
}
