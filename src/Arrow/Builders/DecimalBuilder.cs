using System.Numerics;
using System.Runtime.InteropServices;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds decimal32/64/128/256 arrays: little-endian two's complement unscaled values. Appends from an
/// unscaled <see cref="Int128"/> or <see cref="BigInteger"/>, or from a <see cref="decimal"/> rescaled
/// exactly to the type's scale; values beyond the type's precision are rejected.
/// </summary>
public sealed class DecimalBuilder : ArrayBuilder
{
    private static readonly Int128[] s_powersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];
    private readonly BufferBuilder _values = new();
    private readonly int _byteWidth;
    private readonly BigInteger _limit;
    private readonly Int128 _limit128;

    public DecimalBuilder(DecimalType type)
        : base(type)
    {
        DecimalType = type;
        _byteWidth = type.BitWidth / 8;
        _limit = BigInteger.Pow(10, type.Precision);
        _limit128 = type.Precision <= 38 ? (Int128)_limit : Int128.MaxValue;
    }

    public DecimalType DecimalType { get; }

    /// <summary>Appends an unscaled value (value = unscaled * 10^-scale).</summary>
    public DecimalBuilder AppendUnscaled(Int128 unscaled)
    {
        if (unscaled >= _limit128 || unscaled <= -_limit128)
        {
            throw new OverflowException($"unscaled value {unscaled} exceeds the precision of {DecimalType}");
        }

        var span = _values.GetSpan(_byteWidth);
        switch (_byteWidth)
        {
            case 4:
                MemoryMarshal.Write(span, (int)unscaled);
                break;
            case 8:
                MemoryMarshal.Write(span, (long)unscaled);
                break;
            case 16:
                MemoryMarshal.Write(span, unscaled);
                break;
            default:
                MemoryMarshal.Write(span, unscaled);
                span.Slice(16, 16).Fill(unscaled < 0 ? (byte)0xFF : (byte)0);
                break;
        }

        _values.Advance(_byteWidth);
        AppendValidSlot();
        return this;
    }

    /// <summary>Appends an unscaled value of any size (decimal256).</summary>
    public DecimalBuilder AppendUnscaled(BigInteger unscaled)
    {
        if (BigInteger.Abs(unscaled) >= _limit)
        {
            throw new OverflowException($"unscaled value {unscaled} exceeds the precision of {DecimalType}");
        }

        var span = _values.GetSpan(_byteWidth)[.._byteWidth];
        span.Fill(unscaled.Sign < 0 ? (byte)0xFF : (byte)0);
        if (!unscaled.TryWriteBytes(span, out _, isUnsigned: false, isBigEndian: false))
        {
            throw new OverflowException($"unscaled value {unscaled} does not fit {DecimalType}");
        }

        _values.Advance(_byteWidth);
        AppendValidSlot();
        return this;
    }

    /// <summary>Appends a value, rescaled to the type's scale; throws when that would lose digits.</summary>
    public DecimalBuilder Append(decimal value)
    {
        // Fast path without BigInteger: the 96-bit mantissa times a power of ten that keeps it in Int128.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var valueScale = (bits[3] >> 16) & 0xFF;
        var shift = DecimalType.Scale - valueScale;
        if (shift is >= 0 and <= 9)
        {
            var mantissa = ((Int128)(uint)bits[2] << 64) | ((Int128)(uint)bits[1] << 32) | (uint)bits[0];
            var scaled = mantissa * s_powersOfTen[shift];
            return AppendUnscaled(bits[3] < 0 ? -scaled : scaled);
        }

        return AppendUnscaled(ToUnscaled(value, DecimalType.Scale));
    }

    public DecimalBuilder Append(decimal? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }

        return this;
    }

    public override void AppendNull()
    {
        _values.AppendZeros(_byteWidth);
        AppendNullSlot();
    }

    public override void AppendNulls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _values.AppendZeros(checked(count * _byteWidth));
        AppendNullSlots(count);
    }

    public override void Reserve(int additional)
    {
        base.Reserve(additional);
        _values.EnsureCapacity(checked(additional * _byteWidth));
    }

    /// <summary>The unscaled integer of <paramref name="value"/> at <paramref name="scale"/> (exact, or throws).</summary>
    public static BigInteger ToUnscaled(decimal value, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var valueScale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        if (valueScale <= scale)
        {
            return mantissa * BigInteger.Pow(10, scale - valueScale);
        }

        var quotient = BigInteger.DivRem(mantissa, BigInteger.Pow(10, valueScale - scale), out var remainder);
        return remainder.IsZero ? quotient : throw new ArgumentException($"{value} has more than {scale} fractional digits", nameof(value));
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity) =>
        new(Type, length, nullCount, 0, [validity, _values.Build()]);

    protected override void AppendObjectCore(object value)
    {
        switch (value)
        {
            case decimal d:
                Append(d);
                break;
            case Int128 i:
                AppendUnscaled(i);
                break;
            case BigInteger b:
                AppendUnscaled(b);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                Append(Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                throw Unsupported(Type, value);
        }
    }
}
