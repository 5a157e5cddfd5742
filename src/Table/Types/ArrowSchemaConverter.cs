using System.Globalization;
using Lakehouse.Arrow.Types;
using ArrowField = Lakehouse.Arrow.Field;
using ArrowListType = Lakehouse.Arrow.Types.ListType;
using ArrowMapType = Lakehouse.Arrow.Types.MapType;
using ArrowSchema = Lakehouse.Arrow.Schema;
using ArrowStructType = Lakehouse.Arrow.Types.StructType;

namespace Lakehouse.Table.Types;

/// <summary>
/// Iceberg schema &lt;-&gt; Arrow schema. Every Arrow field carries its Iceberg field id as the metadata entry
/// <c>PARQUET:field_id</c>; required fields are non-nullable. The mapping (Iceberg -&gt; Arrow):
/// boolean -&gt; bool; int -&gt; int32; long -&gt; int64; float -&gt; float; double -&gt; double;
/// decimal(P,S) -&gt; decimal128(P,S); date -&gt; date32; time -&gt; time64[us]; timestamp -&gt; timestamp[us];
/// timestamptz -&gt; timestamp[us, UTC]; timestamp_ns -&gt; timestamp[ns]; timestamptz_ns -&gt; timestamp[ns, UTC];
/// string -&gt; utf8; uuid -&gt; fixed_size_binary[16] with <c>ARROW:extension:name=arrow.uuid</c>;
/// fixed[L] -&gt; fixed_size_binary[L]; binary -&gt; binary; geometry/geography -&gt; binary (WKB) with
/// <c>ARROW:extension:name=geoarrow.wkb</c>; unknown -&gt; null; struct -&gt; struct; list -&gt; list with
/// child "element"; map -&gt; map of entries{key, value}. variant has no Arrow form here ("not supported").
/// Arrow -&gt; Iceberg also accepts the narrower/wider layouts (int8/16, uint8/16 -&gt; int, uint32 -&gt; long,
/// float16 -&gt; float, large/view strings and binaries, time32, timestamp[s|ms], decimal32/64, large_list).
/// </summary>
public static class ArrowSchemaConverter
{
    public const string FieldIdKey = "PARQUET:field_id";
    public const string ExtensionNameKey = "ARROW:extension:name";
    public const string UuidExtension = "arrow.uuid";
    public const string WkbExtension = "geoarrow.wkb";

    public static ArrowSchema ToArrow(Schema schema)
    {
        var fields = new ArrowField[schema.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = ToArrow(schema.Fields[i]);
        }

        return new ArrowSchema(fields);
    }

    public static ArrowField ToArrow(NestedField field)
    {
        var metadata = new List<KeyValuePair<string, string>>(2) { new(FieldIdKey, field.Id.ToString(CultureInfo.InvariantCulture)) };
        if (field.Type is PrimitiveType { TypeId: TypeId.Uuid })
        {
            metadata.Add(new(ExtensionNameKey, UuidExtension));
        }
        else if (field.Type is PrimitiveType { TypeId: TypeId.Geometry or TypeId.Geography })
        {
            metadata.Add(new(ExtensionNameKey, WkbExtension));
        }

        return new ArrowField(field.Name, ToArrowType(field.Type, field.Name), !field.IsRequired, metadata);
    }

    public static ArrowType ToArrowType(IcebergType type, string? column = null) => type switch
    {
        PrimitiveType p => p.TypeId switch
        {
            TypeId.Unknown => ArrowType.Null,
            TypeId.Boolean => ArrowType.Boolean,
            TypeId.Int => ArrowType.Int32,
            TypeId.Long => ArrowType.Int64,
            TypeId.Float => ArrowType.Float32,
            TypeId.Double => ArrowType.Float64,
            TypeId.Decimal => new DecimalType(p.Precision, p.Scale),
            TypeId.Date => ArrowType.Date32,
            TypeId.Time => new TimeType(TimeUnit.Microsecond),
            TypeId.Timestamp => new TimestampType(TimeUnit.Microsecond),
            TypeId.TimestampTz => new TimestampType(TimeUnit.Microsecond, "UTC"),
            TypeId.TimestampNs => new TimestampType(TimeUnit.Nanosecond),
            TypeId.TimestampTzNs => new TimestampType(TimeUnit.Nanosecond, "UTC"),
            TypeId.String => ArrowType.Utf8,
            TypeId.Uuid => new FixedSizeBinaryType(16),
            TypeId.Fixed => new FixedSizeBinaryType(p.Length),
            TypeId.Binary or TypeId.Geometry or TypeId.Geography => ArrowType.Binary,
            _ => throw IcebergException.NotSupported($"{p} columns in Arrow{(column is null ? string.Empty : $" (column '{column}')")}"),
        },
        StructType s => new ArrowStructType(s.Fields.Select(ToArrow).ToArray()),
        ListType l => new ArrowListType(ToArrow(l.ElementField)),
        MapType m => new ArrowMapType(new ArrowField("entries", new ArrowStructType([ToArrow(m.KeyField), ToArrow(m.ValueField)]), false)),
        _ => throw IcebergException.NotSupported($"type {type}"),
    };

    /// <summary>
    /// Converts an Arrow schema whose fields carry <c>PARQUET:field_id</c>. When <paramref name="assignIds"/> is
    /// true, fields without ids get fresh ids above the highest id seen (top-level first, then nested).
    /// </summary>
    public static Schema FromArrow(ArrowSchema schema, bool assignIds = false, int schemaId = 0)
    {
        var next = assignIds ? HighestId(schema.Fields) + 1 : 0;
        var fields = new NestedField[schema.Fields.Count];
        var ids = new int[schema.Fields.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            ids[i] = FieldId(schema.Fields[i], assignIds, ref next);
        }

        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = FromArrow(schema.Fields[i], ids[i], assignIds, ref next);
        }

        return new Schema(schemaId, fields);
    }

    private static NestedField FromArrow(ArrowField field, int id, bool assignIds, ref int next)
    {
        var type = FromArrowType(field, assignIds, ref next);
        return new NestedField(id, field.Name, type, !field.IsNullable);
    }

    private static IcebergType FromArrowType(ArrowField field, bool assignIds, ref int next)
    {
        var t = field.Type;
        var ext = field.GetMetadata(ExtensionNameKey);
        switch (t.Id)
        {
            case ArrowTypeId.Null: return PrimitiveType.Unknown;
            case ArrowTypeId.Boolean: return PrimitiveType.Boolean;
            case ArrowTypeId.Int8 or ArrowTypeId.Int16 or ArrowTypeId.Int32 or ArrowTypeId.UInt8 or ArrowTypeId.UInt16: return PrimitiveType.Int;
            case ArrowTypeId.Int64 or ArrowTypeId.UInt32: return PrimitiveType.Long;
            case ArrowTypeId.Float16 or ArrowTypeId.Float32: return PrimitiveType.Float;
            case ArrowTypeId.Float64: return PrimitiveType.Double;
            case ArrowTypeId.Decimal32 or ArrowTypeId.Decimal64 or ArrowTypeId.Decimal128 or ArrowTypeId.Decimal256:
                var d = (DecimalType)t;
                if (d.Precision > 38)
                {
                    throw IcebergException.NotSupported($"Arrow {d} (Iceberg decimals have at most 38 digits) in column '{field.Name}'");
                }

                return PrimitiveType.Decimal(d.Precision, d.Scale);
            case ArrowTypeId.Date32 or ArrowTypeId.Date64: return PrimitiveType.Date;
            case ArrowTypeId.Time32 or ArrowTypeId.Time64:
                return ((TimeType)t).Unit == TimeUnit.Nanosecond
                    ? throw IcebergException.NotSupported($"time with nanosecond precision (column '{field.Name}')")
                    : PrimitiveType.Time;
            case ArrowTypeId.Timestamp:
                var ts = (TimestampType)t;
                return (ts.Unit == TimeUnit.Nanosecond, ts.Timezone is not null) switch
                {
                    (true, true) => PrimitiveType.TimestampTzNs,
                    (true, false) => PrimitiveType.TimestampNs,
                    (false, true) => PrimitiveType.TimestampTz,
                    _ => PrimitiveType.Timestamp,
                };
            case ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Utf8View: return PrimitiveType.String;
            case ArrowTypeId.Binary or ArrowTypeId.LargeBinary or ArrowTypeId.BinaryView:
                return ext == WkbExtension ? PrimitiveType.Geometry() : PrimitiveType.Binary;
            case ArrowTypeId.FixedSizeBinary:
                var width = ((FixedSizeBinaryType)t).ByteWidth;
                return width == 16 && ext == UuidExtension ? PrimitiveType.Uuid : PrimitiveType.Fixed(width);
            case ArrowTypeId.Struct:
                {
                    var children = ((ArrowStructType)t).Fields;
                    var ids = new int[children.Count];
                    for (var i = 0; i < ids.Length; i++)
                    {
                        ids[i] = FieldId(children[i], assignIds, ref next);
                    }

                    var fields = new NestedField[children.Count];
                    for (var i = 0; i < fields.Length; i++)
                    {
                        fields[i] = FromArrow(children[i], ids[i], assignIds, ref next);
                    }

                    return new StructType(fields);
                }

            case ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.FixedSizeList:
                {
                    var element = t is ArrowListType l ? l.ValueField : ((FixedSizeListType)t).ValueField;
                    var id = FieldId(element, assignIds, ref next);
                    var type = FromArrowType(element, assignIds, ref next);
                    return new ListType(id, type, !element.IsNullable);
                }

            case ArrowTypeId.Map:
                {
                    var m = (ArrowMapType)t;
                    var keyId = FieldId(m.KeyField, assignIds, ref next);
                    var valueId = FieldId(m.ValueField, assignIds, ref next);
                    var keyType = FromArrowType(m.KeyField, assignIds, ref next);
                    var valueType = FromArrowType(m.ValueField, assignIds, ref next);
                    return new MapType(keyId, keyType, valueId, valueType, !m.ValueField.IsNullable);
                }

            default:
                throw IcebergException.NotSupported($"Arrow type {t} in column '{field.Name}'");
        }
    }

    private static int FieldId(ArrowField field, bool assignIds, ref int next)
    {
        var text = field.GetMetadata(FieldIdKey);
        if (text is not null && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        if (!assignIds)
        {
            throw IcebergException.Invalid($"Arrow field '{field.Name}' has no {FieldIdKey} metadata");
        }

        return next++;
    }

    private static int HighestId(IReadOnlyList<ArrowField> fields)
    {
        var max = 0;
        foreach (var f in fields)
        {
            if (int.TryParse(f.GetMetadata(FieldIdKey), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
            {
                max = Math.Max(max, id);
            }

            IReadOnlyList<ArrowField>? children = f.Type switch
            {
                ArrowStructType s => s.Fields,
                ArrowListType l => [l.ValueField],
                FixedSizeListType fl => [fl.ValueField],
                ArrowMapType m => [m.KeyField, m.ValueField],
                _ => null,
            };
            if (children is not null)
            {
                max = Math.Max(max, HighestId(children));
            }
        }

        return max;
    }
}
