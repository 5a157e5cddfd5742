using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>Builds the formatter tree for a column from its field (type and extension metadata) and array.</summary>
public static class ValueFormatterFactory
{
    /// <summary>Field metadata key naming an Arrow extension type.</summary>
    public const string ExtensionNameKey = "ARROW:extension:name";

    public const string UuidExtensionName = "arrow.uuid";

    public static ValueFormatter Create(Field field, ArrowArray array)
    {
        var type = array.Type;
        return type.Id switch
        {
            ArrowTypeId.Null => new NullFormatter(array),
            ArrowTypeId.Boolean => new BooleanFormatter((BooleanArray)array),
            ArrowTypeId.Int8 => new IntegerFormatter<sbyte>((PrimitiveArray<sbyte>)array),
            ArrowTypeId.Int16 => new IntegerFormatter<short>((PrimitiveArray<short>)array),
            ArrowTypeId.Int32 => new IntegerFormatter<int>((PrimitiveArray<int>)array),
            ArrowTypeId.Int64 => new IntegerFormatter<long>((PrimitiveArray<long>)array),
            ArrowTypeId.UInt8 => new IntegerFormatter<byte>((PrimitiveArray<byte>)array),
            ArrowTypeId.UInt16 => new IntegerFormatter<ushort>((PrimitiveArray<ushort>)array),
            ArrowTypeId.UInt32 => new IntegerFormatter<uint>((PrimitiveArray<uint>)array),
            ArrowTypeId.UInt64 => new IntegerFormatter<ulong>((PrimitiveArray<ulong>)array),
            ArrowTypeId.Float16 => new FloatFormatter<Half>((PrimitiveArray<Half>)array),
            ArrowTypeId.Float32 => new FloatFormatter<float>((PrimitiveArray<float>)array),
            ArrowTypeId.Float64 => new FloatFormatter<double>((PrimitiveArray<double>)array),
            ArrowTypeId.Decimal32 or ArrowTypeId.Decimal64 or ArrowTypeId.Decimal128 or ArrowTypeId.Decimal256 => new DecimalFormatter((DecimalArray)array),
            ArrowTypeId.Date32 or ArrowTypeId.Date64 => new DateFormatter(array),
            ArrowTypeId.Time32 or ArrowTypeId.Time64 => new TimeFormatter(array),
            ArrowTypeId.Timestamp => new TimestampFormatter((PrimitiveArray<long>)array),
            ArrowTypeId.Duration => new DurationFormatter((PrimitiveArray<long>)array),
            ArrowTypeId.Interval => new IntervalFormatter(array),
            ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Utf8View => new StringFormatter(array),
            ArrowTypeId.Binary or ArrowTypeId.LargeBinary or ArrowTypeId.BinaryView => new HexFormatter(array),
            ArrowTypeId.FixedSizeBinary => IsUuid(field, type)
                ? new UuidFormatter((FixedSizeBinaryArray)array)
                : new HexFormatter(array),
            ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.ListView or ArrowTypeId.LargeListView => CreateList(array, ((ListType)type).ValueField),
            ArrowTypeId.FixedSizeList => CreateList(array, ((FixedSizeListType)type).ValueField),
            ArrowTypeId.Struct => CreateStruct((StructArray)array),
            ArrowTypeId.Map => CreateMap((MapArray)array),
            ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion => CreateUnion((UnionArray)array),
            ArrowTypeId.Dictionary => CreateDictionary(field, (DictionaryArray)array),
            ArrowTypeId.RunEndEncoded => CreateRunEndEncoded((RunEndEncodedArray)array),
            _ => throw new NotSupportedException($"cannot print values of type {type}"),
        };
    }

    /// <summary>True for the <c>arrow.uuid</c> extension on fixed_size_binary[16].</summary>
    public static bool IsUuid(Field field, ArrowType storageType) =>
        storageType is FixedSizeBinaryType { ByteWidth: 16 }
        && string.Equals(field.GetMetadata(ExtensionNameKey), UuidExtensionName, StringComparison.Ordinal);

    private static ListFormatter CreateList(ArrowArray array, Field valueField)
    {
        var values = array switch
        {
            ListArray l => l.Values,
            LargeListArray l => l.Values,
            ListViewArray l => l.Values,
            FixedSizeListArray l => l.Values,
            _ => throw new NotSupportedException($"cannot print values of type {array.Type}"),
        };
        return new ListFormatter(array, Create(valueField, values));
    }

    private static StructFormatter CreateStruct(StructArray array)
    {
        var fields = array.StructType.Fields;
        var formatters = new ValueFormatter[fields.Count];
        var names = new string[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            formatters[i] = Create(fields[i], array.Field(i));
            names[i] = fields[i].Name;
        }

        return new StructFormatter(array, formatters, names);
    }

    private static MapFormatter CreateMap(MapArray array)
    {
        var entries = array.Entries;
        return new MapFormatter(array, Create(array.MapType.KeyField, entries.Field(0)), Create(array.MapType.ValueField, entries.Field(1)));
    }

    private static UnionFormatter CreateUnion(UnionArray array)
    {
        var fields = array.UnionType.Fields;
        var children = new ValueFormatter[fields.Count];
        for (var i = 0; i < children.Length; i++)
        {
            children[i] = Create(fields[i], array.Child(i));
        }

        return new UnionFormatter(array, children);
    }

    private static DictionaryFormatter CreateDictionary(Field field, DictionaryArray array)
    {
        // The dictionary's values carry the field's extension metadata (e.g. a dictionary of uuids).
        var valueField = field.WithType(array.DictionaryType.ValueType);
        return new DictionaryFormatter(array, Create(valueField, array.Dictionary));
    }

    private static RunEndEncodedFormatter CreateRunEndEncoded(RunEndEncodedArray array)
    {
        var type = (RunEndEncodedType)array.Type;
        return new RunEndEncodedFormatter(array, Create(type.ValuesField, array.Values));
    }
}
