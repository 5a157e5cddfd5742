using Lakehouse.Arrow.Flatbuffers;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>Converts Schema.fbs tables (Schema, Field, DictionaryEncoding, the Type union) to our types.</summary>
internal sealed class SchemaReader
{
    private const int MaxDepth = 64;
    private readonly string? _source;
    private readonly int _maxFields;
    private int _fieldCount;

    private SchemaReader(string? source, int bufferLength)
    {
        _source = source;
        _maxFields = Math.Max(1024, bufferLength / 4);
    }

    public static Schema Read(FlatTable schema, string? source)
    {
        if (!schema.IsPresent)
        {
            throw new CorruptFileException(source, -1, "message has no Schema table");
        }

        if (schema.GetInt16(FlatSlots.SchemaEndianness) != 0)
        {
            throw new NotSupportedException("Arrow IPC: big-endian data is not supported by this reader");
        }

        var reader = new SchemaReader(source, schema.Buffer.Length);
        var fieldsVector = schema.GetVector(FlatSlots.SchemaFields, 4);
        var fields = new Field[fieldsVector.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.ReadField(fieldsVector.GetTable(i), 0);
        }

        return new Schema(fields, ReadMetadata(schema.GetVector(FlatSlots.SchemaCustomMetadata, 4)));
    }

    internal static IReadOnlyList<KeyValuePair<string, string>>? ReadMetadata(FlatVector vector)
    {
        if (vector.Count == 0)
        {
            return null;
        }

        var list = new KeyValuePair<string, string>[vector.Count];
        for (var i = 0; i < list.Length; i++)
        {
            var kv = vector.GetTable(i);
            list[i] = new(kv.GetString(FlatSlots.Key) ?? string.Empty, kv.GetString(FlatSlots.Value) ?? string.Empty);
        }

        return list;
    }

    private Field ReadField(FlatTable table, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new CorruptFileException(_source, -1, $"schema nests deeper than {MaxDepth} levels");
        }

        if (++_fieldCount > _maxFields)
        {
            throw new CorruptFileException(_source, -1, "schema has more fields than its metadata can hold");
        }

        var name = table.GetString(FlatSlots.FieldName) ?? string.Empty;
        var nullable = table.GetBool(FlatSlots.FieldNullable);
        var childVector = table.GetVector(FlatSlots.FieldChildren, 4);
        var children = new Field[childVector.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = ReadField(childVector.GetTable(i), depth + 1);
        }

        var tag = (TypeTag)table.GetByte(FlatSlots.FieldTypeType);
        var typeTable = table.GetTable(FlatSlots.FieldType);
        ArrowType type;
        try
        {
            type = ReadType(tag, typeTable, children, name);
        }
        catch (ArgumentException e)
        {
            throw new CorruptFileException(_source, -1, $"field '{name}': {e.Message}", e);
        }

        var metadata = ReadMetadata(table.GetVector(FlatSlots.FieldCustomMetadata, 4));
        long? dictionaryId = null;
        var dictionary = table.GetTable(FlatSlots.FieldDictionary);
        if (dictionary.IsPresent)
        {
            dictionaryId = dictionary.GetInt64(FlatSlots.DictionaryId);
            var indexTable = dictionary.GetTable(FlatSlots.DictionaryIndexType);
            var indexType = ArrowType.Int32;
            if (indexTable.IsPresent)
            {
                indexType = IntType(indexTable, name);
            }

            type = new DictionaryType(indexType, type, dictionary.GetBool(FlatSlots.DictionaryIsOrdered));
        }

        return new Field(name, type, nullable, metadata, dictionaryId);
    }

    private PrimitiveType IntType(FlatTable t, string name)
    {
        var bitWidth = t.GetInt32(0);
        var signed = t.GetBool(1);
        if (bitWidth is not (8 or 16 or 32 or 64))
        {
            throw new CorruptFileException(_source, -1, $"field '{name}': integer bit width {bitWidth} is not 8, 16, 32 or 64");
        }

        return ArrowType.IntegerOf(bitWidth, signed);
    }

    private ArrowType ReadType(TypeTag tag, FlatTable t, Field[] children, string name)
    {
        switch (tag)
        {
            case TypeTag.Null:
                return ArrowType.Null;
            case TypeTag.Int:
                return IntType(t, name);
            case TypeTag.FloatingPoint:
                return t.GetInt16(0) switch
                {
                    0 => ArrowType.Float16,
                    1 => ArrowType.Float32,
                    2 => ArrowType.Float64,
                    var p => throw Bad(name, $"unknown floating point precision {p}"),
                };
            case TypeTag.Binary:
                return ArrowType.Binary;
            case TypeTag.Utf8:
                return ArrowType.Utf8;
            case TypeTag.LargeBinary:
                return ArrowType.LargeBinary;
            case TypeTag.LargeUtf8:
                return ArrowType.LargeUtf8;
            case TypeTag.BinaryView:
                return ArrowType.BinaryView;
            case TypeTag.Utf8View:
                return ArrowType.Utf8View;
            case TypeTag.Bool:
                return ArrowType.Boolean;
            case TypeTag.Decimal:
                return new DecimalType(t.GetInt32(0), t.GetInt32(1), t.GetInt32(2, 128));
            case TypeTag.Date:
                return t.GetInt16(0, 1) switch
                {
                    0 => ArrowType.Date32,
                    1 => ArrowType.Date64,
                    var u => throw Bad(name, $"unknown date unit {u}"),
                };
            case TypeTag.Time:
            {
                var unit = Unit(t.GetInt16(0, 1), name);
                var bitWidth = t.GetInt32(1, 32);
                var expected = unit is TimeUnit.Second or TimeUnit.Millisecond ? 32 : 64;
                if (bitWidth != expected)
                {
                    throw Bad(name, $"time in {unit} must be {expected} bits, not {bitWidth}");
                }

                return new TimeType(unit);
            }

            case TypeTag.Timestamp:
                return new TimestampType(Unit(t.GetInt16(0), name), t.GetString(1));
            case TypeTag.Duration:
                return new DurationType(Unit(t.GetInt16(0, 1), name));
            case TypeTag.Interval:
                return t.GetInt16(0) switch
                {
                    0 => new IntervalType(IntervalUnit.YearMonth),
                    1 => new IntervalType(IntervalUnit.DayTime),
                    2 => new IntervalType(IntervalUnit.MonthDayNano),
                    var u => throw Bad(name, $"unknown interval unit {u}"),
                };
            case TypeTag.FixedSizeBinary:
            {
                var width = t.GetInt32(0);
                if (width < 0)
                {
                    throw Bad(name, $"fixed_size_binary width {width} is negative");
                }

                return new FixedSizeBinaryType(width);
            }

            case TypeTag.List:
            case TypeTag.LargeList:
            case TypeTag.ListView:
            case TypeTag.LargeListView:
                RequireChildren(children, 1, name);
                return new ListType(children[0], tag switch
                {
                    TypeTag.List => ArrowTypeId.List,
                    TypeTag.LargeList => ArrowTypeId.LargeList,
                    TypeTag.ListView => ArrowTypeId.ListView,
                    _ => ArrowTypeId.LargeListView,
                });
            case TypeTag.FixedSizeList:
            {
                RequireChildren(children, 1, name);
                var size = t.GetInt32(0);
                if (size < 0)
                {
                    throw Bad(name, $"fixed_size_list size {size} is negative");
                }

                return new FixedSizeListType(children[0], size);
            }

            case TypeTag.Map:
                RequireChildren(children, 1, name);
                return new MapType(children[0], t.GetBool(0));
            case TypeTag.Struct:
                return new StructType(children);
            case TypeTag.Union:
            {
                var mode = t.GetInt16(0) switch
                {
                    0 => UnionMode.Sparse,
                    1 => UnionMode.Dense,
                    var m => throw Bad(name, $"unknown union mode {m}"),
                };
                var idsVector = t.GetVector(1, 4);
                int[]? ids = null;
                if (idsVector.Count > 0)
                {
                    ids = new int[idsVector.Count];
                    for (var i = 0; i < ids.Length; i++)
                    {
                        ids[i] = idsVector.GetInt32(i);
                    }
                }

                if (children.Length > 128)
                {
                    throw Bad(name, $"union has {children.Length} children, at most 128 are allowed");
                }

                return new UnionType(children, ids, mode);
            }

            case TypeTag.RunEndEncoded:
                RequireChildren(children, 2, name);
                return new RunEndEncodedType(children[0], children[1]);
            case TypeTag.None:
                throw Bad(name, "field has no type");
            default:
                throw new NotSupportedException($"Arrow IPC: field '{name}' has type union tag {(int)tag}, which this reader does not know");
        }
    }

    private TimeUnit Unit(short value, string name) => value switch
    {
        0 => TimeUnit.Second,
        1 => TimeUnit.Millisecond,
        2 => TimeUnit.Microsecond,
        3 => TimeUnit.Nanosecond,
        _ => throw Bad(name, $"unknown time unit {value}"),
    };

    private void RequireChildren(Field[] children, int count, string name)
    {
        if (children.Length != count)
        {
            throw Bad(name, $"type needs {count} child field(s) but has {children.Length}");
        }
    }

    private CorruptFileException Bad(string name, string problem) => new(_source, -1, $"field '{name}': {problem}");
}
