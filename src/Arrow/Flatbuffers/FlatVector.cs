using System.Buffers.Binary;
using System.Text;

namespace Lakehouse.Arrow.Flatbuffers;

/// <summary>A bounds-checked flatbuffer vector: its element count was checked against the buffer when it was read.</summary>
public readonly struct FlatVector
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _start;
    private readonly int _elementSize;

    internal FlatVector(ReadOnlyMemory<byte> buffer, int start, int count, int elementSize)
    {
        _buffer = buffer;
        _start = start;
        Count = count;
        _elementSize = elementSize;
    }

    public int Count { get; }

    /// <summary>The raw bytes of all elements (structs or scalars).</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.Span.Slice(_start, Count * _elementSize);

    public int GetInt32(int index) => BinaryPrimitives.ReadInt32LittleEndian(Element(index));

    public long GetInt64(int index) => BinaryPrimitives.ReadInt64LittleEndian(Element(index));

    /// <summary>The table that element <paramref name="index"/> (a uoffset) points to.</summary>
    public FlatTable GetTable(int index)
    {
        var p = _start + (index * _elementSize);
        var target = (long)p + BinaryPrimitives.ReadUInt32LittleEndian(Element(index));
        return FlatTable.At(_buffer, target);
    }

    public string GetString(int index)
    {
        var p = _start + (index * _elementSize);
        var target = (long)p + BinaryPrimitives.ReadUInt32LittleEndian(Element(index));
        var span = _buffer.Span;
        if (target > span.Length - 4)
        {
            throw FlatTable.Corrupt(p, "string offset outside the flatbuffer");
        }

        var n = BinaryPrimitives.ReadUInt32LittleEndian(span[(int)target..]);
        if (n > span.Length - target - 4)
        {
            throw FlatTable.Corrupt(target, "string runs past the flatbuffer");
        }

        return Encoding.UTF8.GetString(span.Slice((int)target + 4, (int)n));
    }

    /// <summary>The bytes of struct element <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Element(int index)
    {
        if ((uint)index >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return _buffer.Span.Slice(_start + (index * _elementSize), _elementSize);
    }
}
