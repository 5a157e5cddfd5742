using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Scanning;
using Xunit;

namespace Lakehouse.Table.Tests.Scanning;

public sealed class EqualityDeleteSetTests
{
    private static ArrowArray Column(ArrowType type, params object?[] values)
    {
        var builder = ArrayBuilder.Create(type);
        foreach (var v in values)
        {
            builder.AppendObject(v);
        }

        return builder.Build();
    }

    [Fact]
    public void PromotedTypesNullsAndMultiColumnKeysMatchExactly()
    {
        var set = new EqualityDeleteSet();
        // delete keys written as int + string; data read as long + string (int -> long promotion)
        set.AddRows([Column(ArrowType.Int32, 1, 2, null, 2), Column(ArrowType.Utf8, "a", null, "c", null)], 4);
        Assert.Equal(3, set.Count);

        bool[]? deleted = null;
        set.MarkDeleted([Column(ArrowType.Int64, 1L, 1L, 2L, 2L, null, null, 3L), Column(ArrowType.Utf8, "a", "b", null, "x", "c", null, "a")], 7, ref deleted);
        Assert.NotNull(deleted);
        Assert.Equal([true, false, true, false, true, false, false], deleted!);
    }

    [Fact]
    public void FloatsDecimalsAndAbsentColumnsCompareByValue()
    {
        var set = new EqualityDeleteSet();
        set.AddRows([Column(ArrowType.Float32, 1.5f, float.NaN), Column(new DecimalType(9, 2), 12.34m, 0.01m), null], 2);
        bool[]? deleted = null;
        set.MarkDeleted([Column(ArrowType.Float64, 1.5, double.NaN, 1.5), Column(new DecimalType(20, 2), 12.34m, 0.01m, 0.01m), null], 3, ref deleted);
        Assert.Equal([true, true, false], deleted!);

        bool[]? none = null;
        set.MarkDeleted([Column(ArrowType.Float64, 2.5), Column(new DecimalType(20, 2), 12.34m), Column(ArrowType.Int32, 1)], 1, ref none);
        Assert.Null(none);
    }
}
