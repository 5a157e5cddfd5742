using System.Runtime.CompilerServices;

namespace Lakehouse.Arrow.Arrays;

/// <summary>
/// Fixed-width values of an unmanaged type: integers, floats, dates, times, timestamps, durations and
/// intervals. <see cref="Values"/> is offset-adjusted, so <c>Values[i]</c> is slot i.
/// </summary>
public sealed class PrimitiveArray<T> : ArrowArray
    where T : unmanaged
{
    public PrimitiveArray(ArrayData data)
        : base(data)
    {
    }

    public ReadOnlySpan<T> Values
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Data.Buffers[1].As<T>().Slice(Data.Offset, Data.Length);
    }

    public T Value(int index) => Values[index];

    public T? GetValue(int index) => IsValid(index) ? Values[index] : null;
}
