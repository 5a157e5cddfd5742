using Lakehouse.Arrow.Types;

namespace Lakehouse.Sql.Types;

/// <summary>Mapping of Arrow types found in files to the SQL type they are read as.</summary>
public sealed partial class SqlType
{
    /// <summary>
    /// The SQL type a column of Arrow type <paramref name="type"/> is read as (scans convert the storage to
    /// <see cref="ArrowType"/> of the result): unsigned integers widen, large/view strings become varchar,
    /// other time units become microseconds, dictionaries decode. Null when the type has no SQL counterpart.
    /// </summary>
    public static SqlType? FromArrow(ArrowType type) => type.Id switch
    {
        ArrowTypeId.Null => Unknown,
        ArrowTypeId.Boolean => Boolean,
        ArrowTypeId.Int8 => TinyInt,
        ArrowTypeId.Int16 or ArrowTypeId.UInt8 => SmallInt,
        ArrowTypeId.Int32 or ArrowTypeId.UInt16 => Integer,
        ArrowTypeId.Int64 or ArrowTypeId.UInt32 => BigInt,
        ArrowTypeId.UInt64 => Decimal(20, 0),
        ArrowTypeId.Float16 or ArrowTypeId.Float32 => Real,
        ArrowTypeId.Float64 => Double,
        ArrowTypeId.Decimal32 or ArrowTypeId.Decimal64 or ArrowTypeId.Decimal128 => Decimal(((DecimalType)type).Precision, ((DecimalType)type).Scale),
        ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Utf8View => Varchar,
        ArrowTypeId.Binary or ArrowTypeId.LargeBinary or ArrowTypeId.BinaryView => Varbinary,
        ArrowTypeId.FixedSizeBinary => ((FixedSizeBinaryType)type).ByteWidth == 16 ? Uuid : Varbinary,
        ArrowTypeId.Date32 or ArrowTypeId.Date64 => Date,
        ArrowTypeId.Time32 or ArrowTypeId.Time64 => Time,
        ArrowTypeId.Timestamp => ((TimestampType)type).Timezone is null ? Timestamp : TimestampWithTimeZone,
        ArrowTypeId.Duration => IntervalDayToSecond,
        ArrowTypeId.Interval when ((IntervalType)type).Unit == IntervalUnit.YearMonth => IntervalYearToMonth,
        ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.FixedSizeList or ArrowTypeId.ListView or ArrowTypeId.LargeListView
            => FromArrow(ListValueType(type)) is { } e ? Array(e) : null,
        ArrowTypeId.Map => FromArrow(((Arrow.Types.MapType)type).KeyField.Type) is { } k && FromArrow(((Arrow.Types.MapType)type).ValueField.Type) is { } v ? Map(k, v) : null,
        ArrowTypeId.Struct => StructToRow((StructType)type),
        ArrowTypeId.Dictionary => FromArrow(((DictionaryType)type).ValueType),
        _ => null,
    };

    private static ArrowType ListValueType(ArrowType type) => type switch
    {
        ListType l => l.ValueType,
        FixedSizeListType f => f.ValueField.Type,
        _ => throw new InvalidOperationException($"{type} is not a list"),
    };

    private static SqlType? StructToRow(StructType type)
    {
        var fields = new SqlRowField[type.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            if (FromArrow(type.Fields[i].Type) is not { } t)
            {
                return null;
            }

            fields[i] = new SqlRowField(type.Fields[i].Name, t);
        }

        return Row(fields);
    }
}
