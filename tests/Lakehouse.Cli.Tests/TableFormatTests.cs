using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Cli.Output;
using Xunit;
using static Lakehouse.Cli.Tests.ArrayFactory;

namespace Lakehouse.Cli.Tests;

public class TableFormatTests
{
    [Fact]
    public void AlignedColumnsHeaderRuleAndFooter()
    {
        var batch = Batch(("id", Primitive<long>(ArrowType.Int64, 1, 100, null)), ("name", Strings("ann", null, "bob\tby")));
        var table = RowWriter.Format(OutputFormat.Table, [batch]);
        Assert.Equal(
            "id   | name\n" +
            "-----+--------\n" +
            "   1 | ann\n" +
            " 100 | NULL\n" +
            "NULL | bob\\tby\n" +
            "(3 rows)\n",
            table);
    }

    [Fact]
    public void WideValuesAreCutWithEllipsis()
    {
        var batch = Batch(("s", Strings(new string('x', 100), "é" + new string('y', 50))));
        var lines = RowWriter.Format(OutputFormat.Table, [batch], new RowWriterOptions { MaxColumnWidth = 10 }).Split('\n');
        Assert.Equal("xxxxxxxxx…", lines[2]);
        Assert.Equal("éyyyyyyyy…", lines[3]);
    }

    [Fact]
    public void FitsTheTerminalWidth()
    {
        var batch = Batch(("a", Strings(new string('a', 30))), ("b", Strings(new string('b', 30))), ("c", Primitive<int>(ArrowType.Int32, 1)));
        var text = RowWriter.Format(OutputFormat.Table, [batch], new RowWriterOptions { TerminalWidth = 40 });
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.True(line.Length <= 40, $"line too wide ({line.Length}): {line}");
        }

        Assert.Contains("…", text);
    }

    [Fact]
    public void RowsAfterTheSampleKeepTheWidthsAndCountAcrossBatches()
    {
        var b1 = Batch(("n", Primitive<int>(ArrowType.Int32, 1, 2)));
        var b2 = Batch(("n", Primitive<int>(ArrowType.Int32, 123456)));
        var text = RowWriter.Format(OutputFormat.Table, [b1, b2], new RowWriterOptions { TableSampleRows = 1 });
        Assert.Equal("n\n-\n1\n2\n…\n(3 rows)\n", text);
    }

    [Fact]
    public void EmptyAndSingleRowFooters()
    {
        var schema = new Schema([new Field("a", ArrowType.Int32)]);
        Assert.Equal("a\n-\n(0 rows)\n", RowWriter.Format(OutputFormat.Table, [], schema: schema));
        Assert.EndsWith("(1 row)\n", RowWriter.Format(OutputFormat.Table, [Batch(("a", Primitive<int>(ArrowType.Int32, 7)))]), StringComparison.Ordinal);
    }

    [Fact]
    public void NestedAndTemporalCellsUseTheirText()
    {
        var batch = Batch(
            ("t", Primitive<int>(ArrowType.Date32, 0)),
            ("m", Map(Strings("k"), Primitive<int>(ArrowType.Int32, 1), [0, 1])));
        var lines = RowWriter.Format(OutputFormat.Table, [batch]).Split('\n');
        Assert.Equal("1970-01-01 | [{\"key\":\"k\",\"value\":1}]", lines[2]);
    }

    [Fact]
    public void HidesMiddleColumnsWhenEvenReadableWidthsDoNotFit()
    {
        var columns = Enumerable.Range(0, 8).Select(i => ($"column_{i}", Strings(new string((char)('a' + i), 20)))).ToArray();
        var text = RowWriter.Format(OutputFormat.Table, [Batch(columns)], new RowWriterOptions { TerminalWidth = 60 });
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("column_0", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("column_7", lines[0], StringComparison.Ordinal);
        Assert.Contains(" | … | ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" | … | ", lines[2], StringComparison.Ordinal);
        Assert.Contains("-+---+-", lines[1], StringComparison.Ordinal);
        foreach (var line in lines)
        {
            Assert.True(line.Length <= 60, line);
            Assert.False(line.EndsWith(' '), $"trailing space: '{line}'");
        }
    }
}
