namespace Lakehouse.Sql.Types;

/// <summary>The SQL types of the engine (Trino's names). <see cref="Unknown"/> is the type of a bare NULL.</summary>
public enum SqlTypeKind
{
    Unknown,
    Boolean,
    TinyInt,
    SmallInt,
    Integer,
    BigInt,
    Real,
    Double,
    Decimal,
    Varchar,
    Varbinary,
    Date,
    Time,
    Timestamp,
    TimestampWithTimeZone,
    IntervalDayToSecond,
    IntervalYearToMonth,
    Uuid,
    Json,
    Array,
    Row,
    Map,
}
