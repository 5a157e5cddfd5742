using System.Text;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Memory;
using Lakehouse.Parquet.Reading;
using Xunit;

namespace Lakehouse.Parquet.Tests.Reading;

public class ColumnDictionaryTests
{
    [Fact]
    public void GathersByteArraysAfterExistingValues()
    {
        // Dictionary "a", "", "ccc"; the output already holds "zz" so offsets must continue from 2.
        var dictionary = new ColumnDictionary(Encoding.UTF8.GetBytes("accc"), [0, 1, 1, 4], 0, 3);
        var column = new DecodedColumn(16) { Offsets = new BufferBuilder(16) };
        column.Offsets.Append(0);
        column.Values.Append<byte>("zz"u8);
        column.Offsets.Append(2);

        dictionary.Gather([2, 0, 1, 2, 0], column);

        Assert.Equal("zzcccaccca", Encoding.UTF8.GetString(column.Values.WrittenSpan));
        Assert.Equal([0, 2, 5, 6, 6, 9, 10], column.Offsets.AsSpan<int>().ToArray());
    }

    [Fact]
    public void GathersFixedWidthValues()
    {
        var values = new byte[24];
        BitConverter.TryWriteBytes(values.AsSpan(0), 1.5);
        BitConverter.TryWriteBytes(values.AsSpan(8), -2.0);
        BitConverter.TryWriteBytes(values.AsSpan(16), 7.25);
        var dictionary = new ColumnDictionary(values, null, 8, 3);
        var column = new DecodedColumn();

        dictionary.Gather([2, 2, 0, 1], column);

        Assert.Equal([7.25, 7.25, 1.5, -2.0], column.Values.AsSpan<double>().ToArray());
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void RejectsAnIndexOutsideTheDictionary(int bad)
    {
        var dictionary = new ColumnDictionary(Encoding.UTF8.GetBytes("accc"), [0, 1, 1, 4], 0, 3);
        var column = new DecodedColumn { Offsets = new BufferBuilder() };
        column.Offsets.Append(0);

        var e = Assert.Throws<CorruptFileException>(() => dictionary.Gather([0, 1, bad, 2], column));
        Assert.Contains($"dictionary index {bad}", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, column.Values.Length);
    }

    [Fact]
    public void AnEmptyDictionaryRejectsAnyIndex()
    {
        Assert.Throws<CorruptFileException>(() => ColumnDictionary.CheckIndices([0], 0));
        ColumnDictionary.CheckIndices([], 0);
    }
}
