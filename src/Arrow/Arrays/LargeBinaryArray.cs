using System.Text;

namespace Lakehouse.Arrow.Arrays;

/// <summary>Binary or UTF-8 values with 64-bit offsets (large_binary, large_utf8).</summary>
public sealed class LargeBinaryArray : ArrowArray
{
    public LargeBinaryArray(ArrayData data)
        : base(data)
    {
    }

    public ReadOnlySpan<long> ValueOffsets => Data.Buffers[1].As<long>().Slice(Data.Offset, Data.Length + 1);

    public ReadOnlySpan<byte> ValueData => Data.Buffers[2].Span;

    public ReadOnlySpan<byte> GetBytes(int index)
    {
        var offsets = ValueOffsets;
        return Data.Buffers[2].Span[checked((int)offsets[index])..checked((int)offsets[index + 1])];
    }

    public string? GetString(int index) => IsValid(index) ? Encoding.UTF8.GetString(GetBytes(index)) : null;
}
