using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lakehouse.Arrow.Memory;

/// <summary>
/// An immutable, contiguous region of bytes backing one Arrow buffer (validity bitmap, offsets, values...).
/// A value type over <see cref="ReadOnlyMemory{T}"/>, so slicing and passing are free. Memory allocated by
/// <see cref="BufferAllocator"/> is pinned and 64-byte aligned; memory received from IPC is whatever the
/// message body was (8-byte aligned when the producer followed the spec).
/// </summary>
public readonly struct ArrowBuffer
{
    public ArrowBuffer(ReadOnlyMemory<byte> memory) => Memory = memory;

    public static ArrowBuffer Empty => default;

    public ReadOnlyMemory<byte> Memory { get; }

    public int Length => Memory.Length;

    public bool IsEmpty => Memory.IsEmpty;

    public ReadOnlySpan<byte> Span => Memory.Span;

    /// <summary>Reinterprets the bytes as values of <typeparamref name="T"/> (length rounds down).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<T> As<T>()
        where T : unmanaged => MemoryMarshal.Cast<byte, T>(Memory.Span);

    public ArrowBuffer Slice(int start, int length) => new(Memory.Slice(start, length));

    public ArrowBuffer Slice(int start) => new(Memory[start..]);

    /// <summary>Copies the bytes into a fresh aligned buffer.</summary>
    public ArrowBuffer Copy()
    {
        var owner = BufferAllocator.Allocate(Length);
        Span.CopyTo(owner.Span);
        return new ArrowBuffer(owner);
    }

    public static ArrowBuffer FromArray<T>(T[] values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        var mem = BufferAllocator.Allocate(bytes.Length);
        bytes.CopyTo(mem.Span);
        return new ArrowBuffer(mem);
    }

    public static ArrowBuffer FromSpan<T>(ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        var mem = BufferAllocator.Allocate(bytes.Length);
        bytes.CopyTo(mem.Span);
        return new ArrowBuffer(mem);
    }

    public override string ToString() => $"ArrowBuffer[{Length}]";
}
