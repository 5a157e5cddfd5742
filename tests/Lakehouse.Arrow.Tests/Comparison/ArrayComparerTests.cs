using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

using Xunit;

namespace Lakehouse.Arrow.Tests.Comparison;

public class ArrayComparerTests
{
    private static ArrowArray Build(ArrowType type, params object?[] values)
    {
        var builder = ArrayBuilder.Create(type);
        foreach (var v in values)
        {
            builder.AppendObject(v);
        }

        return builder.Build();
    }

    [Fact]
    public void EqualValuesInDifferentLayoutsAreEqual()
    {
        // Slice of a longer array vs a fresh array; garbage under a null slot; bitmap present without nulls.
        var longer = Build(ArrowType.Int32, 9, 1, null, 3, 9);
        var fresh = Build(ArrowType.Int32, 1, null, 3);
        Assert.Null(ArrayComparer.Compare(longer.Slice(1, 3), fresh));

        var garbage = new ArrayData(ArrowType.Int32, 3, -1, 0,
        [
            ArrowBuffer.FromArray(new byte[] { 0b101 }),
            ArrowBuffer.FromArray(new[] { 1, 12345, 3 }),
        ]);
        Assert.Null(ArrayComparer.Compare(fresh, ArrowArray.Create(garbage)));

        var allValidBitmap = new ArrayData(ArrowType.Int32, 2, 0, 0, [ArrowBuffer.FromArray(new byte[] { 0xFF }), ArrowBuffer.FromArray(new[] { 5, 6 })]);
        Assert.True(ArrayComparer.AreEqual(Build(ArrowType.Int32, 5, 6), ArrowArray.Create(allValidBitmap)));
    }

    [Fact]
    public void ValueDifferenceIsDescribedPrecisely()
    {
        var difference = ArrayComparer.Compare(Build(ArrowType.Utf8, "a", "b", "c"), Build(ArrowType.Utf8, "a", "b", "x"), path: "platform");
        Assert.NotNull(difference);
        Assert.Equal("platform", difference.Path);
        Assert.Equal(2, difference.Index);
        Assert.Equal("\"c\"", difference.Expected);
        Assert.Equal("\"x\"", difference.Actual);
        Assert.Equal("value differs", difference.Problem);

        var nulls = ArrayComparer.Compare(Build(ArrowType.Int64, 1L, null), Build(ArrowType.Int64, 1L, 2L));
        Assert.Equal(1, nulls!.Index);
        Assert.Equal("null", nulls.Expected);
        Assert.Equal("2", nulls.Actual);
    }

    [Fact]
    public void LengthAndTypeDifferences()
    {
        Assert.Equal("length differs", ArrayComparer.Compare(Build(ArrowType.Int32, 1), Build(ArrowType.Int32, 1, 2))!.Problem);
        Assert.Equal("type differs", ArrayComparer.Compare(Build(ArrowType.Int32, 1), Build(ArrowType.Int64, 1L))!.Problem);
        Assert.Equal("type differs", ArrayComparer.Compare(Build(ArrowType.Utf8, "a"), Build(ArrowType.LargeUtf8, "a"))!.Problem);
        var relaxed = new ArrayComparisonOptions { IgnoreLayout = true };
        Assert.Null(ArrayComparer.Compare(Build(ArrowType.Utf8, "a", null, "long enough to leave the view"), Build(ArrowType.Utf8View, "a", null, "long enough to leave the view"), relaxed));
        Assert.Null(ArrayComparer.Compare(Build(new ListType(ArrowType.Int32), new[] { 1, 2 }), Build(new ListType(new Field("element", ArrowType.Int32), ArrowTypeId.LargeList), new[] { 1, 2 }), relaxed));
    }

    [Fact]
    public void FloatsCompareNaNAndTolerance()
    {
        var a = Build(ArrowType.Float64, double.NaN, 1.0, -0.0);
        var b = Build(ArrowType.Float64, -double.NaN, 1.0, 0.0);
        Assert.Null(ArrayComparer.Compare(a, b));
        Assert.NotNull(ArrayComparer.Compare(a, b, new ArrayComparisonOptions { NaNEqualsNaN = false }));
        var c = Build(ArrowType.Float32, 1.0f);
        var d = Build(ArrowType.Float32, 1.0001f);
        Assert.NotNull(ArrayComparer.Compare(c, d));
        Assert.Null(ArrayComparer.Compare(c, d, new ArrayComparisonOptions { FloatTolerance = 1e-3 }));
        Assert.Null(ArrayComparer.Compare(Build(ArrowType.Float16, (Half)0.5), Build(ArrowType.Float16, (Half)0.5)));
    }

    [Fact]
    public void DictionariesCompareByDecodedValues()
    {
        var dictionaryType = new DictionaryType(ArrowType.Int8, ArrowType.Utf8);
        var encoded = Build(dictionaryType, "ios", "web", null, "ios");
        var plain = Build(ArrowType.Utf8, "ios", "web", null, "ios");
        Assert.Null(ArrayComparer.Compare(plain, encoded));
        Assert.Null(ArrayComparer.Compare(encoded.Slice(1, 3), plain.Slice(1, 3)));
        var other = Build(ArrowType.Utf8, "ios", "web", null, "web");
        Assert.Equal(3, ArrayComparer.Compare(encoded, other)!.Index);

        var strict = new ArrayComparisonOptions { DecodeDictionaries = false };
        Assert.Equal("type differs", ArrayComparer.Compare(plain, encoded, strict)!.Problem);

        // Same values, different dictionary order: equal decoded, different indices when not decoding.
        var builder = new DictionaryBuilder(dictionaryType);
        builder.Append("web".AsSpan());
        builder.AppendNull();
        var reordered = builder.Build();
        Assert.Null(ArrayComparer.Compare(encoded.Slice(1, 2), reordered));
        Assert.NotNull(ArrayComparer.Compare(encoded.Slice(1, 2), reordered, strict));
    }

    [Fact]
    public void NestedDifferencesNameTheirPath()
    {
        var type = new ListType(new StructType([new Field("name", ArrowType.Utf8), new Field("score", ArrowType.Int32)]));
        var expected = Build(type,
            new object?[] { new object?[] { "a", 1 } },
            new object?[] { new object?[] { "b", 2 }, new object?[] { "c", 3 } });
        var actual = Build(type,
            new object?[] { new object?[] { "a", 1 } },
            new object?[] { new object?[] { "b", 2 }, new object?[] { "c", 4 } });
        var difference = ArrayComparer.Compare(expected, actual, path: "items");
        Assert.Equal("items[1].score", difference!.Path);
        Assert.Equal(1, difference.Index);
        Assert.Equal("3", difference.Expected);

        var shorter = Build(type, new object?[] { new object?[] { "a", 1 } }, new object?[] { new object?[] { "b", 2 } });
        Assert.Contains("list length differs", ArrayComparer.Compare(expected, shorter)!.Problem, StringComparison.Ordinal);
        Assert.Null(ArrayComparer.Compare(expected.Slice(0, 1), actual.Slice(0, 1)));
    }

    [Fact]
    public void MapsFixedSizeListsAndUnions()
    {
        var map = new MapType(ArrowType.Utf8, ArrowType.Int64);
        Assert.Null(ArrayComparer.Compare(
            Build(map, new Dictionary<string, long> { ["a"] = 1 }, null),
            Build(map, new Dictionary<string, long> { ["a"] = 1 }, null)));
        Assert.Equal("$[0].value", ArrayComparer.Compare(
            Build(map, new Dictionary<string, long> { ["a"] = 1 }),
            Build(map, new Dictionary<string, long> { ["a"] = 2 }))!.Path);

        var fixedList = new FixedSizeListType(new Field("item", ArrowType.Int16), 2);
        Assert.Equal("$[1]", ArrayComparer.Compare(
            Build(fixedList, new short[] { 1, 2 }, new short[] { 3, 4 }),
            Build(fixedList, new short[] { 1, 2 }, new short[] { 3, 5 }))!.Path);

        // The same logical union values in sparse and dense layouts of otherwise equal types.
        var sparse = new UnionType([new Field("i", ArrowType.Int32), new Field("s", ArrowType.Utf8)], null, UnionMode.Sparse);
        var a = Build(sparse, new UnionValue(0, 1), new UnionValue(1, "x"), null);
        var b = Build(sparse, new UnionValue(0, 1), new UnionValue(1, "x"), null);
        Assert.Null(ArrayComparer.Compare(a, b));
        var c = Build(sparse, new UnionValue(0, 1), new UnionValue(0, 5), null);
        Assert.Contains("union member differs", ArrayComparer.Compare(a, c)!.Problem, StringComparison.Ordinal);
        var dense = new UnionType(sparse.Fields, null, UnionMode.Dense);
        var d1 = Build(dense, new UnionValue(1, "y"), new UnionValue(0, 2));
        var d2 = Build(dense, new UnionValue(1, "y"), new UnionValue(0, 3));
        Assert.Equal("$<i>", ArrayComparer.Compare(d1, d2)!.Path);
    }

    [Fact]
    public void DecimalsBinaryAndTemporalValues()
    {
        var dec = new DecimalType(20, 4);
        Assert.Equal("1.2346", ArrayComparer.Compare(Build(dec, 1.2346m), Build(dec, 1.2345m))!.Expected);
        Assert.Equal("0x0102", ArrayComparer.Compare(Build(ArrowType.Binary, new byte[] { 1, 2 }), Build(ArrowType.Binary, new byte[] { 1, 3 }))!.Expected);
        var ts = new TimestampType(TimeUnit.Microsecond, "UTC");
        Assert.Null(ArrayComparer.Compare(Build(ts, DateTime.UnixEpoch), Build(ts, 0L)));
        Assert.NotNull(ArrayComparer.Compare(Build(ArrowType.Boolean, true), Build(ArrowType.Boolean, false)));
        Assert.Null(ArrayComparer.Compare(Build(ArrowType.Null, null, null), Build(ArrowType.Null, null, null)));
    }

    [Fact]
    public void RandomSlicesEqualRebuiltCopiesAndEveryChangeIsFound()
    {
        var random = new Random(17);
        var type = new ListType(ArrowType.Utf8);
        for (var round = 0; round < 50; round++)
        {
            var values = new object?[random.Next(1, 60)];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = random.Next(5) == 0 ? null : Enumerable.Range(0, random.Next(0, 4)).Select(k => random.Next(3) == 0 ? null : $"v{random.Next(10)}").ToArray();
            }

            var offset = random.Next(values.Length);
            var length = random.Next(values.Length - offset + 1);
            var sliced = Build(type, values).Slice(offset, length);
            var window = values.AsSpan(offset, length).ToArray();
            Assert.Null(ArrayComparer.Compare(sliced, Build(type, window)));
            if (length == 0)
            {
                continue;
            }

            var changed = (object?[])window.Clone();
            var at = random.Next(length);
            changed[at] = changed[at] is null ? Array.Empty<string>() : null;
            var difference = ArrayComparer.Compare(sliced, Build(type, changed));
            Assert.NotNull(difference);
            Assert.Equal(at, difference.Index);
        }
    }

    [Fact]
    public void ComparesToClrValues()
    {
        var type = new StructType([new Field("id", ArrowType.Int64), new Field("tags", new ListType(ArrowType.Utf8))]);
        var actual = Build(type, new object?[] { 1L, new[] { "a" } }, null);
        Assert.Null(ArrayComparer.CompareToValues([new object?[] { 1L, new[] { "a" } }, null], actual));
        var difference = ArrayComparer.CompareToValues([new object?[] { 1L, new[] { "b" } }, null], actual, path: "row");
        Assert.Equal("row.tags[0]", difference!.Path);
        Assert.Equal("\"b\"", difference.Expected);
    }

    [Fact]
    public void RecordBatches()
    {
        var schema = new Schema([new Field("id", ArrowType.Int64), new Field("name", ArrowType.Utf8)]);
        RecordBatch Batch(params object?[][] rows)
        {
            var builder = new RecordBatchBuilder(schema);
            foreach (var row in rows)
            {
                builder.AppendRow(row);
            }

            return builder.Build();
        }

        var a = Batch([1L, "a"], [2L, "b"]);
        Assert.Null(ArrayComparer.Compare(a, Batch([1L, "a"], [2L, "b"])));
        var difference = ArrayComparer.Compare(a, Batch([1L, "a"], [2L, null]));
        Assert.Equal("name", difference!.Path);
        Assert.Equal(1, difference.Index);
        Assert.Equal("row count differs", ArrayComparer.Compare(a, Batch([1L, "a"]))!.Problem);

        var renamed = new RecordBatch(new Schema([new Field("id", ArrowType.Int64), new Field("label", ArrowType.Utf8)]), a.Columns, a.Length);
        Assert.Equal("column name differs", ArrayComparer.Compare(a, renamed)!.Problem);
        Assert.Null(ArrayComparer.Compare(a, renamed, new ArrayComparisonOptions { CompareFieldNames = false }));
        Assert.Contains("expected", difference.ToString(), StringComparison.Ordinal);
    }
}
