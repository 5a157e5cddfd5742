using System.Numerics;

using Lakehouse.Avro.Generic;

using Xunit;

namespace Lakehouse.Avro.Tests;

public class LogicalValuesTests
{
    [Fact]
    public void DatesAndTimes()
    {
        Assert.Equal(new DateOnly(1970, 1, 1), LogicalValues.ToDate(0));
        Assert.Equal(new DateOnly(1969, 12, 31), LogicalValues.ToDate(-1));
        Assert.Equal(19_000, LogicalValues.FromDate(LogicalValues.ToDate(19_000)));
        Assert.Equal(new TimeOnly(1, 2, 3, 4), LogicalValues.ToTimeMillis(3_723_004));
        Assert.Equal(3_723_004_005L, LogicalValues.FromTimeMicros(LogicalValues.ToTimeMicros(3_723_004_005L)));
        var ts = LogicalValues.ToTimestampMicros(1_700_000_000_123_456L);
        Assert.Equal(DateTimeKind.Utc, ts.Kind);
        Assert.Equal(new DateTime(2023, 11, 14, 22, 13, 20, DateTimeKind.Utc).AddTicks(1_234_560), ts);
        Assert.Equal(1_700_000_000_123_456L, LogicalValues.FromTimestampMicros(ts));
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(-1), LogicalValues.ToTimestampMillis(-1));
        Assert.Equal(DateTime.UnixEpoch.AddTicks(12), LogicalValues.ToTimestampNanos(1234));
        Assert.Equal(DateTimeKind.Unspecified, LogicalValues.ToTimestampMicros(0, utc: false).Kind);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 }, 2, "0.00")]
    [InlineData(new byte[] { 0x04, 0xD2 }, 2, "12.34")]
    [InlineData(new byte[] { 0xFB, 0x2E }, 2, "-12.34")]
    [InlineData(new byte[] { 0xFF }, 0, "-1")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFB, 0x2E }, 3, "-1.234")]
    public void Decimals(byte[] bytes, int scale, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LogicalValues.ToDecimal(bytes, scale));
    }

    [Fact]
    public void DecimalBytesAreMinimalOrSignExtended()
    {
        Assert.Equal(new byte[] { 0x04, 0xD2 }, LogicalValues.FromUnscaled(1234));
        Assert.Equal(new byte[] { 0xFB, 0x2E }, LogicalValues.FromUnscaled(-1234));
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFB, 0x2E }, LogicalValues.FromUnscaled(-1234, 4));
        Assert.Equal(new byte[] { 0x00, 0x00, 0x04, 0xD2 }, LogicalValues.FromUnscaled(1234, 4));
        Assert.Throws<OverflowException>(() => LogicalValues.FromUnscaled(BigInteger.Pow(10, 10), 4));
        var big = BigInteger.Pow(10, 37) - 1;
        Assert.Equal(big, LogicalValues.ToUnscaled(LogicalValues.FromUnscaled(big, 16)));
        Assert.Throws<OverflowException>(() => LogicalValues.ToDecimal(LogicalValues.FromUnscaled(big, 16), 2));
    }

    [Fact]
    public void UuidsUseRfc4122ByteOrder()
    {
        var g = Guid.Parse("f79c3e09-677c-4dbc-b8a3-75f8e6a4e3c1");
        var bytes = LogicalValues.FromUuid(g);
        Assert.Equal(0xF7, bytes[0]);
        Assert.Equal(0xC1, bytes[15]);
        Assert.Equal(g, LogicalValues.ToUuid(bytes));
        Assert.Equal((1u, 2u, 3u), LogicalValues.ToDuration(new byte[] { 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0 }));
    }
}
