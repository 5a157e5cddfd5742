using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;

using Xunit;

namespace Lakehouse.Arrow.Tests.Builders;

public class NestedBuilderTests
{
    [Theory]
    [InlineData(ArrowTypeId.List)]
    [InlineData(ArrowTypeId.LargeList)]
    public void ListsOfStrings(ArrowTypeId id)
    {
        var type = new ListType(new Field("item", ArrowType.Utf8), id);
        var builder = (ListBuilder)ArrayBuilder.Create(type);
        var values = (BinaryBuilder)builder.ValueBuilder;
        builder.Append();
        values.Append("a").Append("b");
        builder.AppendNull();
        builder.Append();
        builder.AppendObject(new[] { "c", null, "d" });
        var array = builder.Build();
        Assert.Equal(4, array.Length);
        Assert.Equal(1, array.NullCount);
        ArrowArray Get(int i) => array is ListArray l ? l.GetList(i) : ((LargeListArray)array).GetList(i);
        Assert.Equal(2, Get(0).Length);
        Assert.Equal("b", ((BinaryArray)Get(0)).GetString(1));
        Assert.Equal(0, Get(1).Length);
        Assert.Equal(0, Get(2).Length);
        var last = (BinaryArray)Get(3);
        Assert.Equal(3, last.Length);
        Assert.True(last.IsNull(1));
        Assert.Equal("d", last.GetString(2));
    }

    [Fact]
    public void StructsWithNullRowsAndNestedLists()
    {
        var type = new StructType([new Field("id", ArrowType.Int64, false), new Field("tags", new ListType(ArrowType.Utf8))]);
        var builder = (StructBuilder)ArrayBuilder.Create(type);
        builder.AppendObject(new object?[] { 1L, new[] { "x" } });
        builder.AppendNull();
        builder.AppendObject(new Dictionary<string, object?> { ["id"] = 3L, ["tags"] = null });
        builder.FieldBuilder<PrimitiveBuilder<long>>(0).Append(4);
        var tags = builder.FieldBuilder<ListBuilder>(1);
        tags.Append();
        ((BinaryBuilder)tags.ValueBuilder).Append("y").Append("z");
        builder.Append();
        var array = (StructArray)builder.Build();
        Assert.Equal(4, array.Length);
        Assert.Equal(1, array.NullCount);
        var ids = (PrimitiveArray<long>)array.Field(0);
        Assert.Equal(1, ids.Values[0]);
        Assert.Equal(4, ids.Values[3]);
        var tagLists = (ListArray)array.Field(1);
        Assert.True(tagLists.IsNull(2));
        Assert.Equal(2, tagLists.ValueLength(3));
    }

    [Fact]
    public void StructFieldLengthMismatchIsCaughtAtBuild()
    {
        var builder = new StructBuilder(new StructType([new Field("a", ArrowType.Int32), new Field("b", ArrowType.Int32)]));
        builder.FieldBuilder<PrimitiveBuilder<int>>(0).Append(1);
        builder.Append();
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void MapsKeepEntryOrder()
    {
        var builder = (MapBuilder)ArrayBuilder.Create(new MapType(ArrowType.Utf8, ArrowType.Int32));
        builder.Append();
        ((BinaryBuilder)builder.KeyBuilder).Append("likes");
        ((PrimitiveBuilder<int>)builder.ItemBuilder).Append(10);
        builder.AppendEntry();
        builder.AppendNull();
        builder.AppendObject(new Dictionary<string, int?> { ["b"] = 2, ["a"] = null });
        var array = (MapArray)builder.Build();
        Assert.Equal(3, array.Length);
        Assert.Equal(1, array.NullCount);
        Assert.Equal([0, 1, 1, 3], array.ValueOffsets.ToArray());
        var keys = (BinaryArray)array.Keys;
        Assert.Equal("b", keys.GetString(1));
        Assert.True(array.Items.IsNull(2));
        Assert.Equal(0, array.Entries.NullCount);
    }

    [Fact]
    public void FixedSizeListsFillNullSlots()
    {
        var builder = (FixedSizeListBuilder)ArrayBuilder.Create(new FixedSizeListType(new Field("item", ArrowType.Float32), 3));
        builder.AppendObject(new[] { 1f, 2f, 3f });
        builder.AppendNull();
        builder.Append();
        ((PrimitiveBuilder<float>)builder.ValueBuilder).Append([7f, 8f, 9f]);
        var array = (FixedSizeListArray)builder.Build();
        Assert.Equal(3, array.Length);
        Assert.Equal(9, array.Values.Length);
        Assert.Equal(3, array.Values.NullCount);
        Assert.Equal(8f, ((PrimitiveArray<float>)array.GetList(2)).Values[1]);
        Assert.Throws<ArgumentException>(() => builder.AppendObject(new[] { 1f }));
    }

    [Theory]
    [InlineData(UnionMode.Sparse)]
    [InlineData(UnionMode.Dense)]
    public void Unions(UnionMode mode)
    {
        var type = new UnionType([new Field("i", ArrowType.Int32), new Field("s", ArrowType.Utf8)], [5, 9], mode);
        var builder = (UnionBuilder)ArrayBuilder.Create(type);
        builder.AppendObject(new UnionValue(0, 42));
        builder.AppendObject(new UnionValue(1, "hi"));
        builder.AppendNull();
        builder.Append(1);
        ((BinaryBuilder)builder.Child(1)).Append("yo");
        var array = (UnionArray)builder.Build();
        Assert.Equal(4, array.Length);
        Assert.Equal([5, 9, 5, 9], array.TypeCodes.ToArray().Select(c => (int)c));
        Assert.Equal(42, ((PrimitiveArray<int>)array.Child(0)).Values[array.ChildOffset(0)]);
        Assert.Equal("hi", ((BinaryArray)array.Child(1)).GetString(array.ChildOffset(1)));
        Assert.False(array.IsValid(2));
        Assert.Equal("yo", ((BinaryArray)array.Child(1)).GetString(array.ChildOffset(3)));
        if (mode == UnionMode.Dense)
        {
            Assert.Equal([0, 0, 1, 1], array.ValueOffsets.ToArray());
            Assert.Equal(2, array.Child(0).Length);
        }
        else
        {
            Assert.Equal(4, array.Child(0).Length);
            Assert.Equal(4, array.Child(1).Length);
        }
    }

    [Theory]
    [InlineData(ArrowTypeId.ListView)]
    [InlineData(ArrowTypeId.LargeListView)]
    public void ListViewsEqualTheSameLists(ArrowTypeId id)
    {
        var view = ArrayBuilder.Create(new ListType(new Field("item", ArrowType.Int32), id));
        var list = ArrayBuilder.Create(new ListType(ArrowType.Int32));
        object?[] values = [new[] { 1, 2 }, null, Array.Empty<int>(), new int?[] { 3, null }];
        foreach (var v in values)
        {
            view.AppendObject(v);
            list.AppendObject(v);
        }

        var built = (ListViewArray)view.Build();
        Assert.Equal(2, built.ValueSize(0));
        Assert.Equal(0, built.ValueSize(1));
        Assert.Equal(2, built.ValueOffset(3));
        Assert.Null(ArrayComparer.Compare(list.Build(), built, new ArrayComparisonOptions { IgnoreLayout = true }));
    }

    [Theory]
    [InlineData(ArrowTypeId.Int16)]
    [InlineData(ArrowTypeId.Int32)]
    [InlineData(ArrowTypeId.Int64)]
    public void RunEndEncodedMergesRuns(ArrowTypeId runEndType)
    {
        var runEnds = ArrowType.IntegerOf(runEndType switch { ArrowTypeId.Int16 => 16, ArrowTypeId.Int32 => 32, _ => 64 }, true);
        var type = new RunEndEncodedType(new Field("run_ends", runEnds, false), new Field("values", ArrowType.Utf8));
        var builder = (RunEndEncodedBuilder)ArrayBuilder.Create(type);
        foreach (var v in new object?[] { "a", "a", "b", null, null, "b" })
        {
            builder.AppendObject(v);
        }

        ((BinaryBuilder)builder.ValueBuilder).Append("c");
        builder.AppendRun(3);
        builder.AppendNulls(2);
        var array = (RunEndEncodedArray)builder.Build();
        Assert.Equal(11, array.Length);
        Assert.Equal(6, array.Values.Length);
        Assert.Equal(0, array.NullCount);
        Assert.Equal(4, array.PhysicalIndex(8));
        Assert.Equal(5, array.PhysicalIndex(9));
        Assert.Null(ArrayComparer.CompareToValues(["a", "a", "b", null, null, "b", "c", "c", "c", null, null], array));
        Assert.NotNull(ArrayComparer.CompareToValues(["a", "b", "b", null, null, "b", "c", "c", "c", null, null], array));
    }
}
