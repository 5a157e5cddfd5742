using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;

using Xunit;

namespace Lakehouse.Arrow.Tests.Builders;

public class DictionaryBuilderTests
{
    [Fact]
    public void StringsAreDeduplicatedInFirstSeenOrder()
    {
        var builder = new DictionaryBuilder(new DictionaryType(ArrowType.Int32, ArrowType.Utf8));
        string?[] platforms = ["ios", "android", "ios", null, "web", "android", ""];
        foreach (var p in platforms)
        {
            builder.AppendObject(p);
        }

        var array = (DictionaryArray)builder.Build();
        Assert.Equal(platforms.Length, array.Length);
        Assert.Equal(1, array.NullCount);
        var dictionary = (BinaryArray)array.Dictionary;
        Assert.Equal(4, dictionary.Length);
        Assert.Equal(["ios", "android", "web", ""], Enumerable.Range(0, 4).Select(dictionary.GetString));
        Assert.Equal([0L, 1, 0, 0, 2, 1, 3], Enumerable.Range(0, platforms.Length).Select(array.GetIndex));
    }

    [Fact]
    public void ManyDistinctValuesRehashAndKeepTheirIndex()
    {
        var builder = new DictionaryBuilder(new DictionaryType(ArrowType.UInt16, ArrowType.LargeUtf8));
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 5000; i++)
            {
                Assert.Equal(i, builder.Append($"value-{i}".AsSpan()));
            }
        }

        var array = (DictionaryArray)builder.Build();
        Assert.Equal(15000, array.Length);
        Assert.Equal(5000, array.Dictionary.Length);
        Assert.Equal("value-4321", ((LargeBinaryArray)array.Dictionary).GetString(4321));
        Assert.Equal(4321, array.GetIndex(10000 + 4321));
    }

    [Fact]
    public void FixedWidthValuesAndIndexOverflow()
    {
        var builder = new DictionaryBuilder(new DictionaryType(ArrowType.Int8, ArrowType.Int64));
        builder.AppendValue(10L);
        builder.AppendObject(20L);
        builder.AppendValue(10L);
        var array = (DictionaryArray)builder.Build();
        Assert.Equal([10L, 20L], ((PrimitiveArray<long>)array.Dictionary).Values.ToArray());
        Assert.Equal(0, array.GetIndex(2));

        for (var i = 0; i < 128; i++)
        {
            builder.AppendValue((long)i);
        }

        Assert.Throws<InvalidOperationException>(() => builder.AppendValue(1000L));
        Assert.Throws<ArgumentException>(() => builder.AppendValue(1));
    }

    [Fact]
    public void TimestampDictionaryFromClrValues()
    {
        var type = new DictionaryType(ArrowType.Int32, new TimestampType(TimeUnit.Millisecond, "UTC"));
        var builder = ArrayBuilder.Create(type);
        builder.AppendObject(DateTime.UnixEpoch.AddSeconds(1));
        builder.AppendObject(DateTime.UnixEpoch.AddSeconds(1));
        var array = (DictionaryArray)builder.Build();
        Assert.Equal(1, array.Dictionary.Length);
        Assert.Equal(1000L, ((PrimitiveArray<long>)array.Dictionary).Values[0]);
    }

    [Fact]
    public void DictionaryCanSurviveBuildsForDeltas()
    {
        var builder = new DictionaryBuilder(new DictionaryType(ArrowType.Int16, ArrowType.Utf8)) { ResetDictionaryOnBuild = false };
        builder.Append("a".AsSpan());
        builder.Append("b".AsSpan());
        var first = (DictionaryArray)builder.Build();
        Assert.Equal(2, first.Dictionary.Length);
        builder.Append("b".AsSpan());
        builder.Append("c".AsSpan());
        var second = (DictionaryArray)builder.Build();
        Assert.Equal(3, second.Dictionary.Length);
        Assert.Equal([1L, 2L], new[] { second.GetIndex(0), second.GetIndex(1) });
        Assert.Equal("c", ((BinaryArray)second.Dictionary).GetString(2));
    }

    [Fact]
    public void LongStringsAreHashedByContent()
    {
        var builder = new DictionaryBuilder(new DictionaryType(ArrowType.Int32, ArrowType.Utf8));
        var longText = new string('é', 1000);
        Assert.Equal(0, builder.Append(longText.AsSpan()));
        Assert.Equal(1, builder.Append((longText + "!").AsSpan()));
        Assert.Equal(0, builder.Append(new string('é', 1000).AsSpan()));
        var array = (DictionaryArray)builder.Build();
        Assert.Equal(longText, ((BinaryArray)array.Dictionary).GetString(0));
    }
}
