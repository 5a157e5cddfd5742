using System.Buffers.Binary;
using System.Text;

namespace Lakehouse.Arrow.Flatbuffers;

/// <summary>
/// Builds a flatbuffer back to front, as the format intends: children are written before the tables that
/// point to them, offsets are counted from the end of the buffer, and every scalar is aligned to its size
/// relative to the end (the finished buffer is padded so that this is also alignment from the start).
/// </summary>
public sealed class FlatBufferBuilder
{
    private byte[] _buffer;
    private int _space;
    private int _minAlign = 1;
    private int[] _vtable = new int[16];
    private int _vtableCount;
    private int _objectStart;
    private bool _inTable;

    public FlatBufferBuilder(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(initialCapacity, 16)];
        _space = _buffer.Length;
    }

    /// <summary>Bytes written so far, counted from the end: the "offset" that refers to the last object written.</summary>
    public int Offset => _buffer.Length - _space;

    public void Clear()
    {
        _space = _buffer.Length;
        _minAlign = 1;
        _vtableCount = 0;
        _inTable = false;
    }

    private void Grow(int needed)
    {
        var oldLength = _buffer.Length;
        var newLength = Math.Max(oldLength * 2, oldLength + needed);
        var bigger = new byte[newLength];
        _buffer.AsSpan(_space).CopyTo(bigger.AsSpan(newLength - (oldLength - _space)));
        _space += newLength - oldLength;
        _buffer = bigger;
    }

    private void Pad(int count)
    {
        _space -= count;
        _buffer.AsSpan(_space, count).Clear();
    }

    /// <summary>Makes room for <paramref name="additional"/> bytes followed by an aligned scalar of <paramref name="size"/> bytes.</summary>
    public void Prep(int size, int additional)
    {
        if (size > _minAlign)
        {
            _minAlign = size;
        }

        var alignSize = (~(Offset + additional) + 1) & (size - 1);
        var needed = alignSize + size + additional;
        if (_space < needed)
        {
            Grow(needed);
        }

        Pad(alignSize);
    }

    public void PutByte(byte value)
    {
        _space -= 1;
        _buffer[_space] = value;
    }

    public void PutInt16(short value)
    {
        _space -= 2;
        BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(_space), value);
    }

    public void PutInt32(int value)
    {
        _space -= 4;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_space), value);
    }

    public void PutInt64(long value)
    {
        _space -= 8;
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_space), value);
    }

    public void AddByte(byte value)
    {
        Prep(1, 0);
        PutByte(value);
    }

    public void AddInt16(short value)
    {
        Prep(2, 0);
        PutInt16(value);
    }

    public void AddInt32(int value)
    {
        Prep(4, 0);
        PutInt32(value);
    }

    public void AddInt64(long value)
    {
        Prep(8, 0);
        PutInt64(value);
    }

    /// <summary>Writes a uoffset to the object at <paramref name="offset"/> (as returned by the builder).</summary>
    public void AddOffset(int offset)
    {
        Prep(4, 0);
        PutInt32(Offset - offset + 4);
    }

    public int CreateString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        Prep(4, count + 1);
        PutByte(0);
        _space -= count;
        Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_space, count));
        PutInt32(count);
        return Offset;
    }

    /// <summary>Starts a vector; then add elements last to first and call <see cref="EndVector"/>.</summary>
    public void StartVector(int elementSize, int count, int alignment)
    {
        Prep(4, elementSize * count);
        Prep(alignment, elementSize * count);
    }

    public int EndVector(int count)
    {
        PutInt32(count);
        return Offset;
    }

    public int CreateOffsetVector(ReadOnlySpan<int> offsets)
    {
        StartVector(4, offsets.Length, 4);
        for (var i = offsets.Length - 1; i >= 0; i--)
        {
            AddOffset(offsets[i]);
        }

        return EndVector(offsets.Length);
    }

    public int CreateInt32Vector(ReadOnlySpan<int> values)
    {
        StartVector(4, values.Length, 4);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            PutInt32(values[i]);
        }

        return EndVector(values.Length);
    }

    public int CreateInt64Vector(ReadOnlySpan<long> values)
    {
        StartVector(8, values.Length, 8);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            PutInt64(values[i]);
        }

        return EndVector(values.Length);
    }

    /// <summary>A vector of structs made of two int64s each (Arrow's Buffer and FieldNode structs).</summary>
    public int CreateInt64PairVector(ReadOnlySpan<long> firsts, ReadOnlySpan<long> seconds)
    {
        StartVector(16, firsts.Length, 8);
        for (var i = firsts.Length - 1; i >= 0; i--)
        {
            PutInt64(seconds[i]);
            PutInt64(firsts[i]);
        }

        return EndVector(firsts.Length);
    }

    public void StartTable(int fieldCount)
    {
        if (_inTable)
        {
            throw new InvalidOperationException("flatbuffer tables cannot be nested while being built");
        }

        if (_vtable.Length < fieldCount)
        {
            _vtable = new int[fieldCount];
        }

        _vtable.AsSpan(0, fieldCount).Clear();
        _vtableCount = fieldCount;
        _objectStart = Offset;
        _inTable = true;
    }

    public void Slot(int slot) => _vtable[slot] = Offset;

    public void AddBool(int slot, bool value, bool defaultValue)
    {
        if (value != defaultValue)
        {
            AddByte(value ? (byte)1 : (byte)0);
            Slot(slot);
        }
    }

    public void AddByte(int slot, byte value, byte defaultValue)
    {
        if (value != defaultValue)
        {
            AddByte(value);
            Slot(slot);
        }
    }

    public void AddInt16(int slot, short value, short defaultValue)
    {
        if (value != defaultValue)
        {
            AddInt16(value);
            Slot(slot);
        }
    }

    public void AddInt32(int slot, int value, int defaultValue)
    {
        if (value != defaultValue)
        {
            AddInt32(value);
            Slot(slot);
        }
    }

    public void AddInt64(int slot, long value, long defaultValue)
    {
        if (value != defaultValue)
        {
            AddInt64(value);
            Slot(slot);
        }
    }

    public void AddOffset(int slot, int offset)
    {
        if (offset != 0)
        {
            AddOffset(offset);
            Slot(slot);
        }
    }

    public int EndTable()
    {
        if (!_inTable)
        {
            throw new InvalidOperationException("EndTable without StartTable");
        }

        AddInt32(0);
        var objectOffset = Offset;
        var count = _vtableCount;
        while (count > 0 && _vtable[count - 1] == 0)
        {
            count--;
        }

        for (var i = count - 1; i >= 0; i--)
        {
            PutInt16OrGrow((short)(_vtable[i] != 0 ? objectOffset - _vtable[i] : 0));
        }

        PutInt16OrGrow((short)(objectOffset - _objectStart));
        PutInt16OrGrow((short)((count + 2) * 2));
        var vtableOffset = Offset;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_buffer.Length - objectOffset), vtableOffset - objectOffset);
        _inTable = false;
        return objectOffset;
    }

    private void PutInt16OrGrow(short value)
    {
        Prep(2, 0);
        PutInt16(value);
    }

    /// <summary>Writes the root offset and returns the finished buffer (a copy, length a multiple of 8).</summary>
    public byte[] Finish(int rootTable)
    {
        Prep(Math.Max(_minAlign, 8), 4);
        AddOffset(rootTable);
        return _buffer.AsSpan(_space).ToArray();
    }
}
