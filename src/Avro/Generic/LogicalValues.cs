using System.Buffers.Binary;
using System.Numerics;

namespace Lakehouse.Avro.Generic;

/// <summary>
/// Conversions between the underlying values of logical types (as the generic reader returns them) and
/// .NET values: date (days since 1970-01-01), time-millis/micros (since midnight), timestamp-millis/
/// micros/nanos and local-timestamp-* (since the epoch), decimal (big-endian two's-complement unscaled
/// value), uuid (string, or 16 big-endian bytes on fixed), duration (three little-endian uint32s).
/// </summary>
public static class LogicalValues
{
    private static readonly DateOnly s_epochDate = new(1970, 1, 1);

    public static DateOnly ToDate(int days) => s_epochDate.AddDays(days);

    public static int FromDate(DateOnly date) => date.DayNumber - s_epochDate.DayNumber;

    public static TimeOnly ToTimeMillis(int millis) => new(millis * TimeSpan.TicksPerMillisecond);

    public static TimeOnly ToTimeMicros(long micros) => new(micros * TimeSpan.TicksPerMicrosecond);

    public static long FromTimeMicros(TimeOnly time) => time.Ticks / TimeSpan.TicksPerMicrosecond;

    /// <summary>timestamp-micros (and local-timestamp-micros, as an unspecified-kind DateTime when <paramref name="utc"/> is false).</summary>
    public static DateTime ToTimestampMicros(long micros, bool utc = true) =>
        DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(micros * TimeSpan.TicksPerMicrosecond), utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);

    public static DateTime ToTimestampMillis(long millis, bool utc = true) =>
        DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(millis * TimeSpan.TicksPerMillisecond), utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);

    /// <summary>timestamp-nanos, truncated to .NET's 100 ns ticks.</summary>
    public static DateTime ToTimestampNanos(long nanos, bool utc = true) =>
        DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(nanos / 100), utc ? DateTimeKind.Utc : DateTimeKind.Unspecified);

    public static long FromTimestampMicros(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>The unscaled value of a decimal stored as big-endian two's complement.</summary>
    public static BigInteger ToUnscaled(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? BigInteger.Zero : new BigInteger(bytes, isUnsigned: false, isBigEndian: true);

    /// <summary>A decimal value (throws OverflowException when it does not fit System.Decimal).</summary>
    public static decimal ToDecimal(ReadOnlySpan<byte> bytes, int scale)
    {
        var unscaled = ToUnscaled(bytes);
        if (scale is < 0 or > 28)
        {
            throw new OverflowException($"decimal scale {scale} does not fit System.Decimal");
        }

        var magnitude = BigInteger.Abs(unscaled);
        if (magnitude.GetBitLength() > 96)
        {
            throw new OverflowException("decimal unscaled value does not fit System.Decimal");
        }

        var low = (int)(uint)(magnitude & uint.MaxValue);
        var mid = (int)(uint)((magnitude >> 32) & uint.MaxValue);
        var high = (int)(uint)((magnitude >> 64) & uint.MaxValue);
        return new decimal(low, mid, high, unscaled.Sign < 0, (byte)scale);
    }

    /// <summary>
    /// Big-endian two's-complement bytes of <paramref name="unscaled"/>: minimal for bytes, or sign-extended
    /// to <paramref name="fixedSize"/> for fixed (throws when it does not fit).
    /// </summary>
    public static byte[] FromUnscaled(BigInteger unscaled, int? fixedSize = null)
    {
        var minimal = unscaled.ToByteArray(isUnsigned: false, isBigEndian: true);
        if (fixedSize is not int size)
        {
            return minimal;
        }

        if (minimal.Length > size)
        {
            throw new OverflowException($"decimal needs {minimal.Length} bytes, the fixed has {size}");
        }

        var result = new byte[size];
        if (unscaled.Sign < 0)
        {
            result.AsSpan(0, size - minimal.Length).Fill(0xFF);
        }

        minimal.CopyTo(result, size - minimal.Length);
        return result;
    }

    /// <summary>A uuid on fixed(16): RFC 4122 byte order (big-endian).</summary>
    public static Guid ToUuid(ReadOnlySpan<byte> bytes) => new(bytes, bigEndian: true);

    public static byte[] FromUuid(Guid value)
    {
        var bytes = new byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        return bytes;
    }

    /// <summary>A duration on fixed(12): months, days, milliseconds as little-endian uint32s.</summary>
    public static (uint Months, uint Days, uint Milliseconds) ToDuration(ReadOnlySpan<byte> bytes) =>
        (BinaryPrimitives.ReadUInt32LittleEndian(bytes), BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]), BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]));
}
