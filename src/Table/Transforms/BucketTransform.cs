using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using PrimitiveType = Lakehouse.Table.Types.PrimitiveType;

namespace Lakehouse.Table.Transforms;

/// <summary>
/// bucket[N]: <c>(murmur3_x86_32(v) &amp; int.MaxValue) % N</c> with the per-type hashing of Appendix B:
/// int/long/date/time/timestamps as the long value (nanosecond timestamps floored to microseconds),
/// decimals as the minimal big-endian two's-complement bytes of the unscaled value, strings as UTF-8,
/// UUIDs as 16 big-endian bytes, fixed/binary as their bytes.
/// </summary>
public sealed class BucketTransform : Transform
{
    public BucketTransform(int numBuckets)
    {
        if (numBuckets <= 0)
        {
            throw IcebergException.Invalid($"bucket count must be positive, got {numBuckets}");
        }

        NumBuckets = numBuckets;
    }

    public int NumBuckets { get; }

    public override bool CanTransform(PrimitiveType source) => source.TypeId is TypeId.Int or TypeId.Long or TypeId.Decimal or TypeId.Date
        or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs
        or TypeId.String or TypeId.Uuid or TypeId.Fixed or TypeId.Binary;

    public override PrimitiveType ResultType(PrimitiveType source) => PrimitiveType.Int;

    /// <summary>The 32-bit hash of one value (Appendix B).</summary>
    public static int Hash(object value, PrimitiveType source) => source.TypeId switch
    {
        TypeId.Int or TypeId.Date => Murmur3.HashLong((int)value),
        TypeId.Long or TypeId.Time or TypeId.Timestamp or TypeId.TimestampTz => Murmur3.HashLong((long)value),
        TypeId.TimestampNs or TypeId.TimestampTzNs => Murmur3.HashLong(DateTimeUtil.FloorDiv((long)value, DateTimeUtil.NanosPerMicro)),
        TypeId.Decimal => HashDecimal((BigInteger)value),
        TypeId.String => Murmur3.HashBytes(Encoding.UTF8.GetBytes((string)value)),
        TypeId.Uuid => Murmur3.HashBytes(Literals.UuidBytes((Guid)value)),
        TypeId.Fixed or TypeId.Binary => Murmur3.HashBytes((byte[])value),
        _ => throw IcebergException.Invalid($"bucket cannot hash {source}"),
    };

    public override object? Apply(object? value, PrimitiveType source)
    {
        if (value is null)
        {
            return null;
        }

        EnsureCanTransform(source);
        return (Hash(value, source) & int.MaxValue) % NumBuckets;
    }

    public override ArrowArray Apply(ArrowArray values, PrimitiveType source)
    {
        EnsureCanTransform(source);
        var mem = AllocateLike(values, 4);
        var dst = MemoryMarshal.Cast<byte, int>(mem.Span).Slice(values.Offset, values.Length);
        var n = NumBuckets;
        var m = BucketMultiplier(n);
        switch (values)
        {
            case PrimitiveArray<int> ints:
                {
                    var src = ints.Values;
                    for (var i = 0; i < src.Length; i++)
                    {
                        dst[i] = Mod((uint)(Murmur3.HashLong(src[i]) & int.MaxValue), n, m);
                    }

                    break;
                }

            case PrimitiveArray<long> longs:
                {
                    var src = longs.Values;
                    var nanosPerUnit = NanosPerUnit(values.Type);
                    if (nanosPerUnit == DateTimeUtil.NanosPerMicro || values.Type.Id != ArrowTypeId.Timestamp)
                    {
                        for (var i = 0; i < src.Length; i++)
                        {
                            dst[i] = Mod((uint)(Murmur3.HashLong(src[i]) & int.MaxValue), n, m);
                        }
                    }
                    else
                    {
                        for (var i = 0; i < src.Length; i++)
                        {
                            dst[i] = Mod((uint)(Murmur3.HashLong(ToMicros(src[i], nanosPerUnit)) & int.MaxValue), n, m);
                        }
                    }

                    break;
                }

            case DecimalArray dec when dec.ByteWidth <= 16:
                {
                    var width = dec.ByteWidth;
                    var raw = dec.Data.Buffers[1].Span.Slice(dec.Offset * width, dec.Length * width);
                    Span<byte> scratch = stackalloc byte[16];
                    for (var i = 0; i < dst.Length; i++)
                    {
                        var slot = raw.Slice(i * width, width);
                        Int128 v = width switch
                        {
                            4 => MemoryMarshal.Read<int>(slot),
                            8 => MemoryMarshal.Read<long>(slot),
                            _ => MemoryMarshal.Read<Int128>(slot),
                        };
                        var len = MinBigEndianBytes(v, scratch);
                        dst[i] = Mod((uint)(Murmur3.HashBytes(scratch[..len]) & int.MaxValue), n, m);
                    }

                    break;
                }

            case BinaryArray bin:
                {
                    var offsets = bin.ValueOffsets;
                    var data = bin.ValueData;
                    for (var i = 0; i < dst.Length; i++)
                    {
                        dst[i] = Mod((uint)(Murmur3.HashBytes(data[offsets[i]..offsets[i + 1]]) & int.MaxValue), n, m);
                    }

                    break;
                }

            case LargeBinaryArray large:
                for (var i = 0; i < dst.Length; i++)
                {
                    dst[i] = Mod((uint)(Murmur3.HashBytes(large.GetBytes(i)) & int.MaxValue), n, m);
                }

                break;
            case BinaryViewArray view:
                for (var i = 0; i < dst.Length; i++)
                {
                    dst[i] = Mod((uint)(Murmur3.HashBytes(view.GetBytes(i)) & int.MaxValue), n, m);
                }

                break;
            case FixedSizeBinaryArray fixedBin:
                {
                    var width = fixedBin.ByteWidth;
                    var raw = fixedBin.Data.Buffers[1].Span.Slice(fixedBin.Offset * width, fixedBin.Length * width);
                    for (var i = 0; i < dst.Length; i++)
                    {
                        dst[i] = Mod((uint)(Murmur3.HashBytes(raw.Slice(i * width, width)) & int.MaxValue), n, m);
                    }

                    break;
                }

            default:
                throw UnsupportedArray(values, this);
        }

        return WrapLike(values, ArrowType.Int32, mem);
    }

    public override string ToString() => $"bucket[{NumBuckets}]";

    /// <summary>Writes the minimal big-endian two's-complement bytes of <paramref name="value"/>; returns the length (1..16).</summary>
    public static int MinBigEndianBytes(Int128 value, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[16];
        BinaryPrimitives.WriteInt128BigEndian(full, value);
        var skip = 0;
        var negative = value < 0;
        var pad = negative ? (byte)0xFF : (byte)0x00;
        while (skip < 15 && full[skip] == pad && ((full[skip + 1] & 0x80) != 0) == negative)
        {
            skip++;
        }

        full[skip..].CopyTo(destination);
        return 16 - skip;
    }

    /// <summary>Lemire's fast modulo for 32-bit values: a multiplier computed once per batch replaces a division per row.</summary>
    private static ulong BucketMultiplier(int n) => (ulong.MaxValue / (uint)n) + 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mod(uint value, int n, ulong multiplier) => (int)(((((multiplier * value) >> 32) + 1) * (uint)n) >> 32);

    internal static long NanosPerUnit(ArrowType type) => type is TimestampType ts ? ts.Unit switch
    {
        Lakehouse.Arrow.Types.TimeUnit.Second => 1_000_000_000,
        Lakehouse.Arrow.Types.TimeUnit.Millisecond => 1_000_000,
        Lakehouse.Arrow.Types.TimeUnit.Microsecond => 1_000,
        _ => 1,
    }
        : 1_000;

    internal static long ToMicros(long value, long nanosPerUnit) => nanosPerUnit switch
    {
        1 => DateTimeUtil.FloorDiv(value, DateTimeUtil.NanosPerMicro),
        1_000 => value,
        _ => value * (nanosPerUnit / 1_000),
    };

    private static int HashDecimal(BigInteger unscaled) => Murmur3.HashBytes(unscaled.ToByteArray(isUnsigned: false, isBigEndian: true));
}
