namespace Lakehouse.Arrow.Types;

/// <summary>Fixed-point decimal stored as a two's-complement little-endian integer of 32/64/128/256 bits.</summary>
public sealed class DecimalType : ArrowType
{
    public DecimalType(int precision, int scale, int bitWidth = 128)
    {
        if (bitWidth is not (32 or 64 or 128 or 256))
        {
            throw new ArgumentOutOfRangeException(nameof(bitWidth), "decimal bit width must be 32, 64, 128 or 256");
        }

        var maxPrecision = bitWidth switch { 32 => 9, 64 => 18, 128 => 38, _ => 76 };
        if (precision < 1 || precision > maxPrecision)
        {
            throw new ArgumentOutOfRangeException(nameof(precision), $"decimal{bitWidth} precision must be 1..{maxPrecision}, got {precision}");
        }

        Precision = precision;
        Scale = scale;
        BitWidth = bitWidth;
    }

    public int Precision { get; }

    public int Scale { get; }

    public override int BitWidth { get; }

    public override ArrowTypeId Id => BitWidth switch
    {
        32 => ArrowTypeId.Decimal32,
        64 => ArrowTypeId.Decimal64,
        128 => ArrowTypeId.Decimal128,
        _ => ArrowTypeId.Decimal256,
    };

    public override bool Equals(ArrowType? other) =>
        other is DecimalType d && d.Precision == Precision && d.Scale == Scale && d.BitWidth == BitWidth;

    public override int GetHashCode() => HashCode.Combine(Precision, Scale, BitWidth);

    public override string ToString() => $"decimal{BitWidth}({Precision}, {Scale})";
}
