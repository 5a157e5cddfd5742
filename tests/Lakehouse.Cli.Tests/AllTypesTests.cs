using System.Text;
using System.Text.Json;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Cli.Output;
using Xunit;
using static Lakehouse.Cli.Tests.ArrayFactory;

namespace Lakehouse.Cli.Tests;

/// <summary>One batch with a column of every Arrow type (3 rows, the last one null where possible) in all formats.</summary>
public class AllTypesTests
{
    private static readonly Field[] s_unionFields = [new Field("i", ArrowType.Int32), new Field("s", ArrowType.Utf8)];

    public static RecordBatch EveryType()
    {
        var uuid = new Field("uuid", new FixedSizeBinaryType(16), true, [new("ARROW:extension:name", "arrow.uuid")]);
        var columns = new List<(Field, ArrayData)>
        {
            (new Field("null", ArrowType.Null), new ArrayData(ArrowType.Null, 3, 3, 0, [])),
            (new Field("bool", ArrowType.Boolean), Boolean(true, false, null)),
            (new Field("int8", ArrowType.Int8), Primitive<sbyte>(ArrowType.Int8, -1, 2, null)),
            (new Field("int16", ArrowType.Int16), Primitive<short>(ArrowType.Int16, -1, 2, null)),
            (new Field("int32", ArrowType.Int32), Primitive<int>(ArrowType.Int32, -1, 2, null)),
            (new Field("int64", ArrowType.Int64), Primitive<long>(ArrowType.Int64, long.MinValue, long.MaxValue, null)),
            (new Field("uint8", ArrowType.UInt8), Primitive<byte>(ArrowType.UInt8, 0, 255, null)),
            (new Field("uint16", ArrowType.UInt16), Primitive<ushort>(ArrowType.UInt16, 0, 65535, null)),
            (new Field("uint32", ArrowType.UInt32), Primitive<uint>(ArrowType.UInt32, 0, uint.MaxValue, null)),
            (new Field("uint64", ArrowType.UInt64), Primitive<ulong>(ArrowType.UInt64, 0, ulong.MaxValue, null)),
            (new Field("float16", ArrowType.Float16), Primitive<Half>(ArrowType.Float16, (Half)1.5, Half.NaN, null)),
            (new Field("float32", ArrowType.Float32), Primitive<float>(ArrowType.Float32, 0.1f, float.NegativeInfinity, null)),
            (new Field("float64", ArrowType.Float64), Primitive<double>(ArrowType.Float64, -0.0, 1e300, null)),
            (new Field("decimal32", new DecimalType(9, 3, 32)), Decimal(9, 3, 32, "-1", "123456789", null)),
            (new Field("decimal64", new DecimalType(18, 0, 64)), Decimal(18, 0, 64, "-1", "123456789012345678", null)),
            (new Field("decimal128", new DecimalType(38, 10, 128)), Decimal(38, 10, 128, "-1", "12345678901234567890123456789012345678", null)),
            (new Field("decimal256", new DecimalType(76, 20, 256)), Decimal(76, 20, 256, "-1", new string('7', 76), null)),
            (new Field("date32", ArrowType.Date32), Primitive<int>(ArrowType.Date32, -1, 20454, null)),
            (new Field("date64", ArrowType.Date64), Primitive<long>(ArrowType.Date64, -86_400_000, 0, null)),
            (new Field("time32s", new TimeType(TimeUnit.Second)), Primitive<int>(new TimeType(TimeUnit.Second), 1, 86399, null)),
            (new Field("time32ms", new TimeType(TimeUnit.Millisecond)), Primitive<int>(new TimeType(TimeUnit.Millisecond), 1, 86399999, null)),
            (new Field("time64us", new TimeType(TimeUnit.Microsecond)), Primitive<long>(new TimeType(TimeUnit.Microsecond), 1, 86399999999, null)),
            (new Field("time64ns", new TimeType(TimeUnit.Nanosecond)), Primitive<long>(new TimeType(TimeUnit.Nanosecond), 1, 86399999999999, null)),
            (new Field("ts_s", new TimestampType(TimeUnit.Second)), Primitive<long>(new TimestampType(TimeUnit.Second), -1, 0, null)),
            (new Field("ts_ms_tz", new TimestampType(TimeUnit.Millisecond, "Europe/Paris")), Primitive<long>(new TimestampType(TimeUnit.Millisecond, "Europe/Paris"), -1, 0, null)),
            (new Field("ts_us", new TimestampType(TimeUnit.Microsecond)), Primitive<long>(new TimestampType(TimeUnit.Microsecond), -1, 0, null)),
            (new Field("ts_ns_tz", new TimestampType(TimeUnit.Nanosecond, "UTC")), Primitive<long>(new TimestampType(TimeUnit.Nanosecond, "UTC"), -1, 0, null)),
            (new Field("duration", new DurationType(TimeUnit.Millisecond)), Primitive<long>(new DurationType(TimeUnit.Millisecond), -1, 86_400_000, null)),
            (new Field("interval_ym", new IntervalType(IntervalUnit.YearMonth)), Primitive<int>(new IntervalType(IntervalUnit.YearMonth), 1, -13, null)),
            (new Field("interval_dt", new IntervalType(IntervalUnit.DayTime)), Primitive<DayTimeInterval>(new IntervalType(IntervalUnit.DayTime), new DayTimeInterval(1, 2), new DayTimeInterval(-1, -2), null)),
            (new Field("interval_mdn", new IntervalType(IntervalUnit.MonthDayNano)), Primitive<MonthDayNanoInterval>(new IntervalType(IntervalUnit.MonthDayNano), new MonthDayNanoInterval(1, 2, 3), new MonthDayNanoInterval(0, 0, -1), null)),
            (new Field("utf8", ArrowType.Utf8), Strings("a,b", "line\nbreak \"q\"", null)),
            (new Field("large_utf8", ArrowType.LargeUtf8), Binary(ArrowType.LargeUtf8, "x"u8.ToArray(), "日本"u8.ToArray(), null)),
            (new Field("utf8_view", ArrowType.Utf8View), View(ArrowType.Utf8View, "short"u8.ToArray(), "definitely longer than twelve"u8.ToArray(), null)),
            (new Field("binary", ArrowType.Binary), Binary(ArrowType.Binary, [0x01], [], null)),
            (new Field("large_binary", ArrowType.LargeBinary), Binary(ArrowType.LargeBinary, [0x02], [0xFF, 0xEE], null)),
            (new Field("binary_view", ArrowType.BinaryView), View(ArrowType.BinaryView, [0x03], new byte[20], null)),
            (new Field("fixed", new FixedSizeBinaryType(3)), FixedBinary(3, [1, 2, 3], [4, 5, 6], null)),
            (uuid, FixedBinary(16, new byte[16], Enumerable.Repeat((byte)0xAB, 16).ToArray(), null)),
            (new Field("list", new ListType(ArrowType.Int32)), List(Primitive<int>(ArrowType.Int32, 1, null, 3), [0, 2, 3, 3], [true, true, false])),
            (new Field("large_list", new ListType(new Field("item", ArrowType.Int32, true), ArrowTypeId.LargeList)), List(Primitive<int>(ArrowType.Int32, 1, 2), [0, 0, 2, 2], [true, true, false], ArrowTypeId.LargeList)),
            (new Field("list_view", new ListType(new Field("item", ArrowType.Int32, true), ArrowTypeId.ListView)), ListView(Primitive<int>(ArrowType.Int32, 1, 2), [1, 0, 0], [1, 2, 0], [true, true, false])),
            (new Field("fixed_list", new FixedSizeListType(new Field("item", ArrowType.Int32, true), 2)), FixedSizeList(Primitive<int>(ArrowType.Int32, 1, 2, 3, 4, 5, 6), 2, [true, true, false])),
            (new Field("struct", new StructType([new Field("a", ArrowType.Int32), new Field("b", ArrowType.Utf8)])), Struct([new Field("a", ArrowType.Int32), new Field("b", ArrowType.Utf8)], [Primitive<int>(ArrowType.Int32, 1, null, 3), Strings("x", "y", "z")], [true, true, false])),
            (new Field("map", new MapType(ArrowType.Utf8, ArrowType.Int64)), Map(Strings("k", "l"), Primitive<long>(ArrowType.Int64, 1, null), [0, 2, 2, 2], [true, true, false])),
            (new Field("sparse_union", new UnionType(s_unionFields, null, UnionMode.Sparse)), SparseUnion(s_unionFields, [0, 1, 0], [Primitive<int>(ArrowType.Int32, 1, 2, null), Strings("a", "b", "c")])),
            (new Field("dense_union", new UnionType(s_unionFields, null, UnionMode.Dense)), DenseUnion(s_unionFields, [1, 0, 0], [0, 0, 1], [Primitive<int>(ArrowType.Int32, 7, null), Strings("s")])),
            (new Field("dictionary", new DictionaryType(ArrowType.Int32, ArrowType.Utf8)), Dictionary(Strings("red", "green"), 1, 0, null)),
        };
        var ree = RunEndEncoded([2, 3], Primitive<double>(ArrowType.Float64, 2.5, null));
        columns.Add((new Field("ree", ree.Type), ree));
        var schema = new Schema(columns.Select(c => c.Item1).ToArray());
        return new RecordBatch(schema, columns.Select(c => ArrowArray.Create(c.Item2)).ToArray(), 3);
    }

    [Fact]
    public void CoversEveryTypeId()
    {
        var ids = EveryType().Schema.Fields.Select(f => f.Type.Id).ToHashSet();
        foreach (var id in Enum.GetValues<ArrowTypeId>())
        {
            if (id is ArrowTypeId.LargeListView)
            {
                continue; // same formatter as list_view, 64-bit offsets
            }

            Assert.Contains(id, ids);
        }
    }

    [Fact]
    public void JsonlLinesParseAndLastRowIsAllNullWhereTypesAllow()
    {
        var batch = EveryType();
        var lines = Jsonl.Lines(batch);
        Assert.Equal(3, lines.Length);
        using var last = JsonDocument.Parse(lines[2]);
        var names = last.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(batch.Schema.Fields.Select(f => f.Name).ToArray(), names);
        foreach (var p in last.RootElement.EnumerateObject())
        {
            // Unions, run-end encoded and the last union slot carry values; everything else is null here.
            if (p.Name is not ("sparse_union" or "dense_union" or "ree"))
            {
                Assert.True(p.Value.ValueKind == JsonValueKind.Null, $"{p.Name} should be null, got {p.Value.GetRawText()}");
            }
        }

        using var second = JsonDocument.Parse(lines[1]);
        var row = second.RootElement;
        Assert.Equal("18446744073709551615", row.GetProperty("uint64").GetRawText());
        Assert.Equal("\"" + new string('7', 56) + "." + new string('7', 20) + "\"", row.GetProperty("decimal256").GetRawText());
        Assert.Equal("\"2026-01-01\"", row.GetProperty("date32").GetRawText());
        Assert.Equal("\"23:59:59.999999999\"", row.GetProperty("time64ns").GetRawText());
        Assert.Equal("\"1970-01-01T00:00:00.000000Z\"", row.GetProperty("ts_ms_tz").GetRawText());
        Assert.Equal("\"PT86400.000000S\"", row.GetProperty("duration").GetRawText());
        Assert.Equal("\"abababab-abab-abab-abab-abababababab\"", row.GetProperty("uuid").GetRawText());
        Assert.Equal("[1,2]", row.GetProperty("list_view").GetRawText());
        Assert.Equal("[3,4]", row.GetProperty("fixed_list").GetRawText());
        Assert.Equal("\"green\"", JsonDocument.Parse(lines[0]).RootElement.GetProperty("dictionary").GetRawText());
        Assert.Equal("7", row.GetProperty("dense_union").GetRawText());
        Assert.Equal("2.5", row.GetProperty("ree").GetRawText());
    }

    [Fact]
    public void CsvHasOneFieldPerColumnInEveryRow()
    {
        var batch = EveryType();
        var csv = RowWriter.Format(OutputFormat.Csv, [batch]);
        var records = CsvText.Parse(csv);
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Equal(batch.ColumnCount, r.Count));
        var header = records[0];
        var row = records[2];
        Assert.Equal("line\nbreak \"q\"", row[header.IndexOf("utf8")]);
        Assert.Equal("-Infinity", row[header.IndexOf("float32")]);
        Assert.Equal("{\"months\":-13}", row[header.IndexOf("interval_ym")]);
        Assert.Equal(string.Empty, records[3][header.IndexOf("int64")]);
    }

    [Fact]
    public void TableHasOneLinePerRowAndAlignedSeparators()
    {
        var text = RowWriter.Format(OutputFormat.Table, [EveryType()], new RowWriterOptions { MaxColumnWidth = 12 });
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("(3 rows)", lines[^1]);
        var separators = Positions(lines[1], '+');
        for (var i = 2; i < 5; i++)
        {
            Assert.Equal(separators, Positions(lines[i], '|', lines[1]));
        }

        Assert.Contains("line\\nbreak…", lines[3], StringComparison.Ordinal);
    }

    /// <summary>Character positions of <paramref name="c"/> in the line (for '|', only where the rule has '+').</summary>
    private static List<int> Positions(string line, char c, string? rule = null)
    {
        var result = new List<int>();
        var si = new System.Globalization.StringInfo(line);
        var rulePlus = rule is null ? null : Positions(rule, '+');
        for (var i = 0; i < si.LengthInTextElements; i++)
        {
            if (si.SubstringByTextElements(i, 1) == c.ToString() && (rulePlus is null || rulePlus.Contains(i)))
            {
                result.Add(i);
            }
        }

        return result;
    }
}
