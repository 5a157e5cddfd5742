using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Lakehouse.Arrow.Memory;

namespace Lakehouse.Cli.Output.Formatting;

/// <summary>
/// An Arrow buffer resolved once to its backing array (when it has one), so per-value reads in the
/// formatters skip <see cref="ReadOnlyMemory{T}.Span"/>'s type checks. Falls back to the memory otherwise.
/// </summary>
public readonly struct BufferView
{
    private readonly byte[]? _array;
    private readonly int _start;
    private readonly int _length;
    private readonly ReadOnlyMemory<byte> _memory;

    public BufferView(ArrowBuffer buffer)
    {
        _memory = buffer.Memory;
        if (MemoryMarshal.TryGetArray(buffer.Memory, out var segment) && segment.Array is not null)
        {
            _array = segment.Array;
            _start = segment.Offset;
            _length = segment.Count;
        }
        else
        {
            _length = buffer.Length;
        }
    }

    public ReadOnlySpan<byte> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _array is not null ? new ReadOnlySpan<byte>(_array, _start, _length) : _memory.Span;
    }

    /// <summary>Value <paramref name="index"/> of a buffer of <typeparamref name="T"/> (bounds-checked).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Read<T>(int index)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        var byteOffset = (long)index * size;
        if ((ulong)byteOffset + (ulong)size > (ulong)_length || index < 0)
        {
            ThrowOutOfRange(index);
        }

        if (_array is not null)
        {
            return Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), _start + (int)byteOffset));
        }

        return MemoryMarshal.Read<T>(_memory.Span[(int)byteOffset..]);
    }

    /// <summary>Bit <paramref name="index"/> of a bitmap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Bit(int index)
    {
        var b = index >> 3;
        if ((uint)b >= (uint)_length)
        {
            ThrowOutOfRange(index);
        }

        var value = _array is not null ? _array[_start + b] : _memory.Span[b];
        return (value & (1 << (index & 7))) != 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(int index) => throw new InvalidDataException($"value {index} is outside its Arrow buffer");
}
