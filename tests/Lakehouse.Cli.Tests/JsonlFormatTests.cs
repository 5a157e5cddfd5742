using System.Text;
using System.Text.Json;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Xunit;
using static Lakehouse.Cli.Tests.ArrayFactory;

namespace Lakehouse.Cli.Tests;

public class JsonlFormatTests
{
    [Fact]
    public void RowIsOneObjectWithKeysInColumnOrder()
    {
        var batch = Batch(("b", Primitive(ArrowType.Int32, 1, (int?)null)), ("a", Strings("x", null)), ("we\"ird\n", Boolean(true, false)));
        var lines = Jsonl.Lines(batch);
        Assert.Equal(["{\"b\":1,\"a\":\"x\",\"we\\\"ird\\n\":true}", "{\"b\":null,\"a\":null,\"we\\\"ird\\n\":false}"], lines);
        using var doc = JsonDocument.Parse(lines[0]);
        Assert.Equal(["b", "a", "we\"ird\n"], doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void IntegersAreExactAtEveryWidth()
    {
        Assert.Equal(["-128", "127", "null"], Jsonl.Single(Primitive<sbyte>(ArrowType.Int8, sbyte.MinValue, sbyte.MaxValue, null)));
        Assert.Equal(["-32768", "32767"], Jsonl.Single(Primitive<short>(ArrowType.Int16, short.MinValue, short.MaxValue)));
        Assert.Equal(["-2147483648", "2147483647"], Jsonl.Single(Primitive<int>(ArrowType.Int32, int.MinValue, int.MaxValue)));
        Assert.Equal(["-9223372036854775808", "9223372036854775807", "9007199254740993"], Jsonl.Single(Primitive<long>(ArrowType.Int64, long.MinValue, long.MaxValue, 9007199254740993)));
        Assert.Equal(["0", "255"], Jsonl.Single(Primitive<byte>(ArrowType.UInt8, 0, 255)));
        Assert.Equal(["65535"], Jsonl.Single(Primitive<ushort>(ArrowType.UInt16, ushort.MaxValue)));
        Assert.Equal(["4294967295"], Jsonl.Single(Primitive<uint>(ArrowType.UInt32, uint.MaxValue)));
        Assert.Equal(["18446744073709551615", "0"], Jsonl.Single(Primitive<ulong>(ArrowType.UInt64, ulong.MaxValue, 0)));
    }

    [Fact]
    public void DoublesAreShortestRoundTripInEcmaScriptLayout()
    {
        var values = new double?[] { 0.1, -0.0, 0.0, 1.0, 1e21, 1e20, 123456789012345680000.0, 1.5e-7, 0.000001, 5e-324, double.MaxValue, -2.5, 100, null };
        Assert.Equal(
            ["0.1", "-0", "0", "1", "1e+21", "100000000000000000000", "123456789012345680000", "1.5e-7", "0.000001", "5e-324", "1.7976931348623157e+308", "-2.5", "100", "null"],
            Jsonl.Single(Primitive(ArrowType.Float64, values)));
    }

    [Fact]
    public void NonFiniteFloatsAreStrings()
    {
        Assert.Equal(["\"NaN\"", "\"Infinity\"", "\"-Infinity\""], Jsonl.Single(Primitive<double>(ArrowType.Float64, double.NaN, double.PositiveInfinity, double.NegativeInfinity)));
        Assert.Equal(["\"NaN\"", "\"-Infinity\""], Jsonl.Single(Primitive<float>(ArrowType.Float32, float.NaN, float.NegativeInfinity)));
        Assert.Equal(["\"Infinity\""], Jsonl.Single(Primitive<Half>(ArrowType.Float16, Half.PositiveInfinity)));
    }

    [Fact]
    public void FloatsUseTheirOwnWidthsShortestDigits()
    {
        Assert.Equal(["0.1", "16777216", "3.4028235e+38", "1e-45"], Jsonl.Single(Primitive<float>(ArrowType.Float32, 0.1f, 16777216f, float.MaxValue, float.Epsilon)));
        // 65500 is the shortest text that reads back as float16 65504.
        Assert.Equal(["0.1", "65500", "-0", "6e-8"], Jsonl.Single(Primitive<Half>(ArrowType.Float16, (Half)0.1, Half.MaxValue, -(Half)0.0, Half.Epsilon)));
    }

    [Fact]
    public void DecimalsHaveExactlyScaleDigits()
    {
        Assert.Equal(["\"1.50\"", "\"-1.50\"", "\"0.05\"", "\"-0.05\"", "\"0.00\"", "null"], Jsonl.Single(Decimal(9, 2, 32, "150", "-150", "5", "-5", "0", null)));
        Assert.Equal(["\"42\"", "\"-9223372036854775808\""], Jsonl.Single(Decimal(18, 0, 64, "42", "-9223372036854775808")));
        Assert.Equal(
            ["\"-99999999999999999999999999999.999999999\"", "\"0.000000001\""],
            Jsonl.Single(Decimal(38, 9, 128, "-99999999999999999999999999999999999999", "1")));
        var max256 = new string('9', 76);
        Assert.Equal(["\"" + max256[..66] + "." + max256[66..] + "\"", "\"-" + max256[..66] + "." + max256[66..] + "\""], Jsonl.Single(Decimal(76, 10, 256, max256, "-" + max256)));
        Assert.Equal(["\"1200\"", "\"0\""], Jsonl.Single(Decimal(5, -2, 128, "12", "0")));
    }

    [Fact]
    public void DecimalMinimumInt128DoesNotOverflow()
    {
        var min = Int128.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["\"-17014118346046923173168730371588.4105728\""], Jsonl.Single(Decimal(38, 7, 128, min)));
    }

    [Fact]
    public void DatesIncludingBeforeEpochAndExtendedYears()
    {
        Assert.Equal(
            ["\"1970-01-01\"", "\"1969-12-31\"", "\"2000-02-29\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"+10000-01-01\"", "\"0000-12-31\"", "\"0000-01-01\"", "\"-0001-01-01\"", "\"+5881580-07-11\"", "\"-5877641-06-23\""],
            Jsonl.Single(Primitive<int>(ArrowType.Date32, 0, -1, 11016, -719162, 2932896, 2932897, -719163, -719528, -719893, int.MaxValue, int.MinValue)));
        Assert.Equal(["\"1970-01-02\"", "\"1969-12-31\""], Jsonl.Single(Primitive<long>(ArrowType.Date64, 86_400_000, -1)));
    }

    [Fact]
    public void DatesAgreeWithDateOnlyAcrossItsRange()
    {
        var epoch = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        var days = new List<int?>();
        for (var d = DateOnly.MinValue.DayNumber; d <= DateOnly.MaxValue.DayNumber; d += 997)
        {
            days.Add(d - epoch);
        }

        var text = Jsonl.Single(Primitive(ArrowType.Date32, days.ToArray()));
        for (var i = 0; i < days.Count; i++)
        {
            Assert.Equal("\"" + DateOnly.FromDayNumber(days[i]!.Value + epoch).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "\"", text[i]);
        }
    }

    [Fact]
    public void TimesHaveSixDigitsOrNineForNanoseconds()
    {
        Assert.Equal(["\"00:00:00.000000\"", "\"23:59:59.000000\""], Jsonl.Single(Primitive<int>(new TimeType(TimeUnit.Second), 0, 86399)));
        Assert.Equal(["\"12:34:56.789000\""], Jsonl.Single(Primitive<int>(new TimeType(TimeUnit.Millisecond), 45296789)));
        Assert.Equal(["\"12:34:56.789012\""], Jsonl.Single(Primitive<long>(new TimeType(TimeUnit.Microsecond), 45296789012)));
        Assert.Equal(["\"12:34:56.789012345\"", "\"-00:00:00.000000001\"", "\"24:00:00.000000000\""], Jsonl.Single(Primitive<long>(new TimeType(TimeUnit.Nanosecond), 45296789012345, -1, 86_400_000_000_000)));
    }

    [Fact]
    public void TimestampsWithAndWithoutZone()
    {
        Assert.Equal(["\"2026-01-01T00:00:00.000000\"", "\"1969-12-31T23:59:59.999999\""], Jsonl.Single(Primitive<long>(new TimestampType(TimeUnit.Microsecond), 1767225600000000, -1)));
        Assert.Equal(["\"2026-01-01T00:00:00.000000Z\""], Jsonl.Single(Primitive<long>(new TimestampType(TimeUnit.Microsecond, "UTC"), 1767225600000000)));
        Assert.Equal(["\"2026-01-01T00:00:00.000000Z\""], Jsonl.Single(Primitive<long>(new TimestampType(TimeUnit.Microsecond, "America/New_York"), 1767225600000000)));
        Assert.Equal(["\"2026-01-01T00:00:00.123000Z\"", "\"1969-12-31T23:59:59.999000Z\""], Jsonl.Single(Primitive<long>(new TimestampType(TimeUnit.Millisecond, "+01:00"), 1767225600123, -1)));
        Assert.Equal(["\"2026-01-01T00:00:01.000000\""], Jsonl.Single(Primitive<long>(new TimestampType(TimeUnit.Second), 1767225601)));
        Assert.Equal(
            ["\"1677-09-21T00:12:43.145224192Z\"", "\"2262-04-11T23:47:16.854775807Z\"", "\"1969-12-31T23:59:59.999999999Z\""],
            Jsonl.Single(Primitive<long>(new TimestampType(TimeUnit.Nanosecond, "UTC"), long.MinValue, long.MaxValue, -1)));
        Assert.Equal(["\"-290308-12-21T19:59:05.224192\"", "\"+294247-01-10T04:00:54.775807\""], Jsonl.Single(Primitive<long>(new TimestampType(TimeUnit.Microsecond), long.MinValue, long.MaxValue)));
    }

    [Fact]
    public void TimestampsAgreeWithDateTime()
    {
        var random = new Random(7);
        var values = new long?[500];
        var min = new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ((long)(random.NextDouble() * DateTime.MaxValue.Ticks) - (DateTime.UnixEpoch.Ticks - min.Ticks)) / 10;
        }

        var text = Jsonl.Single(Primitive(new TimestampType(TimeUnit.Microsecond, "UTC"), values));
        for (var i = 0; i < values.Length; i++)
        {
            var expected = DateTime.UnixEpoch.AddTicks(values[i]!.Value * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("\"" + expected + "\"", text[i]);
        }
    }

    [Fact]
    public void DurationsAndIntervals()
    {
        Assert.Equal(["\"PT90.000000S\"", "\"-PT0.000001S\"", "\"PT0.000000S\""], Jsonl.Single(Primitive<long>(new DurationType(TimeUnit.Microsecond), 90_000_000, -1, 0)));
        Assert.Equal(["\"PT1.500000S\""], Jsonl.Single(Primitive<long>(new DurationType(TimeUnit.Millisecond), 1500)));
        Assert.Equal(["\"-PT9223372036.854775808S\""], Jsonl.Single(Primitive<long>(new DurationType(TimeUnit.Nanosecond), long.MinValue)));
        Assert.Equal(["\"PT3600.000000S\""], Jsonl.Single(Primitive<long>(new DurationType(TimeUnit.Second), 3600)));
        Assert.Equal(["{\"months\":14}", "{\"months\":-1}"], Jsonl.Single(Primitive<int>(new IntervalType(IntervalUnit.YearMonth), 14, -1)));
        Assert.Equal(["{\"days\":1,\"milliseconds\":500}"], Jsonl.Single(Primitive<DayTimeInterval>(new IntervalType(IntervalUnit.DayTime), new DayTimeInterval(1, 500))));
        Assert.Equal(["{\"months\":1,\"days\":-2,\"nanoseconds\":9223372036854775807}", "null"], Jsonl.Single(Primitive<MonthDayNanoInterval>(new IntervalType(IntervalUnit.MonthDayNano), new MonthDayNanoInterval(1, -2, long.MaxValue), null)));
    }

    [Fact]
    public void StringsEscapeControlCharactersAndRepairInvalidUtf8()
    {
        var text = Jsonl.Single(Strings("plain", "q\"b\\s", "\u0000\u0001\b\f\n\r\t\u001f\u007f", "café 日本 🔥", string.Empty, null));
        Assert.Equal(["\"plain\"", "\"q\\\"b\\\\s\"", "\"\\u0000\\u0001\\b\\f\\n\\r\\t\\u001f\u007f\"", "\"café 日本 🔥\"", "\"\"", "null"], text);
        var invalid = Jsonl.Single(Binary(ArrowType.Utf8, [0x61, 0xFF, 0x62], [0xE2, 0x82], [0xF0, 0x9F, 0x94, 0xA5], [0xED, 0xA0, 0x80]));
        Assert.Equal(["\"a\uFFFDb\"", "\"\uFFFD\"", "\"🔥\"", "\"\uFFFD\uFFFD\uFFFD\""], invalid);
    }

    [Fact]
    public void StringLayoutsAllRender()
    {
        var values = new[] { "short", "a value longer than twelve bytes", null };
        var bytes = values.Select(v => v is null ? null : Encoding.UTF8.GetBytes(v)).ToArray();
        var expected = new[] { "\"short\"", "\"a value longer than twelve bytes\"", "null" };
        Assert.Equal(expected, Jsonl.Single(Binary(ArrowType.LargeUtf8, bytes)));
        Assert.Equal(expected, Jsonl.Single(View(ArrowType.Utf8View, bytes)));
    }

    [Fact]
    public void BinaryIsLowercaseHex()
    {
        byte[][] values = [[0x00, 0xAB, 0xFF], []];
        Assert.Equal(["\"00abff\"", "\"\""], Jsonl.Single(Binary(ArrowType.Binary, values)));
        Assert.Equal(["\"00abff\"", "\"\""], Jsonl.Single(Binary(ArrowType.LargeBinary, values)));
        Assert.Equal(["\"00abff\"", "\"\""], Jsonl.Single(View(ArrowType.BinaryView, values)));
        Assert.Equal(["\"0102\"", "null"], Jsonl.Single(FixedBinary(2, [1, 2], null)));
    }

    [Fact]
    public void UuidExtensionIsDashedLowercase()
    {
        var uuid = Guid.Parse("123E4567-E89B-12D3-A456-426614174000").ToByteArray(bigEndian: true);
        var field = new Field("id", new FixedSizeBinaryType(16), true, [new("ARROW:extension:name", "arrow.uuid")]);
        Assert.Equal(["\"123e4567-e89b-12d3-a456-426614174000\"", "null"], Jsonl.Single(FixedBinary(16, uuid, null), field));

        // Without the extension the same bytes are plain hex.
        Assert.Equal(["\"123e4567e89b12d3a456426614174000\"", "null"], Jsonl.Single(FixedBinary(16, uuid, null)));
    }

    [Fact]
    public void ListsOfEveryLayout()
    {
        var child = Primitive<int>(ArrowType.Int32, 1, 2, null, 4);
        Assert.Equal(["[1,2]", "[]", "null", "[null,4]"], Jsonl.Single(List(child, [0, 2, 2, 2, 4], [true, true, false, true])));
        Assert.Equal(["[1,2]", "[null,4]"], Jsonl.Single(List(child, [0, 2, 4], id: ArrowTypeId.LargeList)));
        Assert.Equal(["[2,null]", "[1]", "null", "[]"], Jsonl.Single(ListView(child, [1, 0, 0, 3], [2, 1, 0, 0], [true, true, false, true])));
        Assert.Equal(["[1,2]", "null"], Jsonl.Single(FixedSizeList(child, 2, [true, false])));
    }

    [Fact]
    public void SlicedListsAndStructsUseTheirOffsets()
    {
        var child = Primitive<int>(ArrowType.Int32, 1, 2, 3, 4, 5);
        var list = ArrowArray.Create(List(child, [0, 1, 3, 5]));
        var batch = new RecordBatch(new Schema([new Field("l", list.Type)]), [list], 3).Slice(1, 2);
        Assert.Equal(["[2,3]", "[4,5]"], Jsonl.Column(batch, "l"));

        var fsl = ArrowArray.Create(FixedSizeList(child.Slice(0, 4), 2));
        var fslBatch = new RecordBatch(new Schema([new Field("l", fsl.Type)]), [fsl], 2).Slice(1, 1);
        Assert.Equal(["[3,4]"], Jsonl.Column(fslBatch, "l"));

        var s = ArrowArray.Create(Struct([new Field("a", ArrowType.Int32)], [child], [true, false, true, true, true]));
        var sBatch = new RecordBatch(new Schema([new Field("s", s.Type)]), [s], 5).Slice(1, 3);
        Assert.Equal(["null", "{\"a\":3}", "{\"a\":4}"], Jsonl.Column(sBatch, "s"));
    }

    [Fact]
    public void StructsAndMaps()
    {
        var s = Struct(
            [new Field("x", ArrowType.Int64), new Field("name", ArrowType.Utf8)],
            [Primitive<long>(ArrowType.Int64, 1, null, 3), Strings("a", "b", null)],
            [true, true, false]);
        Assert.Equal(["{\"x\":1,\"name\":\"a\"}", "{\"x\":null,\"name\":\"b\"}", "null"], Jsonl.Single(s));

        var map = Map(Strings("k1", "k2", "k3"), Primitive<double>(ArrowType.Float64, 1.5, null, double.NaN), [0, 2, 2, 3], [true, false, true]);
        Assert.Equal(["[{\"key\":\"k1\",\"value\":1.5},{\"key\":\"k2\",\"value\":null}]", "null", "[{\"key\":\"k3\",\"value\":\"NaN\"}]"], Jsonl.Single(map));
    }

    [Fact]
    public void NestedListOfStructOfMapWithNullsAtEveryLevel()
    {
        // map values: 10, null ; keys: "a", "b"
        var map = Map(Strings("a", "b"), Primitive<int>(ArrowType.Int32, 10, null), [0, 2, 2, 2, 2], [true, true, false, false]);
        var structs = Struct([new Field("m", map.Type), new Field("n", ArrowType.Int8)], [map, Primitive<sbyte>(ArrowType.Int8, 1, null, 3, 4)], null);
        var lists = List(structs, [0, 2, 3, 3, 4], [true, true, false, true]);
        var text = Jsonl.Single(lists);
        Assert.Equal(
            [
                "[{\"m\":[{\"key\":\"a\",\"value\":10},{\"key\":\"b\",\"value\":null}],\"n\":1},{\"m\":[],\"n\":null}]",
                "[{\"m\":null,\"n\":3}]",
                "null",
                "[{\"m\":null,\"n\":4}]",
            ],
            text);
    }

    [Fact]
    public void DictionaryAndRunEndEncodedDecodeToValues()
    {
        var dict = Dictionary(Strings("red", "green", null), 1, 0, null, 2, 1);
        Assert.Equal(["\"green\"", "\"red\"", "null", "null", "\"green\""], Jsonl.Single(dict));

        var ree = RunEndEncoded([2, 3, 6], Primitive<long>(ArrowType.Int64, 7, null, 9));
        Assert.Equal(["7", "7", "null", "9", "9", "9"], Jsonl.Single(ree));
        var reeArray = ArrowArray.Create(ree);
        var sliced = new RecordBatch(new Schema([new Field("r", ree.Type)]), [reeArray], 6).Slice(1, 3);
        Assert.Equal(["7", "null", "9"], Jsonl.Column(sliced, "r"));
    }

    [Fact]
    public void UnionsWriteTheSelectedChild()
    {
        Field[] fields = [new Field("i", ArrowType.Int32), new Field("s", ArrowType.Utf8)];
        var sparse = SparseUnion(fields, [0, 1, 0], [Primitive<int>(ArrowType.Int32, 5, 0, null), Strings("x", "y", "z")]);
        Assert.Equal(["5", "\"y\"", "null"], Jsonl.Single(sparse));
        var dense = DenseUnion(fields, [1, 0, 1], [0, 0, 1], [Primitive<int>(ArrowType.Int32, 42), Strings("a", null)]);
        Assert.Equal(["\"a\"", "42", "null"], Jsonl.Single(dense));
    }

    [Fact]
    public void NullTypeAndBooleans()
    {
        Assert.Equal(["null", "null"], Jsonl.Single(new ArrayData(ArrowType.Null, 2, 2, 0, [])));
        Assert.Equal(["true", "false", "null"], Jsonl.Single(Boolean(true, false, null)));
    }

    [Fact]
    public void EveryLineParsesAndBatchesStream()
    {
        var b1 = Batch(("n", Primitive<long>(ArrowType.Int64, 1, 2)));
        var b2 = Batch(("n", Primitive<long>(ArrowType.Int64, 3)));
        var lines = Jsonl.Lines(b1, b2);
        Assert.Equal(3, lines.Length);
        Assert.Equal([1L, 2L, 3L], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("n").GetInt64()).ToArray());
    }
}
