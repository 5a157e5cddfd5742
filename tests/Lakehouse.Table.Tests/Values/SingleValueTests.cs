using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using Xunit;

namespace Lakehouse.Table.Tests.Values;

/// <summary>Appendix D binary and JSON single-value serialization.</summary>
public sealed class SingleValueTests
{
    public static TheoryData<string, string, string> BinaryExamples => new()
    {
        { "boolean", "true", "01" },
        { "boolean", "false", "00" },
        { "int", "34", "22000000" },
        { "int", "-1", "ffffffff" },
        { "long", "34", "2200000000000000" },
        { "float", "1.0", "0000803f" },
        { "double", "1.0", "000000000000f03f" },
        { "date", "1970-01-02", "01000000" },
        { "date", "1969-12-31", "ffffffff" },
        { "time", "00:00:01", "40420f0000000000" },
        { "timestamp", "1970-01-01T00:00:00.000001", "0100000000000000" },
        { "timestamptz", "1970-01-01T00:00:01+00:00", "40420f0000000000" },
        { "timestamp_ns", "1970-01-01T00:00:00.000000001", "0100000000000000" },
        { "string", "iceberg", "69636562657267" },
        { "string", "é", "c3a9" },
        { "uuid", "f79c3e09-677c-4bbd-a479-3f349cb785e7", "f79c3e09677c4bbda4793f349cb785e7" },
        { "decimal(9,2)", "14.20", "058c" },
        { "decimal(9,2)", "0.00", "00" },
        { "decimal(9,2)", "-0.01", "ff" },
        { "decimal(9,2)", "1.28", "0080" },
        { "decimal(9,2)", "-1.29", "ff7f" },
        { "decimal(38,0)", "99999999999999999999999999999999999999", "4b3b4ca85a86c47a098a223fffffffff" },
    };

    [Theory]
    [MemberData(nameof(BinaryExamples))]
    public void BinaryMatchesSpecAndRoundTrips(string typeText, string valueText, string hex)
    {
        var type = PrimitiveType.Parse(typeText);
        var value = Literals.Convert(valueText, type);
        var bytes = SingleValueBinary.ToBytes(value, type);
        Assert.Equal(hex, Convert.ToHexStringLower(bytes));
        Assert.True(Literals.ValueEquals(value, SingleValueBinary.FromBytes(bytes, type)));
    }

    [Fact]
    public void BinaryFixedAndBinary()
    {
        var bytes = new byte[] { 0, 1, 2, 0xff };
        Assert.Equal(bytes, SingleValueBinary.ToBytes(bytes, PrimitiveType.Binary));
        Assert.Equal(bytes, SingleValueBinary.FromBytes(bytes, PrimitiveType.Fixed(4)));
        Assert.Throws<IcebergException>(() => SingleValueBinary.FromBytes([1, 2, 3], PrimitiveType.Int));
        Assert.Throws<IcebergException>(() => SingleValueBinary.FromBytes([1, 2, 3], PrimitiveType.Uuid));
        Assert.Throws<IcebergException>(() => SingleValueBinary.ToBytes(1, PrimitiveType.Variant));
    }

    [Fact]
    public void BoundsWrittenBeforePromotionAreRead()
    {
        Assert.Equal(-5L, SingleValueBinary.FromBytes(SingleValueBinary.ToBytes(-5, PrimitiveType.Int), PrimitiveType.Long));
        Assert.Equal(1.5, SingleValueBinary.FromBytes(SingleValueBinary.ToBytes(1.5f, PrimitiveType.Float), PrimitiveType.Double));
        Assert.Equal(DateTimeUtil.MicrosPerDay * 2, SingleValueBinary.FromBytes(SingleValueBinary.ToBytes(2, PrimitiveType.Date), PrimitiveType.Timestamp));
        Assert.Equal(DateTimeUtil.MicrosPerDay * -1000, SingleValueBinary.FromBytes(SingleValueBinary.ToBytes(-1, PrimitiveType.Date), PrimitiveType.TimestampNs));
    }

    public static TheoryData<string, string> JsonExamples => new()
    {
        { "boolean", "true" },
        { "int", "34" },
        { "long", "34" },
        { "float", "1.5" },
        { "double", "1.5" },
        { "decimal(9,2)", "\"14.20\"" },
        { "decimal(9,-20)", "\"2E+20\"" },
        { "date", "\"2017-11-16\"" },
        { "time", "\"22:31:08.123456\"" },
        { "timestamp", "\"2017-11-16T22:31:08.123456\"" },
        { "timestamptz", "\"2017-11-16T22:31:08.123456+00:00\"" },
        { "timestamp_ns", "\"2017-11-16T22:31:08.123456789\"" },
        { "timestamptz_ns", "\"2017-11-16T22:31:08.123456789+00:00\"" },
        { "string", "\"iceberg\"" },
        { "uuid", "\"f79c3e09-677c-4bbd-a479-3f349cb785e7\"" },
        { "fixed[4]", "\"000102ff\"" },
        { "binary", "\"000102ff\"" },
    };

    [Theory]
    [MemberData(nameof(JsonExamples))]
    public void JsonMatchesSpecExamples(string typeText, string json) => AssertJsonRoundTrip(PrimitiveType.Parse(typeText), json);

    [Fact]
    public void JsonNestedExamples()
    {
        var structType = new StructType([NestedField.Optional(1, "a", PrimitiveType.Int), NestedField.Optional(2, "b", PrimitiveType.String)]);
        AssertJsonRoundTrip(structType, """{"1":1,"2":"bar"}""");
        AssertJsonRoundTrip(new ListType(3, PrimitiveType.Int, true), "[1,2,3]");
        AssertJsonRoundTrip(new MapType(4, PrimitiveType.String, 5, PrimitiveType.Int, true), """{"keys":["a","b"],"values":[1,2]}""");
    }

    [Fact]
    public void JsonRejectsBadValues()
    {
        Assert.Throws<IcebergException>(() => Read(PrimitiveType.TimestampTz, "\"2017-11-16T22:31:08\""));
        Assert.Throws<IcebergException>(() => Read(PrimitiveType.Timestamp, "\"2017-11-16T22:31:08+00:00\""));
        Assert.Throws<IcebergException>(() => Read(PrimitiveType.Decimal(9, 2), "\"1.234\""));
        Assert.Throws<IcebergException>(() => Read(PrimitiveType.Fixed(2), "\"000102\""));
        Assert.Throws<IcebergException>(() => Read(PrimitiveType.Int, "\"x\""));
        Assert.Null(Read(PrimitiveType.Int, "null"));
    }

    [Fact]
    public void DecimalParsing()
    {
        Assert.Equal(new BigInteger(1420), Literals.TryParseDecimal("14.2", 2));
        Assert.Equal(new BigInteger(-5), Literals.TryParseDecimal("-0.05", 2));
        Assert.Equal(new BigInteger(2), Literals.TryParseDecimal("2E+20", -20));
        Assert.Equal(new BigInteger(1000), Literals.TryParseDecimal("1E+1", 2));
        Assert.Null(Literals.TryParseDecimal("0.001", 2));
        Assert.Equal("-0.05", Literals.FormatDecimal(-5, 2));
        Assert.Equal("2E+20", Literals.FormatDecimal(2, -20));
    }

    [Fact]
    public void ComparisonsUseIcebergOrder()
    {
        Assert.True(Literals.Compare(double.NaN, double.PositiveInfinity) > 0);
        Assert.True(Literals.Compare(-0.0, 0.0) < 0);
        Assert.True(Literals.Compare("\uffff", "𝄞") < 0);
        Assert.True(Literals.Compare(new byte[] { 0x7f }, new byte[] { 0x80 }) < 0);
        Assert.True(Literals.Compare(3, 4L) < 0);
        Assert.True(Literals.Compare(Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("80000000-0000-0000-0000-000000000000")) < 0);
    }

    [Theory]
    [InlineData("2050-06-30T23:59:59.999999", false)]
    [InlineData("1900-01-01T00:00:00.000001", false)]
    [InlineData("1969-12-31T23:59:59.999999", false)]
    [InlineData("9999-12-31T23:59:59.999999", false)]
    [InlineData("2262-04-11T23:47:16.854775807", true)]
    [InlineData("1677-09-21T00:12:43.145224192", true)]
    public void TimestampTextRoundTripsAcrossTheRange(string text, bool nanos)
    {
        var type = nanos ? PrimitiveType.TimestampNs : PrimitiveType.Timestamp;
        var value = (long)Literals.Convert(text, type);
        var formatted = nanos ? DateTimeUtil.FormatTimestampNanos(value, false) : DateTimeUtil.FormatTimestampMicros(value, false);
        Assert.Equal(text, formatted);
    }

    [Fact]
    public void DatesOutsideFourDigitYearsFormat()
    {
        Assert.Equal("1970-01-01", DateTimeUtil.FormatDate(0));
        Assert.Equal("1969-12-31", DateTimeUtil.FormatDate(-1));
        Assert.Equal("2000-02-29", DateTimeUtil.FormatDate(11016));
        Assert.Equal("+10000-01-01", DateTimeUtil.FormatDate(2_932_897));
        Assert.Equal("-0001-12-31", DateTimeUtil.FormatDate(-719_529));
        for (var d = -800_000; d < 3_000_000; d += 997)
        {
            if (d > -719_162 && d < 2_932_896)
            {
                Assert.Equal(DateTimeUtil.DateFromDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), DateTimeUtil.FormatDate(d));
                Assert.Equal(d, DateTimeUtil.ParseDate(DateTimeUtil.FormatDate(d)));
            }
        }
    }

    private static void AssertJsonRoundTrip(IcebergType type, string json)
    {
        var value = Read(type, json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            SingleValueJson.Write(w, value, type);
        }

        Assert.Equal(json, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static object? Read(IcebergType type, string json)
    {
        using var doc = JsonDocument.Parse(json);
        return SingleValueJson.Read(doc.RootElement, type);
    }
}
