using Lakehouse.Arrow.Memory;

namespace Lakehouse.Arrow.Arrays;

/// <summary>Booleans stored one bit per value.</summary>
public sealed class BooleanArray : ArrowArray
{
    public BooleanArray(ArrayData data)
        : base(data)
    {
    }

    /// <summary>The value bitmap (index with <c>Offset + i</c>).</summary>
    public ReadOnlySpan<byte> ValueBitmap => Data.Buffers[1].Span;

    public bool Value(int index) => BitUtil.GetBit(Data.Buffers[1].Span, Data.Offset + index);

    public bool? GetValue(int index) => IsValid(index) ? Value(index) : null;
}
