using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Arrays;

/// <summary>Binary values of one fixed width.</summary>
public sealed class FixedSizeBinaryArray : ArrowArray
{
    public FixedSizeBinaryArray(ArrayData data)
        : base(data)
    {
        ByteWidth = ((FixedSizeBinaryType)data.Type).ByteWidth;
    }

    public int ByteWidth { get; }

    public ReadOnlySpan<byte> GetBytes(int index) => Data.Buffers[1].Span.Slice((Data.Offset + index) * ByteWidth, ByteWidth);
}
