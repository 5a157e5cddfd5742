using System.Numerics;
using System.Text;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Values;
using Xunit;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;

namespace Lakehouse.Table.Tests.Transforms;

public sealed class TruncateAndTimeTransformTests
{
    [Fact]
    public void TruncateSpecExamples()
    {
        var t10 = Transform.Truncate(10);
        Assert.Equal(0, t10.Apply(1, PrimitiveType.Int));
        Assert.Equal(-10, t10.Apply(-1, PrimitiveType.Int));
        Assert.Equal(0L, t10.Apply(1L, PrimitiveType.Long));
        Assert.Equal(-10L, t10.Apply(-1L, PrimitiveType.Long));
        Assert.Equal(-10, t10.Apply(-10, PrimitiveType.Int));
        Assert.Equal(10, t10.Apply(19, PrimitiveType.Int));
        Assert.Equal(-2147483640, Transform.Truncate(10).Apply(int.MinValue + 9, PrimitiveType.Int));
        Assert.Equal(new BigInteger(1050), Transform.Truncate(50).Apply(new BigInteger(1065), PrimitiveType.Decimal(9, 2)));
        Assert.Equal(new BigInteger(-1100), Transform.Truncate(50).Apply(new BigInteger(-1065), PrimitiveType.Decimal(9, 2)));
        Assert.Equal("ice", Transform.Truncate(3).Apply("iceberg", PrimitiveType.String));
        Assert.Equal("ab", Transform.Truncate(3).Apply("ab", PrimitiveType.String));
        Assert.Equal("a𝄞é", Transform.Truncate(3).Apply("a𝄞éz", PrimitiveType.String));
        Assert.Equal(new byte[] { 1, 2, 3 }, Transform.Truncate(3).Apply(new byte[] { 1, 2, 3, 4, 5 }, PrimitiveType.Binary));
        Assert.False(t10.CanTransform(PrimitiveType.Double));
        Assert.False(t10.CanTransform(PrimitiveType.Uuid));
    }

    [Fact]
    public void TruncateVectorizedMatchesScalar()
    {
        var random = new Random(7);
        var t = Transform.Truncate(4);
        var ints = Enumerable.Range(0, 64).Select(i => i % 10 == 0 ? (int?)null : random.Next(-1000, 1000)).ToArray();
        var ia = (PrimitiveArray<int>)t.Apply(ArrowArrays.Primitive(ArrowType.Int32, ints).Slice(1, 60), PrimitiveType.Int);
        for (var i = 0; i < 60; i++)
        {
            Assert.Equal(t.Apply(ints[i + 1], PrimitiveType.Int), ia.IsValid(i) ? ia.Values[i] : null);
        }

        var strings = new[] { "iceberg", null, "a𝄞éz", "", "日本語テキスト", "abcd", "abc" };
        var sa = (BinaryArray)t.Apply(ArrowArrays.Strings(strings), PrimitiveType.String);
        for (var i = 0; i < strings.Length; i++)
        {
            Assert.Equal(t.Apply(strings[i], PrimitiveType.String), sa.GetString(i));
        }

        var decimals = new Int128?[] { 1065, -1065, null, 0, -1, 3 };
        var da = (DecimalArray)Transform.Truncate(50).Apply(ArrowArrays.Decimal128(9, 2, decimals), PrimitiveType.Decimal(9, 2));
        for (var i = 0; i < decimals.Length; i++)
        {
            var expected = decimals[i] is { } d ? Transform.Truncate(50).Apply((BigInteger)d, PrimitiveType.Decimal(9, 2)) : null;
            Assert.Equal(expected, da.IsValid(i) ? (object)da.UnscaledBigInteger(i) : null);
        }
    }

    [Theory]
    [InlineData("1970-01-01T00:00:00", 0, 0, 0, 0)]
    [InlineData("1969-12-31T23:59:59.999999", -1, -1, -1, -1)]
    [InlineData("1969-01-01T00:00:00", -1, -12, -365, -8760)]
    [InlineData("2017-11-16T22:31:08", 47, 574, 17486, 419686)]
    [InlineData("1900-03-01T01:00:00", -70, -838, -25508, -612191)]
    public void TimeTransformsFloorFromEpoch(string timestamp, int year, int month, int day, int hour)
    {
        var micros = (long)Literals.Convert(timestamp, PrimitiveType.Timestamp);
        Assert.Equal(year, Transform.Year.Apply(micros, PrimitiveType.Timestamp));
        Assert.Equal(month, Transform.Month.Apply(micros, PrimitiveType.Timestamp));
        Assert.Equal(day, Transform.Day.Apply(micros, PrimitiveType.Timestamp));
        Assert.Equal(hour, Transform.Hour.Apply(micros, PrimitiveType.Timestamp));

        var nanos = (long)Literals.Convert(timestamp, PrimitiveType.TimestampNs);
        Assert.Equal(day, Transform.Day.Apply(nanos, PrimitiveType.TimestampNs));
        Assert.Equal(hour, Transform.Hour.Apply(nanos - 1 + 1, PrimitiveType.TimestampNs));

        var days = (int)Literals.Convert(timestamp[..10], PrimitiveType.Date);
        Assert.Equal(year, Transform.Year.Apply(days, PrimitiveType.Date));
        Assert.Equal(month, Transform.Month.Apply(days, PrimitiveType.Date));
        Assert.Equal(day, Transform.Day.Apply(days, PrimitiveType.Date));
        Assert.False(Transform.Hour.CanTransform(PrimitiveType.Date));

        var stamps = new long?[] { micros, null, micros - 1, micros + 1 };
        foreach (var t in new[] { Transform.Year, Transform.Month, Transform.Day, Transform.Hour })
        {
            var result = (PrimitiveArray<int>)t.Apply(ArrowArrays.Primitive(new TimestampType(TimeUnit.Microsecond, "UTC"), stamps), PrimitiveType.TimestampTz);
            for (var i = 0; i < stamps.Length; i++)
            {
                Assert.Equal(t.Apply(stamps[i], PrimitiveType.TimestampTz), result.IsValid(i) ? result.Values[i] : null);
            }
        }
    }

    [Fact]
    public void OneNanosecondBeforeEpochIsTheDayBefore()
    {
        Assert.Equal(-1, Transform.Day.Apply(-1L, PrimitiveType.TimestampNs));
        Assert.Equal(-1, Transform.Hour.Apply(-1L, PrimitiveType.TimestampNs));
        Assert.Equal(-1, Transform.Year.Apply(-1L, PrimitiveType.TimestampNs));
    }

    [Fact]
    public void HumanStrings()
    {
        Assert.Equal("2017", Transform.Year.ToHumanString(47, PrimitiveType.Timestamp));
        Assert.Equal("1969", Transform.Year.ToHumanString(-1, PrimitiveType.Timestamp));
        Assert.Equal("2017-11", Transform.Month.ToHumanString(574, PrimitiveType.Timestamp));
        Assert.Equal("1969-12", Transform.Month.ToHumanString(-1, PrimitiveType.Timestamp));
        Assert.Equal("2017-11-16", Transform.Day.ToHumanString(17486, PrimitiveType.Timestamp));
        Assert.Equal("2017-11-16-22", Transform.Hour.ToHumanString(419686, PrimitiveType.Timestamp));
        Assert.Equal("1969-12-31-23", Transform.Hour.ToHumanString(-1, PrimitiveType.Timestamp));
        Assert.Equal("null", Transform.Day.ToHumanString(null, PrimitiveType.Timestamp));
        Assert.Equal("3", Transform.Bucket(4).ToHumanString(3, PrimitiveType.Long));
        Assert.Equal("10.50", Transform.Truncate(50).ToHumanString(new BigInteger(1050), PrimitiveType.Decimal(9, 2)));
        Assert.Equal("2017-11-16T22:31:08+00:00", Transform.Identity.ToHumanString(Literals.Convert("2017-11-16T22:31:08Z", PrimitiveType.TimestampTz), PrimitiveType.TimestampTz));
        Assert.Equal("AAEC", Transform.Identity.ToHumanString(new byte[] { 0, 1, 2 }, PrimitiveType.Binary));
        Assert.Equal("null", Transform.Void.ToHumanString(5, PrimitiveType.Int));
    }

    [Theory]
    [InlineData("identity")]
    [InlineData("bucket[16]")]
    [InlineData("truncate[4]")]
    [InlineData("year")]
    [InlineData("month")]
    [InlineData("day")]
    [InlineData("hour")]
    [InlineData("void")]
    [InlineData("zorder")]
    public void ParseRoundTrips(string text)
    {
        var t = Transform.Parse(text);
        Assert.Equal(text, t.ToString());
        Assert.Equal(text != "zorder", t.IsKnown);
    }

    [Fact]
    public void ParseParameters()
    {
        Assert.Equal(16, Assert.IsType<BucketTransform>(Transform.Parse("bucket[16]")).NumBuckets);
        Assert.Equal(4, Assert.IsType<TruncateTransform>(Transform.Parse(" truncate[ 4 ] ")).Width);
        Assert.Throws<IcebergException>(() => Transform.Parse("bucket[0]"));
        Assert.Throws<IcebergException>(() => Transform.Parse("truncate[-3]"));
        Assert.IsType<UnknownTransform>(Transform.Parse("bucket[x]"));
        var unknown = Transform.Parse("zorder");
        var ex = Assert.Throws<IcebergException>(() => unknown.Apply(1, PrimitiveType.Int));
        Assert.StartsWith("not supported: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VoidProducesNulls()
    {
        var result = Transform.Void.Apply(ArrowArrays.Primitive(ArrowType.Int64, new long?[] { 1, 2, null }), PrimitiveType.Long);
        Assert.Equal(3, result.Length);
        Assert.Equal(3, result.NullCount);
        Assert.True(result.IsNull(0));
        var strings = Transform.Void.Apply(ArrowArrays.Strings(["a", "b"]), PrimitiveType.String);
        Assert.Equal(2, strings.NullCount);
        Assert.Null(((BinaryArray)strings).GetString(1));
    }

    [Fact]
    public void IdentityIsZeroCopy()
    {
        var input = ArrowArrays.Strings(["x", Encoding.UTF8.GetString([0x41])]);
        Assert.Same(input, Transform.Identity.Apply(input, PrimitiveType.String));
    }
}
