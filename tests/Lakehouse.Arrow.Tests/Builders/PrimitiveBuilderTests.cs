using System.Numerics;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;

using Xunit;

namespace Lakehouse.Arrow.Tests.Builders;

public class PrimitiveBuilderTests
{
    [Fact]
    public void NoNullsMeansNoValidityBuffer()
    {
        var builder = new PrimitiveBuilder<int>(ArrowType.Int32);
        builder.Append(1).Append(2).Append([3, 4, 5]);
        var array = (PrimitiveArray<int>)builder.Build();
        Assert.Equal(5, array.Length);
        Assert.Equal(0, array.NullCount);
        Assert.True(array.Data.Validity.IsEmpty);
        Assert.Equal([1, 2, 3, 4, 5], array.Values.ToArray());
        Assert.Equal(0, builder.Length);
    }

    [Fact]
    public void NullsAnywhereBuildAValidityBitmap()
    {
        var builder = new PrimitiveBuilder<long>(ArrowType.Int64);
        builder.Reserve(100);
        for (var i = 0; i < 30; i++)
        {
            builder.Append(i);
        }

        builder.AppendNull();
        builder.AppendNulls(10);
        builder.Append((long?)null);
        builder.Append(99L);
        var array = (PrimitiveArray<long>)builder.Build();
        Assert.Equal(43, array.Length);
        Assert.Equal(12, array.NullCount);
        Assert.False(array.Data.Validity.IsEmpty);
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(i, array.GetValue(i));
        }

        for (var i = 30; i < 42; i++)
        {
            Assert.True(array.IsNull(i));
            Assert.Equal(0, array.Values[i]);
        }

        Assert.Equal(99, array.GetValue(42));

        // The builder is reusable after Build.
        builder.Append(7);
        var second = (PrimitiveArray<long>)builder.Build();
        Assert.Equal(1, second.Length);
        Assert.Equal(0, second.NullCount);
        Assert.True(second.Data.Validity.IsEmpty);
    }

    [Fact]
    public void EveryPrimitiveTypeThroughCreate()
    {
        (ArrowType Type, object Value, Func<ArrowArray, object> Read)[] cases =
        [
            (ArrowType.Int8, (sbyte)-5, a => ((PrimitiveArray<sbyte>)a).Values[0]),
            (ArrowType.Int16, (short)-300, a => ((PrimitiveArray<short>)a).Values[0]),
            (ArrowType.UInt8, (byte)250, a => ((PrimitiveArray<byte>)a).Values[0]),
            (ArrowType.UInt16, (ushort)65000, a => ((PrimitiveArray<ushort>)a).Values[0]),
            (ArrowType.UInt32, 4_000_000_000U, a => ((PrimitiveArray<uint>)a).Values[0]),
            (ArrowType.UInt64, ulong.MaxValue, a => ((PrimitiveArray<ulong>)a).Values[0]),
            (ArrowType.Float16, (Half)1.5, a => ((PrimitiveArray<Half>)a).Values[0]),
            (ArrowType.Float32, 2.5f, a => ((PrimitiveArray<float>)a).Values[0]),
            (ArrowType.Float64, double.NaN, a => ((PrimitiveArray<double>)a).Values[0]),
            (new IntervalType(IntervalUnit.YearMonth), 14, a => ((PrimitiveArray<int>)a).Values[0]),
            (new IntervalType(IntervalUnit.DayTime), new DayTimeInterval(3, 500), a => ((PrimitiveArray<DayTimeInterval>)a).Values[0]),
            (new IntervalType(IntervalUnit.MonthDayNano), new MonthDayNanoInterval(1, 2, 3_000_000_000L), a => ((PrimitiveArray<MonthDayNanoInterval>)a).Values[0]),
        ];
        foreach (var (type, value, read) in cases)
        {
            var builder = ArrayBuilder.Create(type);
            builder.AppendObject(value);
            builder.AppendObject(null);
            var array = builder.Build();
            Assert.Equal(type, array.Type);
            Assert.Equal(value, read(array));
            Assert.True(array.IsNull(1));
        }
    }

    [Fact]
    public void TemporalValuesConvertToTheTypesUnit()
    {
        var instant = new DateTime(2026, 11, 22, 4, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        var micros = new PrimitiveBuilder<long>(new TimestampType(TimeUnit.Microsecond, "UTC"));
        micros.AppendObject(instant);
        micros.AppendObject(new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(5));
        var ts = (PrimitiveArray<long>)micros.Build();
        Assert.Equal((instant.Ticks - DateTime.UnixEpoch.Ticks) / 10, ts.Values[0]);
        Assert.Equal(-1_000_000 + 0, ts.Values[1]);

        var nanos = new PrimitiveBuilder<long>(new TimestampType(TimeUnit.Nanosecond));
        nanos.AppendObject(instant);
        Assert.Equal((instant.Ticks - DateTime.UnixEpoch.Ticks) * 100, ((PrimitiveArray<long>)nanos.Build()).Values[0]);

        var date32 = new PrimitiveBuilder<int>(ArrowType.Date32);
        date32.AppendObject(new DateOnly(1970, 1, 2));
        date32.AppendObject(new DateOnly(1969, 12, 31));
        Assert.Equal([1, -1], ((PrimitiveArray<int>)date32.Build()).Values.ToArray());

        var date64 = new PrimitiveBuilder<long>(ArrowType.Date64);
        date64.AppendObject(new DateOnly(1970, 1, 3));
        Assert.Equal(2 * 86_400_000L, ((PrimitiveArray<long>)date64.Build()).Values[0]);

        var time32 = new PrimitiveBuilder<int>(new TimeType(TimeUnit.Millisecond));
        time32.AppendObject(new TimeOnly(1, 2, 3, 4));
        Assert.Equal(3_723_004, ((PrimitiveArray<int>)time32.Build()).Values[0]);

        var time64 = new PrimitiveBuilder<long>(new TimeType(TimeUnit.Microsecond));
        time64.AppendObject(TimeSpan.FromHours(23));
        Assert.Equal(23L * 3600 * 1_000_000, ((PrimitiveArray<long>)time64.Build()).Values[0]);

        var duration = new PrimitiveBuilder<long>(new DurationType(TimeUnit.Second));
        duration.AppendObject(TimeSpan.FromMinutes(-2));
        Assert.Equal(-120, ((PrimitiveArray<long>)duration.Build()).Values[0]);
    }

    [Fact]
    public void MismatchedValueTypeIsRejected()
    {
        Assert.Throws<ArgumentException>(() => new PrimitiveBuilder<int>(ArrowType.Int64));
        Assert.Throws<ArgumentException>(() => new PrimitiveBuilder<long>(new DecimalType(10, 2, 64)));
    }

    [Fact]
    public void BooleansPackBits()
    {
        var builder = new BooleanBuilder();
        for (var i = 0; i < 20; i++)
        {
            builder.Append(i % 3 == 0);
        }

        builder.AppendNull();
        builder.Append([true, false]);
        var array = (BooleanArray)builder.Build();
        Assert.Equal(23, array.Length);
        Assert.Equal(1, array.NullCount);
        Assert.Equal(3, array.ValueBitmap.Length);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(i % 3 == 0, array.GetValue(i));
        }

        Assert.Null(array.GetValue(20));
        Assert.True(array.GetValue(21));
        Assert.False(array.GetValue(22));
    }

    [Fact]
    public void DecimalsOfEveryWidth()
    {
        var d32 = new DecimalBuilder(new DecimalType(9, 2, 32));
        d32.Append(1234567.89m).Append(-0.01m).AppendNull();
        var a32 = (DecimalArray)d32.Build();
        Assert.Equal("1234567.89", a32.FormatValue(0));
        Assert.Equal("-0.01", a32.FormatValue(1));
        Assert.True(a32.IsNull(2));

        var d64 = new DecimalBuilder(new DecimalType(18, 0, 64));
        d64.AppendUnscaled((Int128)(-999_999_999_999_999_999L));
        Assert.Equal("-999999999999999999", ((DecimalArray)d64.Build()).FormatValue(0));

        var d128 = new DecimalBuilder(new DecimalType(38, 10));
        d128.Append(79228162514.2643375935m);
        d128.AppendObject(Int128.Parse("-12345678901234567890123456789", System.Globalization.CultureInfo.InvariantCulture));
        var a128 = (DecimalArray)d128.Build();
        Assert.Equal("79228162514.2643375935", a128.FormatValue(0));
        Assert.Equal("-1234567890123456789.0123456789", a128.FormatValue(1));

        var d256 = new DecimalBuilder(new DecimalType(76, 5, 256));
        var big = BigInteger.Pow(10, 75) + 7;
        d256.AppendUnscaled(-big).Append(1.5m);
        var a256 = (DecimalArray)d256.Build();
        Assert.Equal(-big, a256.UnscaledBigInteger(0));
        Assert.Equal(150_000, a256.UnscaledBigInteger(1));

        Assert.Throws<OverflowException>(() => new DecimalBuilder(new DecimalType(3, 0)).Append(1000m));
        Assert.Throws<OverflowException>(() => new DecimalBuilder(new DecimalType(38, 0)).Append(decimal.MinValue * 1m).AppendUnscaled(Int128.MaxValue));

        // Fast path (small rescale) and BigInteger path (large rescale) agree.
        var wide = new DecimalBuilder(new DecimalType(38, 20));
        wide.Append(-123456789012345678.5m).Append(1.23456789012m).Append(0.5m);
        var wideArray = (DecimalArray)wide.Build();
        Assert.Equal("-123456789012345678.50000000000000000000", wideArray.FormatValue(0));
        Assert.Equal("1.23456789012000000000", wideArray.FormatValue(1));
        Assert.Equal("0.50000000000000000000", wideArray.FormatValue(2));
        var narrow = new DecimalBuilder(new DecimalType(18, 3, 64));
        narrow.Append(-12.5m).Append(999999999999999.999m);
        var narrowArray = (DecimalArray)narrow.Build();
        Assert.Equal("-12.500", narrowArray.FormatValue(0));
        Assert.Equal("999999999999999.999", narrowArray.FormatValue(1));
        Assert.Throws<ArgumentException>(() => new DecimalBuilder(new DecimalType(10, 1)).Append(1.25m));
    }
}
