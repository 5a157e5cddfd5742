namespace Lakehouse.Arrow.Types;

/// <summary>Binary values of exactly <see cref="ByteWidth"/> bytes each.</summary>
public sealed class FixedSizeBinaryType : ArrowType
{
    public FixedSizeBinaryType(int byteWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteWidth);
        ByteWidth = byteWidth;
    }

    public int ByteWidth { get; }

    public override ArrowTypeId Id => ArrowTypeId.FixedSizeBinary;

    public override int BitWidth => ByteWidth * 8;

    public override bool Equals(ArrowType? other) => other is FixedSizeBinaryType f && f.ByteWidth == ByteWidth;

    public override int GetHashCode() => HashCode.Combine(ArrowTypeId.FixedSizeBinary, ByteWidth);

    public override string ToString() => $"fixed_size_binary[{ByteWidth}]";
}
