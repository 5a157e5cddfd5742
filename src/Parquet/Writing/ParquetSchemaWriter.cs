using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Schemas;

namespace Lakehouse.Parquet.Writing;

/// <summary>
/// Maps an Arrow schema to Parquet schema elements (LogicalTypes.md: 3-level LIST, MAP with key_value,
/// INTEGER/DECIMAL/DATE/TIME/TIMESTAMP/STRING/UUID/FLOAT16 annotations with their converted-type twins)
/// and lists the leaves with the Arrow path to each.
/// </summary>
internal static class ParquetSchemaWriter
{
    public static (List<SchemaElement> Elements, List<WriteLeaf> Leaves) Build(Schema schema)
    {
        var elements = new List<SchemaElement> { new("schema") { NumChildren = schema.Count } };
        var leaves = new List<WriteLeaf>();
        for (var i = 0; i < schema.Count; i++)
        {
            AddField(schema[i], i, elements, leaves, [], [], 0, 0, FieldRepetitionType.Optional);
        }

        return (elements, leaves);
    }

    private static void AddField(Field field, int top, List<SchemaElement> elements, List<WriteLeaf> leaves, List<WriteStep> steps, List<string> path, int def, int rep, FieldRepetitionType? forced)
    {
        var nullable = field.IsNullable;
        var repetition = forced == FieldRepetitionType.Repeated ? FieldRepetitionType.Repeated : nullable ? FieldRepetitionType.Optional : FieldRepetitionType.Required;
        var type = field.Type is DictionaryType dt ? dt.ValueType : field.Type;
        var myPath = new List<string>(path) { field.Name };
        var myDef = def + (nullable ? 1 : 0);
        var fieldId = ParseFieldId(field);
        switch (type)
        {
            case StructType st:
                {
                    if (st.Fields.Count == 0)
                    {
                        throw new NotSupportedException($"struct '{field.Name}' has no fields; Parquet groups need at least one");
                    }

                    elements.Add(new SchemaElement(field.Name) { RepetitionType = repetition, NumChildren = st.Fields.Count, FieldId = fieldId });
                    for (var c = 0; c < st.Fields.Count; c++)
                    {
                        AddField(st.Fields[c], top, elements, leaves, [.. steps, new WriteStep(WriteStepKind.Struct, nullable, c, 0)], myPath, myDef, rep, null);
                    }

                    return;
                }

            case MapType mt:
                {
                    elements.Add(new SchemaElement(field.Name) { RepetitionType = repetition, NumChildren = 1, FieldId = fieldId, ConvertedType = ConvertedType.Map, LogicalType = new LogicalType(LogicalTypeKind.Map) });
                    elements.Add(new SchemaElement("key_value") { RepetitionType = FieldRepetitionType.Repeated, NumChildren = 2 });
                    var listStep = new WriteStep(WriteStepKind.List, nullable, 0, rep + 1);
                    var kvPath = new List<string>(myPath) { "key_value" };
                    AddField(mt.KeyField.WithNullable(false).WithName("key"), top, elements, leaves, [.. steps, listStep, new WriteStep(WriteStepKind.Struct, false, 0, 0)], kvPath, myDef + 1, rep + 1, null);
                    AddField(mt.ValueField.WithName("value"), top, elements, leaves, [.. steps, listStep, new WriteStep(WriteStepKind.Struct, false, 1, 0)], kvPath, myDef + 1, rep + 1, null);
                    return;
                }

            case ListType lt when lt.Id == ArrowTypeId.List:
                {
                    elements.Add(new SchemaElement(field.Name) { RepetitionType = repetition, NumChildren = 1, FieldId = fieldId, ConvertedType = ConvertedType.List, LogicalType = new LogicalType(LogicalTypeKind.List) });
                    elements.Add(new SchemaElement("list") { RepetitionType = FieldRepetitionType.Repeated, NumChildren = 1 });
                    var listPath = new List<string>(myPath) { "list" };
                    AddField(lt.ValueField.WithName("element"), top, elements, leaves, [.. steps, new WriteStep(WriteStepKind.List, nullable, 0, rep + 1)], listPath, myDef + 1, rep + 1, null);
                    return;
                }

            default:
                {
                    var element = LeafElement(field.Name, type, field);
                    element.RepetitionType = repetition;
                    element.FieldId = fieldId;
                    elements.Add(element);
                    leaves.Add(new WriteLeaf(top, [.. steps, new WriteStep(WriteStepKind.Leaf, nullable, 0, 0)], element, type, field, myPath, myDef, rep));
                    return;
                }
        }
    }

    private static SchemaElement LeafElement(string name, ArrowType type, Field field)
    {
        var e = new SchemaElement(name);
        switch (type.Id)
        {
            case ArrowTypeId.Boolean:
                e.Type = PhysicalType.Boolean;
                break;
            case ArrowTypeId.Int8 or ArrowTypeId.Int16 or ArrowTypeId.UInt8 or ArrowTypeId.UInt16 or ArrowTypeId.UInt32:
                {
                    e.Type = PhysicalType.Int32;
                    var signed = type.IsSignedInteger;
                    e.LogicalType = LogicalType.Integer(type.BitWidth, signed);
                    e.ConvertedType = (type.BitWidth, signed) switch
                    {
                        (8, true) => ConvertedType.Int8,
                        (16, true) => ConvertedType.Int16,
                        (8, false) => ConvertedType.Uint8,
                        (16, false) => ConvertedType.Uint16,
                        _ => ConvertedType.Uint32,
                    };
                    break;
                }

            case ArrowTypeId.Int32:
                e.Type = PhysicalType.Int32;
                break;
            case ArrowTypeId.Int64:
                e.Type = PhysicalType.Int64;
                break;
            case ArrowTypeId.UInt64:
                e.Type = PhysicalType.Int64;
                e.LogicalType = LogicalType.Integer(64, false);
                e.ConvertedType = ConvertedType.Uint64;
                break;
            case ArrowTypeId.Float16:
                e.Type = PhysicalType.FixedLenByteArray;
                e.TypeLength = 2;
                e.LogicalType = new LogicalType(LogicalTypeKind.Float16);
                break;
            case ArrowTypeId.Float32:
                e.Type = PhysicalType.Float;
                break;
            case ArrowTypeId.Float64:
                e.Type = PhysicalType.Double;
                break;
            case ArrowTypeId.Decimal32 or ArrowTypeId.Decimal64 or ArrowTypeId.Decimal128 or ArrowTypeId.Decimal256:
                {
                    var d = (DecimalType)type;
                    e.LogicalType = LogicalType.Decimal(d.Precision, d.Scale);
                    e.ConvertedType = ConvertedType.Decimal;
                    e.Precision = d.Precision;
                    e.Scale = d.Scale;
                    if (d.Precision <= 9)
                    {
                        e.Type = PhysicalType.Int32;
                    }
                    else if (d.Precision <= 18)
                    {
                        e.Type = PhysicalType.Int64;
                    }
                    else
                    {
                        e.Type = PhysicalType.FixedLenByteArray;
                        e.TypeLength = DecimalBytes(d.Precision);
                    }

                    break;
                }

            case ArrowTypeId.Date32 or ArrowTypeId.Date64:
                e.Type = PhysicalType.Int32;
                e.LogicalType = new LogicalType(LogicalTypeKind.Date);
                e.ConvertedType = ConvertedType.Date;
                break;
            case ArrowTypeId.Time32:
                e.Type = PhysicalType.Int32;
                e.LogicalType = LogicalType.Time(false, ParquetTimeUnit.Millis);
                e.ConvertedType = ConvertedType.TimeMillis;
                break;
            case ArrowTypeId.Time64:
                {
                    var unit = ((TimeType)type).Unit == TimeUnit.Microsecond ? ParquetTimeUnit.Micros : ParquetTimeUnit.Nanos;
                    e.Type = PhysicalType.Int64;
                    e.LogicalType = LogicalType.Time(false, unit);
                    if (unit == ParquetTimeUnit.Micros)
                    {
                        e.ConvertedType = ConvertedType.TimeMicros;
                    }

                    break;
                }

            case ArrowTypeId.Timestamp:
                {
                    var t = (TimestampType)type;
                    var unit = t.Unit switch
                    {
                        TimeUnit.Second or TimeUnit.Millisecond => ParquetTimeUnit.Millis,
                        TimeUnit.Microsecond => ParquetTimeUnit.Micros,
                        _ => ParquetTimeUnit.Nanos,
                    };
                    e.Type = PhysicalType.Int64;
                    e.LogicalType = LogicalType.Timestamp(t.Timezone is not null, unit);
                    if (t.Timezone is not null && unit != ParquetTimeUnit.Nanos)
                    {
                        e.ConvertedType = unit == ParquetTimeUnit.Millis ? ConvertedType.TimestampMillis : ConvertedType.TimestampMicros;
                    }

                    break;
                }

            case ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Utf8View:
                e.Type = PhysicalType.ByteArray;
                e.LogicalType = LogicalType.String;
                e.ConvertedType = ConvertedType.Utf8;
                break;
            case ArrowTypeId.Binary or ArrowTypeId.LargeBinary or ArrowTypeId.BinaryView:
                e.Type = PhysicalType.ByteArray;
                break;
            case ArrowTypeId.FixedSizeBinary:
                {
                    var width = ((FixedSizeBinaryType)type).ByteWidth;
                    e.Type = PhysicalType.FixedLenByteArray;
                    e.TypeLength = width;
                    if (width == 16 && field.GetMetadata(ArrowSchemaConverter.ExtensionNameKey) == "arrow.uuid")
                    {
                        e.LogicalType = new LogicalType(LogicalTypeKind.Uuid);
                    }

                    break;
                }

            default:
                throw new NotSupportedException($"column '{name}': Arrow type {type} cannot be written to Parquet");
        }

        return e;
    }

    /// <summary>Smallest two's-complement byte count holding <paramref name="precision"/> decimal digits.</summary>
    internal static int DecimalBytes(int precision)
    {
        var max = System.Numerics.BigInteger.Pow(10, precision) - 1;
        var bytes = 1;
        while (System.Numerics.BigInteger.Pow(2, (8 * bytes) - 1) - 1 < max)
        {
            bytes++;
        }

        return bytes;
    }

    private static int? ParseFieldId(Field field) =>
        field.GetMetadata(ArrowSchemaConverter.FieldIdKey) is { } s && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;
}
