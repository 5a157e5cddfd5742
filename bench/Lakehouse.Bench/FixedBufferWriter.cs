using System.Buffers;

namespace Lakehouse.Bench;

/// <summary>An <see cref="IBufferWriter{T}"/> over one pre-sized array, so a timed write never grows or copies its output.</summary>
public sealed class FixedBufferWriter(byte[] buffer) : IBufferWriter<byte>
{
    public int WrittenCount { get; private set; }

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, WrittenCount);

    public void Reset() => WrittenCount = 0;

    public void Advance(int count) => WrittenCount += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureRoom(sizeHint);
        return buffer.AsMemory(WrittenCount);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureRoom(sizeHint);
        return buffer.AsSpan(WrittenCount);
    }

    private void EnsureRoom(int sizeHint)
    {
        if (buffer.Length - WrittenCount < Math.Max(1, sizeHint))
        {
            throw new InvalidOperationException($"pre-sized buffer of {buffer.Length} bytes is full");
        }
    }
}
