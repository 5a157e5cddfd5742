using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Cli.Output;
using Xunit;
using static Lakehouse.Cli.Tests.ArrayFactory;

namespace Lakehouse.Cli.Tests;

public class CsvFormatTests
{
    [Fact]
    public void HeaderQuotingNullsAndNestedValues()
    {
        var batch = Batch(
            ("id", Primitive<long>(ArrowType.Int64, 1, 2, 3, 4)),
            ("text", Strings("plain", "has,comma", "say \"hi\"\nbye", string.Empty)),
            ("x", Primitive<double>(ArrowType.Float64, double.NaN, null, -0.0, 1e21)),
            ("l", List(Strings("a", "b"), [0, 2, 2, 2, 2], [true, true, false, true])),
            ("d", Decimal(5, 2, 128, "-5", "100", null, "0")));
        var csv = RowWriter.Format(OutputFormat.Csv, [batch]);
        Assert.Equal(
            "id,text,x,l,d\n" +
            "1,plain,NaN,\"[\"\"a\"\",\"\"b\"\"]\",-0.05\n" +
            "2,\"has,comma\",,[],1.00\n" +
            "3,\"say \"\"hi\"\"\nbye\",-0,,\n" +
            "4,\"\",1e+21,[],0.00\n",
            csv);
    }

    [Fact]
    public void HeaderNamesAreQuotedWhenNeeded()
    {
        var batch = Batch(("a,b", Primitive<int>(ArrowType.Int32, 1)), ("c\"d", Primitive<int>(ArrowType.Int32, 2)));
        Assert.Equal("\"a,b\",\"c\"\"d\"\n1,2\n", RowWriter.Format(OutputFormat.Csv, [batch]));
    }

    [Fact]
    public void EmptyResultStillHasHeader()
    {
        var schema = new Schema([new Field("a", ArrowType.Int32), new Field("b", ArrowType.Utf8)]);
        Assert.Equal("a,b\n", RowWriter.Format(OutputFormat.Csv, [], schema: schema));
    }

    [Fact]
    public void TemporalAndBinaryValuesAreUnquotedText()
    {
        var batch = Batch(
            ("ts", Primitive<long>(new TimestampType(TimeUnit.Nanosecond, "UTC"), 1)),
            ("b", Binary(ArrowType.Binary, [0xCA, 0xFE])),
            ("s", Struct([new Field("k", ArrowType.Utf8)], [Strings("v")])));
        Assert.Equal("ts,b,s\n1970-01-01T00:00:00.000000001Z,cafe,\"{\"\"k\"\":\"\"v\"\"}\"\n", RowWriter.Format(OutputFormat.Csv, [batch]));
    }

    [Fact]
    public void CsvParsesBackToTheSameCells()
    {
        var values = new[] { "a", "b,c", "\"q\"", "line1\r\nline2", "  spaced  ", "é🔥" };
        var batch = Batch(("s", Strings(values)), ("n", Primitive<int>(ArrowType.Int32, 1, 2, 3, 4, 5, 6)));
        var rows = CsvText.Parse(RowWriter.Format(OutputFormat.Csv, [batch]));
        Assert.Equal(["s", "n"], rows[0]);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], rows[i + 1][0]);
        }
    }
}
