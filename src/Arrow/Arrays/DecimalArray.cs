using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>Decimal32/64/128/256 values: little-endian two's-complement unscaled integers.</summary>
public sealed class DecimalArray : ArrowArray
{
    private readonly int _byteWidth;

    public DecimalArray(ArrayData data)
        : base(data)
    {
        DecimalType = (DecimalType)data.Type;
        _byteWidth = DecimalType.BitWidth / 8;
    }

    public DecimalType DecimalType { get; }

    public int ByteWidth => _byteWidth;

    /// <summary>The raw little-endian bytes of slot <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> ValueBytes(int index) => Data.Buffers[1].Span.Slice((Data.Offset + index) * _byteWidth, _byteWidth);

    /// <summary>The unscaled value; valid for widths up to 128 bits.</summary>
    public Int128 UnscaledInt128(int index)
    {
        var bytes = ValueBytes(index);
        return _byteWidth switch
        {
            4 => MemoryMarshal.Read<int>(bytes),
            8 => MemoryMarshal.Read<long>(bytes),
            16 => MemoryMarshal.Read<Int128>(bytes),
            _ => throw new InvalidOperationException("decimal256 does not fit Int128; use UnscaledBigInteger"),
        };
    }

    public BigInteger UnscaledBigInteger(int index) => new(ValueBytes(index), isUnsigned: false, isBigEndian: false);

    /// <summary>Formats slot <paramref name="index"/> with exactly <c>scale</c> fractional digits, e.g. "-1.50".</summary>
    public string FormatValue(int index) => Format(UnscaledBigInteger(index), DecimalType.Scale);

    public static string Format(BigInteger unscaled, int scale)
    {
        var negative = unscaled.Sign < 0;
        var digits = BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale <= 0)
        {
            var whole = scale == 0 ? digits : digits + new string('0', -scale);
            return negative ? "-" + whole : whole;
        }

        if (digits.Length <= scale)
        {
            digits = new string('0', scale - digits.Length + 1) + digits;
        }

        var s = string.Concat(digits.AsSpan(0, digits.Length - scale), ".", digits.AsSpan(digits.Length - scale));
        return negative ? "-" + s : s;
    }
}
