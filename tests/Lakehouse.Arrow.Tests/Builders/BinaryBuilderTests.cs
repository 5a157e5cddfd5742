using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;

using Xunit;

namespace Lakehouse.Arrow.Tests.Builders;

public class BinaryBuilderTests
{
    [Theory]
    [InlineData(ArrowTypeId.Utf8)]
    [InlineData(ArrowTypeId.LargeUtf8)]
    [InlineData(ArrowTypeId.Utf8View)]
    public void StringsRoundTripIncludingEmptyNullAndLong(ArrowTypeId id)
    {
        var type = id switch
        {
            ArrowTypeId.Utf8 => ArrowType.Utf8,
            ArrowTypeId.LargeUtf8 => ArrowType.LargeUtf8,
            _ => ArrowType.Utf8View,
        };
        string?[] values = ["", "a", null, "héllo wörld 👋", new string('x', 1000), "exactly12byt", "thirteen byte"];
        var builder = ArrayBuilder.Create(type);
        foreach (var v in values)
        {
            builder.AppendObject(v);
        }

        var array = builder.Build();
        Assert.Equal(values.Length, array.Length);
        Assert.Equal(1, array.NullCount);
        for (var i = 0; i < values.Length; i++)
        {
            var actual = array switch
            {
                BinaryArray b => b.GetString(i),
                LargeBinaryArray b => b.GetString(i),
                BinaryViewArray b => b.GetString(i),
                _ => throw new InvalidOperationException(),
            };
            Assert.Equal(values[i], actual);
        }
    }

    [Fact]
    public void BinaryOffsetsAreMonotonicAndStartAtZero()
    {
        var builder = new BinaryBuilder(ArrowType.Binary);
        builder.Append([1, 2, 3]).Append(ReadOnlySpan<byte>.Empty);
        builder.AppendNull();
        builder.Append([4]);
        var array = (BinaryArray)builder.Build();
        Assert.Equal([0, 3, 3, 3, 4], array.ValueOffsets.ToArray());
        Assert.Equal([1, 2, 3, 4], array.ValueData.ToArray());

        // Reuse after Build starts at offset zero again.
        builder.Append([9, 9]);
        var second = (BinaryArray)builder.Build();
        Assert.Equal([0, 2], second.ValueOffsets.ToArray());
    }

    [Fact]
    public void FixedSizeBinaryAndUuids()
    {
        var builder = new FixedSizeBinaryBuilder(new FixedSizeBinaryType(16));
        var guid = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
        builder.Append(guid);
        builder.AppendNull();
        builder.AppendObject(new byte[16]);
        Assert.Throws<ArgumentException>(() => builder.Append([1, 2, 3]));
        var array = (FixedSizeBinaryArray)builder.Build();
        Assert.Equal(3, array.Length);
        Assert.Equal(Convert.FromHexString("00112233445566778899aabbccddeeff"), array.GetBytes(0).ToArray());
        Assert.True(array.IsNull(1));
    }

    [Fact]
    public void NullTypeBuilder()
    {
        var builder = ArrayBuilder.Create(ArrowType.Null);
        builder.AppendNull();
        builder.AppendNulls(4);
        var array = builder.Build();
        Assert.IsType<NullArray>(array);
        Assert.Equal(5, array.Length);
        Assert.Equal(5, array.NullCount);
    }
}
