using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Metadata;

namespace Lakehouse.Parquet.Schemas;

/// <summary>
/// Maps the Parquet schema to Arrow fields following LogicalTypes.md, including the backward-compatibility
/// rules for LIST (2-level lists, <c>array</c> and <c>*_tuple</c> element groups, unannotated repeated fields)
/// and MAP / MAP_KEY_VALUE. Field ids go to Arrow field metadata under <see cref="FieldIdKey"/>.
/// </summary>
public static class ArrowSchemaConverter
{
    public const string FieldIdKey = "PARQUET:field_id";
    public const string ExtensionNameKey = "ARROW:extension:name";
    public const string ExtensionMetadataKey = "ARROW:extension:metadata";

    /// <summary>One Arrow node per top-level Parquet field.</summary>
    public static IReadOnlyList<ArrowNode> Convert(ParquetSchema schema, bool keepStringDictionaries = false)
    {
        var result = new List<ArrowNode>(schema.Root.Children.Count);
        foreach (var child in schema.Root.Children)
        {
            result.Add(BuildField(child, 0, 0, keepStringDictionaries));
        }

        return result;
    }

    /// <summary>The Arrow type a leaf column is read as.</summary>
    public static ArrowType LeafType(SchemaNode leaf)
    {
        var e = leaf.Element;
        var logical = e.LogicalType;
        var converted = e.ConvertedType;
        if (logical?.Kind == LogicalTypeKind.Unknown)
        {
            return ArrowType.Null;
        }

        if (logical?.Kind == LogicalTypeKind.Decimal || (logical is null && converted == ConvertedType.Decimal))
        {
            var precision = logical?.Kind == LogicalTypeKind.Decimal ? logical.Precision : e.Precision ?? 0;
            var scale = logical?.Kind == LogicalTypeKind.Decimal ? logical.Scale : e.Scale ?? 0;
            if (precision is >= 1 and <= 76 && scale >= 0 && scale <= precision
                && leaf.PhysicalType is PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.FixedLenByteArray or PhysicalType.ByteArray)
            {
                return new DecimalType(precision, scale, precision <= 38 ? 128 : 256);
            }
        }

        switch (leaf.PhysicalType)
        {
            case PhysicalType.Boolean:
                return ArrowType.Boolean;
            case PhysicalType.Int32:
                if (logical?.Kind == LogicalTypeKind.Integer && logical.BitWidth is 8 or 16 or 32)
                {
                    return ArrowType.IntegerOf(logical.BitWidth, logical.IsSigned);
                }

                if (logical?.Kind == LogicalTypeKind.Date || converted == ConvertedType.Date)
                {
                    return ArrowType.Date32;
                }

                if ((logical?.Kind == LogicalTypeKind.Time && logical.Unit == ParquetTimeUnit.Millis) || converted == ConvertedType.TimeMillis)
                {
                    return new TimeType(TimeUnit.Millisecond);
                }

                return converted switch
                {
                    ConvertedType.Int8 => ArrowType.Int8,
                    ConvertedType.Int16 => ArrowType.Int16,
                    ConvertedType.Uint8 => ArrowType.UInt8,
                    ConvertedType.Uint16 => ArrowType.UInt16,
                    ConvertedType.Uint32 => ArrowType.UInt32,
                    _ => ArrowType.Int32,
                };
            case PhysicalType.Int64:
                if (logical?.Kind == LogicalTypeKind.Integer && logical.BitWidth == 64)
                {
                    return logical.IsSigned ? ArrowType.Int64 : ArrowType.UInt64;
                }

                if (logical?.Kind == LogicalTypeKind.Timestamp)
                {
                    return new TimestampType(ToArrowUnit(logical.Unit), logical.IsAdjustedToUtc ? "UTC" : null);
                }

                if (logical?.Kind == LogicalTypeKind.Time && logical.Unit is ParquetTimeUnit.Micros or ParquetTimeUnit.Nanos)
                {
                    return new TimeType(ToArrowUnit(logical.Unit));
                }

                return converted switch
                {
                    ConvertedType.Uint64 => ArrowType.UInt64,
                    ConvertedType.TimestampMillis => new TimestampType(TimeUnit.Millisecond, "UTC"),
                    ConvertedType.TimestampMicros => new TimestampType(TimeUnit.Microsecond, "UTC"),
                    ConvertedType.TimeMicros => new TimeType(TimeUnit.Microsecond),
                    _ => ArrowType.Int64,
                };
            case PhysicalType.Int96:
                return new TimestampType(TimeUnit.Nanosecond);
            case PhysicalType.Float:
                return ArrowType.Float32;
            case PhysicalType.Double:
                return ArrowType.Float64;
            case PhysicalType.ByteArray:
                if (logical?.Kind is LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json
                    || converted is ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json)
                {
                    return ArrowType.Utf8;
                }

                return ArrowType.Binary;
            default:
                var length = e.TypeLength ?? 0;
                if (logical?.Kind == LogicalTypeKind.Float16 && length == 2)
                {
                    return ArrowType.Float16;
                }

                return new FixedSizeBinaryType(length);
        }
    }

    public static TimeUnit ToArrowUnit(ParquetTimeUnit unit) => unit switch
    {
        ParquetTimeUnit.Millis => TimeUnit.Millisecond,
        ParquetTimeUnit.Micros => TimeUnit.Microsecond,
        _ => TimeUnit.Nanosecond,
    };

    private static ArrowNode BuildField(SchemaNode p, int slotRep, int slotDef, bool keepDictionaries)
    {
        if (!p.IsRepeated)
        {
            return BuildNonRepeated(p, slotRep, slotDef, keepDictionaries, p.Name, p.IsOptional);
        }

        // An unannotated repeated field: a required list of required elements.
        var element = BuildNonRepeated(p, p.RepetitionLevel, p.DefinitionLevel, keepDictionaries, p.Name, nullable: false);
        var listField = new Field(p.Name, new ListType(element.Field), isNullable: false, Metadata(p));
        return new ArrowNode(ArrowNodeKind.List, listField, p, slotRep, slotDef, p.DefinitionLevel - 1, [element]);
    }

    private static ArrowNode BuildNonRepeated(SchemaNode p, int slotRep, int slotDef, bool keepDictionaries, string name, bool nullable)
    {
        if (p.IsLeaf)
        {
            var type = LeafType(p);
            if (keepDictionaries && type.Id == ArrowTypeId.Utf8)
            {
                type = new DictionaryType(ArrowType.Int32, ArrowType.Utf8);
            }

            return new ArrowNode(ArrowNodeKind.Leaf, new Field(name, type, nullable, Metadata(p)), p, slotRep, slotDef, p.DefinitionLevel, []);
        }

        var logical = p.Element.LogicalType?.Kind;
        var converted = p.Element.ConvertedType;
        if ((logical == LogicalTypeKind.List || (logical is null or LogicalTypeKind.Unrecognized && converted == ConvertedType.List))
            && p.Children.Count == 1 && p.Children[0].IsRepeated)
        {
            var rp = p.Children[0];
            ArrowNode element;
            if (rp.IsLeaf || rp.Children.Count > 1 || rp.Name == "array" || rp.Name == p.Name + "_tuple")
            {
                element = BuildNonRepeated(rp, rp.RepetitionLevel, rp.DefinitionLevel, keepDictionaries, rp.Name, nullable: false);
            }
            else
            {
                element = BuildField(rp.Children[0], rp.RepetitionLevel, rp.DefinitionLevel, keepDictionaries);
            }

            var field = new Field(name, new ListType(element.Field), nullable, Metadata(p));
            return new ArrowNode(ArrowNodeKind.List, field, p, slotRep, slotDef, p.DefinitionLevel, [element]);
        }

        if ((logical == LogicalTypeKind.Map || converted is ConvertedType.Map or ConvertedType.MapKeyValue)
            && p.Children.Count == 1 && p.Children[0].IsRepeated && !p.Children[0].IsLeaf && p.Children[0].Children.Count == 2)
        {
            var kv = p.Children[0];
            var key = BuildField(kv.Children[0], kv.RepetitionLevel, kv.DefinitionLevel, keepDictionaries: false);
            var value = BuildField(kv.Children[1], kv.RepetitionLevel, kv.DefinitionLevel, keepDictionaries);
            var keyField = key.Field.WithNullable(false);
            key = new ArrowNode(key.Kind, keyField, key.SchemaNode, key.SlotRepetition, key.SlotDefinition, key.ValidDefinition, key.Children);
            var entriesField = new Field(kv.Name, new StructType([keyField, value.Field]), isNullable: false);
            var entries = new ArrowNode(ArrowNodeKind.Struct, entriesField, kv, kv.RepetitionLevel, kv.DefinitionLevel, kv.DefinitionLevel, [key, value]);
            var field = new Field(name, new MapType(entriesField), nullable, Metadata(p));
            return new ArrowNode(ArrowNodeKind.Map, field, p, slotRep, slotDef, p.DefinitionLevel, [entries]);
        }

        var children = new List<ArrowNode>(p.Children.Count);
        var fields = new List<Field>(p.Children.Count);
        foreach (var c in p.Children)
        {
            var child = BuildField(c, slotRep, slotDef, keepDictionaries);
            children.Add(child);
            fields.Add(child.Field);
        }

        var structField = new Field(name, new StructType(fields), nullable, Metadata(p));
        return new ArrowNode(ArrowNodeKind.Struct, structField, p, slotRep, slotDef, p.DefinitionLevel, children);
    }

    private static List<KeyValuePair<string, string>>? Metadata(SchemaNode p)
    {
        List<KeyValuePair<string, string>>? metadata = null;
        if (p.Element.FieldId is { } id)
        {
            metadata = [new(FieldIdKey, id.ToString(CultureInfo.InvariantCulture))];
        }

        if (p.IsLeaf && p.Element.LogicalType?.Kind == LogicalTypeKind.Uuid && p.Element.TypeLength == 16)
        {
            metadata ??= [];
            metadata.Add(new(ExtensionNameKey, "arrow.uuid"));
            metadata.Add(new(ExtensionMetadataKey, string.Empty));
        }

        return metadata;
    }
}
