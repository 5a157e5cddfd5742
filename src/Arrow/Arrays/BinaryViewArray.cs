using System.Buffers.Binary;
using System.Text;

namespace Lakehouse.Arrow.Arrays;

/// <summary>
/// binary_view / utf8_view: 16-byte views (length, then 12 inline bytes, or a 4-byte prefix, buffer index
/// and offset into one of the variadic data buffers, which are Buffers[2..]).
/// </summary>
public sealed class BinaryViewArray : ArrowArray
{
    public BinaryViewArray(ArrayData data)
        : base(data)
    {
    }

    public ReadOnlySpan<byte> GetBytes(int index)
    {
        var view = Data.Buffers[1].Span.Slice((Data.Offset + index) * 16, 16);
        var length = BinaryPrimitives.ReadInt32LittleEndian(view);
        if (length <= 12)
        {
            return view.Slice(4, length);
        }

        var bufferIndex = BinaryPrimitives.ReadInt32LittleEndian(view[8..]);
        var offset = BinaryPrimitives.ReadInt32LittleEndian(view[12..]);
        return Data.Buffers[2 + bufferIndex].Span.Slice(offset, length);
    }

    public string? GetString(int index) => IsValid(index) ? Encoding.UTF8.GetString(GetBytes(index)) : null;
}
