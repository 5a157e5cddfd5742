using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Arrow.Memory;

/// <summary>
/// A growable, 64-byte-aligned byte buffer that becomes an <see cref="ArrowBuffer"/> without copying.
/// Values are appended as unmanaged structs; decoders may also reserve space and write into
/// <see cref="GetSpan"/> directly, then <see cref="Advance"/>.
/// </summary>
public sealed class BufferBuilder
{
    private byte[] _array;
    private Memory<byte> _memory;
    private int _offset;
    private int _length;

    public BufferBuilder(int initialCapacity = 256)
    {
        _array = BufferAllocator.RentArray(Math.Max(initialCapacity, 64));
        _memory = BufferAllocator.Align(_array, BufferAllocator.UsableCapacity(_array));
        _offset = AlignedOffset(_memory);
    }

    /// <summary>Number of bytes written.</summary>
    public int Length => _length;

    public int Capacity => _memory.Length;

    /// <summary>The bytes written so far.</summary>
    public Span<byte> WrittenSpan => _memory.Span[.._length];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append<T>(T value)
        where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        if (_length + size > _memory.Length)
        {
            Grow(size);
        }

        // Straight into the pinned array (the bounds check above covers it): avoids Memory<T>.Span per value.
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), _offset + _length), value);
        _length += size;
    }

    public void Append<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_memory.Span[_length..]);
        _length += bytes.Length;
    }

    /// <summary>Appends <paramref name="count"/> zero bytes.</summary>
    public void AppendZeros(int count)
    {
        EnsureCapacity(count);
        _memory.Span.Slice(_length, count).Clear();
        _length += count;
    }

    /// <summary>A writable span of at least <paramref name="sizeHint"/> bytes after the written part.</summary>
    public Span<byte> GetSpan(int sizeHint)
    {
        EnsureCapacity(sizeHint);
        return _memory.Span[_length..];
    }

    public void Advance(int count)
    {
        if (count < 0 || _length + count > _memory.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _length += count;
    }

    /// <summary>Shrinks or extends (with zeros) the written length.</summary>
    public void SetLength(int length)
    {
        if (length > _length)
        {
            AppendZeros(length - _length);
        }
        else
        {
            _length = length;
        }
    }

    public Span<T> AsSpan<T>()
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(_memory.Span[.._length]);

    public void EnsureCapacity(int additional)
    {
        if ((long)_length + additional > _memory.Length)
        {
            Grow(additional);
        }
    }

    /// <summary>Hands out the written bytes as an immutable buffer and resets this builder to empty.</summary>
    public ArrowBuffer Build()
    {
        var result = new ArrowBuffer(_memory[.._length]);
        _array = BufferAllocator.RentArray(64);
        _memory = BufferAllocator.Align(_array, BufferAllocator.UsableCapacity(_array));
        _offset = AlignedOffset(_memory);
        _length = 0;
        return result;
    }

    public void Clear() => _length = 0;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int additional)
    {
        var needed = (long)_length + additional;
        var newCapacity = Math.Max(needed, (long)_memory.Length * 2);
        if (newCapacity > Array.MaxLength - BufferAllocator.Alignment)
        {
            newCapacity = needed;
        }

        if (newCapacity > Array.MaxLength - BufferAllocator.Alignment)
        {
            throw new OutOfMemoryException($"Arrow buffer would exceed {Array.MaxLength} bytes");
        }

        var array = BufferAllocator.RentArray((int)newCapacity);
        var memory = BufferAllocator.Align(array, BufferAllocator.UsableCapacity(array));
        _memory.Span[.._length].CopyTo(memory.Span);
        BufferAllocator.Return(_array);
        _array = array;
        _memory = memory;
        _offset = AlignedOffset(memory);
    }

    private static int AlignedOffset(Memory<byte> memory) =>
        MemoryMarshal.TryGetArray<byte>(memory, out var segment) ? segment.Offset : throw new InvalidOperationException("buffer memory is not array-backed");
}
