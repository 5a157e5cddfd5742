using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Compute;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Arrow.Tests.Ipc;
using Lakehouse.Arrow.Types;
using Xunit;

namespace Lakehouse.Arrow.Tests.Compute;

/// <summary>Take and filter gather exactly the selected slots, for every layout, from sliced sources, with repeats.</summary>
public sealed class ArrowTakeTests
{
    public static IEnumerable<object[]> Types() => new ArrowType[]
    {
        ArrowType.Null, ArrowType.Boolean, ArrowType.Int8, ArrowType.Int16, ArrowType.Int32, ArrowType.Int64, ArrowType.Float32, ArrowType.Float64,
        ArrowType.Date32, new TimestampType(TimeUnit.Microsecond, "UTC"), new DecimalType(30, 3), new DecimalType(60, 5, 256),
        new FixedSizeBinaryType(3), new FixedSizeBinaryType(16), ArrowType.Utf8, ArrowType.Binary, ArrowType.LargeUtf8, ArrowType.LargeBinary,
        ArrowType.Utf8View, ArrowType.BinaryView,
        new ListType(ArrowType.Int32), new ListType(new Field("item", ArrowType.Utf8), ArrowTypeId.LargeList),
        new ListType(new ListType(ArrowType.Int64)),
        new FixedSizeListType(new Field("item", ArrowType.Int16), 2),
        new StructType([new Field("a", ArrowType.Int32), new Field("b", new ListType(ArrowType.Utf8))]),
        new StructType([new Field("s", new StructType([new Field("x", ArrowType.Float64)])), new Field("m", new MapType(ArrowType.Utf8, ArrowType.Int32))]),
        new MapType(ArrowType.Utf8, ArrowType.Float32),
        new DictionaryType(ArrowType.Int32, ArrowType.Utf8),
    }.Select(t => new object[] { t.ToString(), t });

    [Theory]
    [MemberData(nameof(Types))]
    public void TakeGathersTheSelectedSlots(string name, ArrowType type)
    {
        var random = new RandomArrays(name.Length * 31);
        var rng = new Random(name.Length);
        foreach (var (length, offset) in new[] { (1, 0), (10, 0), (37, 5), (200, 13), (0, 3) })
        {
            var source = ArrowArray.Create(random.Generate(type, length + offset).Slice(offset, length));
            var indices = new int[length == 0 ? 0 : length + 7];
            for (var i = 0; i < indices.Length; i++)
            {
                indices[i] = rng.Next(length);
            }

            var taken = ArrowTake.Take(source, indices);
            Assert.Equal(indices.Length, taken.Length);
            if (type.Id is not (ArrowTypeId.Utf8View or ArrowTypeId.BinaryView))
            {
                Assert.Equal(0, taken.Offset);
            }
            var nulls = 0;
            for (var i = 0; i < indices.Length; i++)
            {
                LogicalComparer.Slot(source, indices[i], taken, i, $"{name}[{i}]");
                nulls += type.Id is ArrowTypeId.Null || source.IsNull(indices[i]) ? 1 : 0;
            }

            Assert.Equal(nulls, taken.NullCount);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void FilterKeepsTheMaskedRowsInOrder(string name, ArrowType type)
    {
        var random = new RandomArrays(name.Length * 17);
        var rng = new Random(name.Length + 1);
        var source = ArrowArray.Create(random.Generate(type, 150).Slice(9, 141));
        var keep = new bool[source.Length];
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = rng.Next(3) != 0;
        }

        var filtered = ArrowFilter.Filter(source, keep);
        var j = 0;
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                LogicalComparer.Slot(source, i, filtered, j++, $"{name}[{i}]");
            }
        }

        Assert.Equal(j, filtered.Length);
    }

    [Fact]
    public void ABatchWhoseRowsAllPassIsReturnedAsIsAndOutOfRangeIndicesThrow()
    {
        var random = new RandomArrays(5);
        var schema = new Schema([new Field("a", ArrowType.Int32), new Field("b", ArrowType.Utf8)]);
        var batch = random.Batch(schema, 20);
        Assert.Same(batch, ArrowFilter.Filter(batch, Enumerable.Repeat(true, 20).ToArray()));
        Assert.Same(batch, ArrowFilter.RemoveRows(batch, new bool[20]));
        var removed = new bool[20];
        removed[0] = removed[19] = true;
        var kept = ArrowFilter.RemoveRows(batch, removed);
        Assert.Equal(18, kept.Length);
        Assert.Equal(((PrimitiveArray<int>)batch.Column(0)).Value(1), ((PrimitiveArray<int>)kept.Column(0)).Value(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrowTake.Take(batch.Column(0), [20]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrowTake.Take(batch.Column(0), [-1]));
    }

    [Fact]
    public void TakenArraysPassIpcValidation()
    {
        var random = new RandomArrays(11);
        var schema = new Schema([
            new Field("l", new ListType(new StructType([new Field("x", ArrowType.Int64), new Field("y", ArrowType.Utf8)]))),
            new Field("m", new MapType(ArrowType.Utf8, new ListType(ArrowType.Boolean))),
        ]);
        var batch = random.Batch(schema, 64);
        var taken = ArrowTake.Take(batch, [63, 0, 5, 5, 17, 40]);
        var bytes = ArrowIpc.WriteStream(schema, [taken]);
        var (_, batches) = ArrowIpc.ReadAll(bytes);
        Assert.True(ArrayComparer.AreEqual(taken, Assert.Single(batches)));
    }
}
