using System.Runtime.CompilerServices;
using System.Text;

namespace Lakehouse.Arrow.Arrays;

/// <summary>Binary or UTF-8 values with 32-bit offsets: value i is data[offsets[i]..offsets[i+1]).</summary>
public sealed class BinaryArray : ArrowArray
{
    public BinaryArray(ArrayData data)
        : base(data)
    {
    }

    /// <summary>Length + 1 offsets, offset-adjusted (offsets[0] need not be 0).</summary>
    public ReadOnlySpan<int> ValueOffsets
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Data.Buffers[1].As<int>().Slice(Data.Offset, Data.Length + 1);
    }

    /// <summary>The whole data buffer; slice it with <see cref="ValueOffsets"/>.</summary>
    public ReadOnlySpan<byte> ValueData => Data.Buffers[2].Span;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> GetBytes(int index)
    {
        var offsets = ValueOffsets;
        var start = offsets[index];
        return Data.Buffers[2].Span[start..offsets[index + 1]];
    }

    public string? GetString(int index) => IsValid(index) ? Encoding.UTF8.GetString(GetBytes(index)) : null;
}
