using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

public abstract partial class ArrayBuilder
{
    /// <summary>A builder for any supported type (nested types get child builders recursively).</summary>
    public static ArrayBuilder Create(ArrowType type) => type.Id switch
    {
        ArrowTypeId.Null => new NullBuilder(),
        ArrowTypeId.Boolean => new BooleanBuilder(),
        ArrowTypeId.Int8 => new PrimitiveBuilder<sbyte>(type),
        ArrowTypeId.Int16 => new PrimitiveBuilder<short>(type),
        ArrowTypeId.Int32 or ArrowTypeId.Date32 or ArrowTypeId.Time32 => new PrimitiveBuilder<int>(type),
        ArrowTypeId.Int64 or ArrowTypeId.Date64 or ArrowTypeId.Time64 or ArrowTypeId.Timestamp or ArrowTypeId.Duration => new PrimitiveBuilder<long>(type),
        ArrowTypeId.UInt8 => new PrimitiveBuilder<byte>(type),
        ArrowTypeId.UInt16 => new PrimitiveBuilder<ushort>(type),
        ArrowTypeId.UInt32 => new PrimitiveBuilder<uint>(type),
        ArrowTypeId.UInt64 => new PrimitiveBuilder<ulong>(type),
        ArrowTypeId.Float16 => new PrimitiveBuilder<Half>(type),
        ArrowTypeId.Float32 => new PrimitiveBuilder<float>(type),
        ArrowTypeId.Float64 => new PrimitiveBuilder<double>(type),
        ArrowTypeId.Interval => ((IntervalType)type).Unit switch
        {
            IntervalUnit.YearMonth => new PrimitiveBuilder<int>(type),
            IntervalUnit.DayTime => new PrimitiveBuilder<DayTimeInterval>(type),
            _ => new PrimitiveBuilder<MonthDayNanoInterval>(type),
        },
        ArrowTypeId.Decimal32 or ArrowTypeId.Decimal64 or ArrowTypeId.Decimal128 or ArrowTypeId.Decimal256 => new DecimalBuilder((DecimalType)type),
        ArrowTypeId.Binary or ArrowTypeId.Utf8 or ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8 => new BinaryBuilder(type),
        ArrowTypeId.BinaryView or ArrowTypeId.Utf8View => new BinaryViewBuilder(type),
        ArrowTypeId.FixedSizeBinary => new FixedSizeBinaryBuilder((FixedSizeBinaryType)type),
        ArrowTypeId.List or ArrowTypeId.LargeList => new ListBuilder(type),
        ArrowTypeId.ListView or ArrowTypeId.LargeListView => new ListViewBuilder((ListType)type),
        ArrowTypeId.RunEndEncoded => new RunEndEncodedBuilder((RunEndEncodedType)type),
        ArrowTypeId.Map => new MapBuilder((MapType)type),
        ArrowTypeId.FixedSizeList => new FixedSizeListBuilder((FixedSizeListType)type),
        ArrowTypeId.Struct => new StructBuilder((StructType)type),
        ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion => new UnionBuilder((UnionType)type),
        ArrowTypeId.Dictionary => new DictionaryBuilder((DictionaryType)type),
        _ => throw new NotSupportedException($"no builder for {type}"),
    };
}
