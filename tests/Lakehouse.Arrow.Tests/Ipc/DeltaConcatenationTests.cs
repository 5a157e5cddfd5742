using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Arrow.Types;
using Xunit;

namespace Lakehouse.Arrow.Tests.Ipc;

/// <summary>Delta dictionary batches append to the dictionary: the concatenation must keep every value of both parts.</summary>
public sealed class DeltaConcatenationTests
{
    public static IEnumerable<object[]> Types() => new ArrowType[]
    {
        ArrowType.Null, ArrowType.Boolean, ArrowType.Int8, ArrowType.Int64, ArrowType.Float64, new DecimalType(30, 3),
        new FixedSizeBinaryType(3), ArrowType.Utf8, ArrowType.LargeBinary, ArrowType.Utf8View, ArrowType.BinaryView,
        new ListType(ArrowType.Int32), new ListType(new Field("item", ArrowType.Utf8), ArrowTypeId.LargeList),
        new FixedSizeListType(new Field("item", ArrowType.Int16), 2),
        new StructType([new Field("a", ArrowType.Int32), new Field("b", new ListType(ArrowType.Utf8))]),
        new MapType(ArrowType.Utf8, ArrowType.Float32),
    }.Select(t => new object[] { t.ToString(), t });

    [Theory]
    [MemberData(nameof(Types))]
    public void ConcatenationKeepsBothPartsIncludingSlices(string name, ArrowType type)
    {
        var random = new RandomArrays(name.Length);
        foreach (var (aLength, aOffset, bLength, bOffset) in new[] { (10, 0, 7, 0), (20, 3, 11, 5), (0, 0, 5, 1), (9, 9, 0, 0), (64, 13, 33, 7) })
        {
            var a = random.Generate(type, aLength + aOffset).Slice(aOffset, aLength);
            var b = random.Generate(type, bLength + bOffset).Slice(bOffset, bLength);
            var joined = ArrowArray.Create(ArrayConcatenator.Concat(a, b));
            Assert.Equal(aLength + bLength, joined.Length);
            var ea = ArrowArray.Create(a);
            var eb = ArrowArray.Create(b);
            for (var i = 0; i < aLength; i++)
            {
                LogicalComparer.Slot(ea, i, joined, i, $"{name} a");
            }

            for (var i = 0; i < bLength; i++)
            {
                LogicalComparer.Slot(eb, i, joined, aLength + i, $"{name} b");
            }

            ArrayValidator.Validate(joined.Data, name);
        }
    }
}
