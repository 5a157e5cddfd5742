using Lakehouse.Arrow.Flatbuffers;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>Writes our schema types as Schema.fbs tables. Dictionary fields must carry their dictionary id.</summary>
internal static class SchemaWriter
{
    public static int Write(FlatBufferBuilder b, Schema schema)
    {
        var fields = new int[schema.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = WriteField(b, schema[i]);
        }

        var fieldsVector = b.CreateOffsetVector(fields);
        var metadata = WriteMetadata(b, schema.Metadata);
        b.StartTable(4);
        b.AddOffset(FlatSlots.SchemaFields, fieldsVector);
        b.AddOffset(FlatSlots.SchemaCustomMetadata, metadata);
        return b.EndTable();
    }

    internal static int WriteMetadata(FlatBufferBuilder b, IReadOnlyList<KeyValuePair<string, string>> metadata)
    {
        if (metadata.Count == 0)
        {
            return 0;
        }

        var entries = new int[metadata.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var key = b.CreateString(metadata[i].Key);
            var value = b.CreateString(metadata[i].Value);
            b.StartTable(2);
            b.AddOffset(FlatSlots.Key, key);
            b.AddOffset(FlatSlots.Value, value);
            entries[i] = b.EndTable();
        }

        return b.CreateOffsetVector(entries);
    }

    private static int WriteField(FlatBufferBuilder b, Field field)
    {
        var type = field.Type;
        var dictionaryOffset = 0;
        if (type is DictionaryType dict)
        {
            if (field.DictionaryId is not { } id)
            {
                throw new InvalidOperationException($"dictionary field '{field.Name}' has no dictionary id");
            }

            b.StartTable(2);
            b.AddInt32(0, dict.IndexType.BitWidth, 0);
            b.AddBool(1, dict.IndexType.IsSignedInteger, false);
            var indexType = b.EndTable();
            b.StartTable(4);
            b.AddInt64(FlatSlots.DictionaryId, id, 0);
            b.AddOffset(FlatSlots.DictionaryIndexType, indexType);
            b.AddBool(FlatSlots.DictionaryIsOrdered, dict.Ordered, false);
            dictionaryOffset = b.EndTable();
            type = dict.ValueType;
        }

        var children = ChildFields(type);
        var childOffsets = new int[children.Count];
        for (var i = 0; i < childOffsets.Length; i++)
        {
            childOffsets[i] = WriteField(b, children[i]);
        }

        var childrenVector = b.CreateOffsetVector(childOffsets);
        var (tag, typeTable) = WriteType(b, type);
        var name = b.CreateString(field.Name);
        var metadata = WriteMetadata(b, field.Metadata);
        b.StartTable(7);
        b.AddOffset(FlatSlots.FieldName, name);
        b.AddBool(FlatSlots.FieldNullable, field.IsNullable, false);
        b.AddByte(FlatSlots.FieldTypeType, (byte)tag, 0);
        b.AddOffset(FlatSlots.FieldType, typeTable);
        b.AddOffset(FlatSlots.FieldDictionary, dictionaryOffset);
        b.AddOffset(FlatSlots.FieldChildren, childrenVector);
        b.AddOffset(FlatSlots.FieldCustomMetadata, metadata);
        return b.EndTable();
    }

    internal static IReadOnlyList<Field> ChildFields(ArrowType type) => type switch
    {
        ListType l => [l.ValueField],
        FixedSizeListType f => [f.ValueField],
        MapType m => [m.EntriesField],
        StructType s => s.Fields,
        UnionType u => u.Fields,
        RunEndEncodedType r => [r.RunEndsField, r.ValuesField],
        _ => [],
    };

    private static (TypeTag Tag, int Table) WriteType(FlatBufferBuilder b, ArrowType type)
    {
        switch (type)
        {
            case PrimitiveType p when p.IsInteger:
                b.StartTable(2);
                b.AddInt32(0, p.BitWidth, 0);
                b.AddBool(1, p.IsSignedInteger, false);
                return (TypeTag.Int, b.EndTable());
            case PrimitiveType p when p.IsFloatingPoint:
                b.StartTable(1);
                b.AddInt16(0, p.Id switch { ArrowTypeId.Float16 => 0, ArrowTypeId.Float32 => 1, _ => 2 }, -1);
                return (TypeTag.FloatingPoint, b.EndTable());
            case PrimitiveType p when p.Id is ArrowTypeId.Date32 or ArrowTypeId.Date64:
                b.StartTable(1);
                b.AddInt16(0, p.Id == ArrowTypeId.Date32 ? (short)0 : (short)1, -1);
                return (TypeTag.Date, b.EndTable());
            case PrimitiveType p:
                return (p.Id switch
                {
                    ArrowTypeId.Null => TypeTag.Null,
                    ArrowTypeId.Boolean => TypeTag.Bool,
                    _ => throw new NotSupportedException($"cannot write type {type}"),
                }, Empty(b));
            case BinaryType bt:
                return (bt.Id switch
                {
                    ArrowTypeId.Binary => TypeTag.Binary,
                    ArrowTypeId.Utf8 => TypeTag.Utf8,
                    ArrowTypeId.LargeBinary => TypeTag.LargeBinary,
                    ArrowTypeId.LargeUtf8 => TypeTag.LargeUtf8,
                    ArrowTypeId.BinaryView => TypeTag.BinaryView,
                    _ => TypeTag.Utf8View,
                }, Empty(b));
            case DecimalType d:
                b.StartTable(3);
                b.AddInt32(0, d.Precision, int.MinValue);
                b.AddInt32(1, d.Scale, int.MinValue);
                b.AddInt32(2, d.BitWidth, int.MinValue);
                return (TypeTag.Decimal, b.EndTable());
            case TimeType t:
                b.StartTable(2);
                b.AddInt16(0, (short)t.Unit, -1);
                b.AddInt32(1, t.BitWidth, -1);
                return (TypeTag.Time, b.EndTable());
            case TimestampType ts:
            {
                var tz = ts.Timezone is null ? 0 : b.CreateString(ts.Timezone);
                b.StartTable(2);
                b.AddInt16(0, (short)ts.Unit, -1);
                b.AddOffset(1, tz);
                return (TypeTag.Timestamp, b.EndTable());
            }

            case DurationType du:
                b.StartTable(1);
                b.AddInt16(0, (short)du.Unit, -1);
                return (TypeTag.Duration, b.EndTable());
            case IntervalType it:
                b.StartTable(1);
                b.AddInt16(0, (short)it.Unit, -1);
                return (TypeTag.Interval, b.EndTable());
            case FixedSizeBinaryType f:
                b.StartTable(1);
                b.AddInt32(0, f.ByteWidth, -1);
                return (TypeTag.FixedSizeBinary, b.EndTable());
            case ListType l:
                return (l.Id switch
                {
                    ArrowTypeId.List => TypeTag.List,
                    ArrowTypeId.LargeList => TypeTag.LargeList,
                    ArrowTypeId.ListView => TypeTag.ListView,
                    _ => TypeTag.LargeListView,
                }, Empty(b));
            case FixedSizeListType fl:
                b.StartTable(1);
                b.AddInt32(0, fl.ListSize, -1);
                return (TypeTag.FixedSizeList, b.EndTable());
            case MapType m:
                b.StartTable(1);
                b.AddBool(0, m.KeysSorted, false);
                return (TypeTag.Map, b.EndTable());
            case StructType:
                return (TypeTag.Struct, Empty(b));
            case UnionType u:
            {
                var codes = new int[u.TypeCodes.Count];
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = u.TypeCodes[i];
                }

                var ids = b.CreateInt32Vector(codes);
                b.StartTable(2);
                b.AddInt16(0, (short)u.Mode, -1);
                b.AddOffset(1, ids);
                return (TypeTag.Union, b.EndTable());
            }

            case RunEndEncodedType:
                return (TypeTag.RunEndEncoded, Empty(b));
            default:
                throw new NotSupportedException($"cannot write type {type} to Arrow IPC");
        }
    }

    private static int Empty(FlatBufferBuilder b)
    {
        b.StartTable(0);
        return b.EndTable();
    }
}
