using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Sql.Types;

/// <summary>
/// A SQL type with its Arrow storage type. Parameterless types are singletons; decimal, array, row and map
/// are created with the factories. Equality is structural. Physical storage (see spec/sql.md §Types):
/// boolean → bool; tinyint..bigint → int8..int64; real/double → float32/float64; decimal(p,s) →
/// decimal128(p,s) (Int128 unscaled); varchar/json → utf8; varbinary → binary; date → date32;
/// time → time64[us]; timestamp → timestamp[us]; timestamp with time zone → timestamp[us, tz=UTC] (an
/// instant); interval day to second → duration[us]; interval year to month → interval[year_month] (months);
/// uuid → fixed_size_binary[16]; array → list; row → struct; map → map.
/// </summary>
public sealed partial class SqlType : IEquatable<SqlType>
{
    private ArrowType? _arrowType;

    private SqlType(SqlTypeKind kind, int precision = 0, int scale = 0, SqlType? element = null, SqlType? value = null, IReadOnlyList<SqlRowField>? fields = null)
    {
        Kind = kind;
        Precision = precision;
        Scale = scale;
        ElementType = element;
        ValueType = value;
        Fields = fields ?? [];
    }

    public SqlTypeKind Kind { get; }

    /// <summary>Decimal precision (1..38); 0 for other types.</summary>
    public int Precision { get; }

    /// <summary>Decimal scale; 0 for other types.</summary>
    public int Scale { get; }

    /// <summary>The element type of an array, or the key type of a map.</summary>
    public SqlType? ElementType { get; }

    /// <summary>The value type of a map.</summary>
    public SqlType? ValueType { get; }

    /// <summary>The fields of a row type (empty for others).</summary>
    public IReadOnlyList<SqlRowField> Fields { get; }

    public static SqlType Unknown { get; } = new(SqlTypeKind.Unknown);
    public static SqlType Boolean { get; } = new(SqlTypeKind.Boolean);
    public static SqlType TinyInt { get; } = new(SqlTypeKind.TinyInt);
    public static SqlType SmallInt { get; } = new(SqlTypeKind.SmallInt);
    public static SqlType Integer { get; } = new(SqlTypeKind.Integer);
    public static SqlType BigInt { get; } = new(SqlTypeKind.BigInt);
    public static SqlType Real { get; } = new(SqlTypeKind.Real);
    public static SqlType Double { get; } = new(SqlTypeKind.Double);
    public static SqlType Varchar { get; } = new(SqlTypeKind.Varchar);
    public static SqlType Varbinary { get; } = new(SqlTypeKind.Varbinary);
    public static SqlType Date { get; } = new(SqlTypeKind.Date);
    public static SqlType Time { get; } = new(SqlTypeKind.Time);
    public static SqlType Timestamp { get; } = new(SqlTypeKind.Timestamp);
    public static SqlType TimestampWithTimeZone { get; } = new(SqlTypeKind.TimestampWithTimeZone);
    public static SqlType IntervalDayToSecond { get; } = new(SqlTypeKind.IntervalDayToSecond);
    public static SqlType IntervalYearToMonth { get; } = new(SqlTypeKind.IntervalYearToMonth);
    public static SqlType Uuid { get; } = new(SqlTypeKind.Uuid);
    public static SqlType Json { get; } = new(SqlTypeKind.Json);

    /// <summary>The largest decimal precision.</summary>
    public const int MaxDecimalPrecision = 38;

    public static SqlType Decimal(int precision, int scale)
    {
        if (precision is < 1 or > MaxDecimalPrecision)
        {
            throw new SqlException(SqlErrorKind.Binder, $"decimal precision must be between 1 and {MaxDecimalPrecision}, got {precision}");
        }

        if (scale < 0 || scale > precision)
        {
            throw new SqlException(SqlErrorKind.Binder, $"decimal scale must be between 0 and the precision ({precision}), got {scale}");
        }

        return new SqlType(SqlTypeKind.Decimal, precision, scale);
    }

    public static SqlType Array(SqlType element) => new(SqlTypeKind.Array, element: element);

    public static SqlType Map(SqlType key, SqlType value) => new(SqlTypeKind.Map, element: key, value: value);

    public static SqlType Row(IReadOnlyList<SqlRowField> fields) => new(SqlTypeKind.Row, fields: fields);

    public bool IsInteger => Kind is SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Integer or SqlTypeKind.BigInt;

    public bool IsFloatingPoint => Kind is SqlTypeKind.Real or SqlTypeKind.Double;

    public bool IsNumeric => IsInteger || IsFloatingPoint || Kind == SqlTypeKind.Decimal;

    public bool IsString => Kind is SqlTypeKind.Varchar or SqlTypeKind.Json;

    public bool IsTemporal => Kind is SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.Timestamp or SqlTypeKind.TimestampWithTimeZone;

    public bool IsInterval => Kind is SqlTypeKind.IntervalDayToSecond or SqlTypeKind.IntervalYearToMonth;

    /// <summary>Whether values can be ordered (ORDER BY, &lt;, min/max).</summary>
    public bool IsOrderable => Kind switch
    {
        SqlTypeKind.Map or SqlTypeKind.Json => false,
        SqlTypeKind.Array => ElementType!.IsOrderable,
        SqlTypeKind.Row => Fields.All(f => f.Type.IsOrderable),
        _ => true,
    };

    /// <summary>Whether values can be compared for equality (=, GROUP BY, DISTINCT, joins).</summary>
    public bool IsComparable => Kind switch
    {
        SqlTypeKind.Json => false,
        SqlTypeKind.Array => ElementType!.IsComparable,
        SqlTypeKind.Map => ElementType!.IsComparable && ValueType!.IsComparable,
        SqlTypeKind.Row => Fields.All(f => f.Type.IsComparable),
        _ => true,
    };

    /// <summary>The Arrow type values of this SQL type are stored as.</summary>
    public ArrowType ArrowType => _arrowType ??= ToArrow();

    /// <summary>Trino's display name: <c>decimal(10,2)</c>, <c>array(varchar)</c>, <c>row(a integer, b varchar)</c>.</summary>
    public override string ToString() => Kind switch
    {
        SqlTypeKind.Unknown => "unknown",
        SqlTypeKind.Boolean => "boolean",
        SqlTypeKind.TinyInt => "tinyint",
        SqlTypeKind.SmallInt => "smallint",
        SqlTypeKind.Integer => "integer",
        SqlTypeKind.BigInt => "bigint",
        SqlTypeKind.Real => "real",
        SqlTypeKind.Double => "double",
        SqlTypeKind.Decimal => $"decimal({Precision},{Scale})",
        SqlTypeKind.Varchar => "varchar",
        SqlTypeKind.Varbinary => "varbinary",
        SqlTypeKind.Date => "date",
        SqlTypeKind.Time => "time(6)",
        SqlTypeKind.Timestamp => "timestamp(6)",
        SqlTypeKind.TimestampWithTimeZone => "timestamp(6) with time zone",
        SqlTypeKind.IntervalDayToSecond => "interval day to second",
        SqlTypeKind.IntervalYearToMonth => "interval year to month",
        SqlTypeKind.Uuid => "uuid",
        SqlTypeKind.Json => "json",
        SqlTypeKind.Array => $"array({ElementType})",
        SqlTypeKind.Map => $"map({ElementType}, {ValueType})",
        SqlTypeKind.Row => $"row({string.Join(", ", Fields)})",
        _ => Kind.ToString(),
    };

    public bool Equals(SqlType? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Kind != Kind || other.Precision != Precision || other.Scale != Scale
            || !Equals(other.ElementType, ElementType) || !Equals(other.ValueType, ValueType) || other.Fields.Count != Fields.Count)
        {
            return false;
        }

        for (var i = 0; i < Fields.Count; i++)
        {
            if (other.Fields[i].Name != Fields[i].Name || !other.Fields[i].Type.Equals(Fields[i].Type))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is SqlType t && Equals(t);

    public override int GetHashCode() => HashCode.Combine(Kind, Precision, Scale, ElementType, ValueType, Fields.Count);

    public static bool operator ==(SqlType? a, SqlType? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(SqlType? a, SqlType? b) => !(a == b);

    private ArrowType ToArrow() => Kind switch
    {
        SqlTypeKind.Unknown => Arrow.Types.ArrowType.Null,
        SqlTypeKind.Boolean => Arrow.Types.ArrowType.Boolean,
        SqlTypeKind.TinyInt => Arrow.Types.ArrowType.Int8,
        SqlTypeKind.SmallInt => Arrow.Types.ArrowType.Int16,
        SqlTypeKind.Integer => Arrow.Types.ArrowType.Int32,
        SqlTypeKind.BigInt => Arrow.Types.ArrowType.Int64,
        SqlTypeKind.Real => Arrow.Types.ArrowType.Float32,
        SqlTypeKind.Double => Arrow.Types.ArrowType.Float64,
        SqlTypeKind.Decimal => new DecimalType(Precision, Scale),
        SqlTypeKind.Varchar or SqlTypeKind.Json => Arrow.Types.ArrowType.Utf8,
        SqlTypeKind.Varbinary => Arrow.Types.ArrowType.Binary,
        SqlTypeKind.Date => Arrow.Types.ArrowType.Date32,
        SqlTypeKind.Time => new TimeType(TimeUnit.Microsecond),
        SqlTypeKind.Timestamp => new TimestampType(TimeUnit.Microsecond),
        SqlTypeKind.TimestampWithTimeZone => new TimestampType(TimeUnit.Microsecond, "UTC"),
        SqlTypeKind.IntervalDayToSecond => new DurationType(TimeUnit.Microsecond),
        SqlTypeKind.IntervalYearToMonth => new IntervalType(IntervalUnit.YearMonth),
        SqlTypeKind.Uuid => new FixedSizeBinaryType(16),
        SqlTypeKind.Array => new ListType(new Field("element", ElementType!.ArrowType)),
        SqlTypeKind.Map => new Arrow.Types.MapType(ElementType!.ArrowType, ValueType!.ArrowType),
        SqlTypeKind.Row => new StructType(Fields.Select((f, i) => new Field(f.Name ?? $"field{i}", f.Type.ArrowType)).ToArray()),
        _ => throw new InvalidOperationException($"no Arrow type for {this}"),
    };
}
