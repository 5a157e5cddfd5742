using System.Buffers.Binary;
using System.Text;

namespace Lakehouse.Arrow.Flatbuffers;

/// <summary>
/// A bounds-checked view of one flatbuffer table: its position and its vtable. Every read checks the
/// offsets it follows against the buffer, so corrupt metadata ends in <see cref="CorruptFileException"/>
/// instead of an out-of-range access. Fields absent from the vtable read as their schema default.
/// </summary>
public readonly struct FlatTable
{
    private readonly ReadOnlyMemory<byte> _buffer;
    private readonly int _position;
    private readonly int _vtable;
    private readonly int _vtableLength;

    private FlatTable(ReadOnlyMemory<byte> buffer, int position, int vtable, int vtableLength)
    {
        _buffer = buffer;
        _position = position;
        _vtable = vtable;
        _vtableLength = vtableLength;
    }

    /// <summary>True for a table that was actually present (default instances are "absent").</summary>
    public bool IsPresent => _vtableLength > 0;

    public ReadOnlyMemory<byte> Buffer => _buffer;

    /// <summary>The root table of a finished flatbuffer (uoffset at byte 0).</summary>
    public static FlatTable Root(ReadOnlyMemory<byte> buffer)
    {
        var span = buffer.Span;
        if (span.Length < 8)
        {
            throw Corrupt(0, $"flatbuffer of {span.Length} bytes is too short");
        }

        var root = BinaryPrimitives.ReadUInt32LittleEndian(span);
        return At(buffer, root);
    }

    /// <summary>The table at absolute position <paramref name="position"/>.</summary>
    public static FlatTable At(ReadOnlyMemory<byte> buffer, long position)
    {
        var span = buffer.Span;
        if (position < 0 || position > span.Length - 4)
        {
            throw Corrupt(position, "table offset outside the flatbuffer");
        }

        var pos = (int)position;
        var soffset = BinaryPrimitives.ReadInt32LittleEndian(span[pos..]);
        var vtable = (long)pos - soffset;
        if (vtable < 0 || vtable > span.Length - 4)
        {
            throw Corrupt(position, "vtable offset outside the flatbuffer");
        }

        var vt = (int)vtable;
        var vtLength = BinaryPrimitives.ReadUInt16LittleEndian(span[vt..]);
        var tableLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(vt + 2)..]);
        if (vtLength < 4 || (vtLength & 1) != 0 || vt + vtLength > span.Length)
        {
            throw Corrupt(vtable, $"vtable length {vtLength} is invalid");
        }

        if (tableLength < 4 || (long)pos + tableLength > span.Length)
        {
            throw Corrupt(position, $"table length {tableLength} runs past the flatbuffer");
        }

        return new FlatTable(buffer, pos, vt, vtLength);
    }

    /// <summary>Absolute position of field <paramref name="slot"/>, or 0 when absent.</summary>
    private int FieldPosition(int slot, int size)
    {
        if (!IsPresent)
        {
            return 0;
        }

        var entry = 4 + (slot * 2);
        if (entry + 2 > _vtableLength)
        {
            return 0;
        }

        var span = _buffer.Span;
        var fieldOffset = BinaryPrimitives.ReadUInt16LittleEndian(span[(_vtable + entry)..]);
        if (fieldOffset == 0)
        {
            return 0;
        }

        var tableLength = BinaryPrimitives.ReadUInt16LittleEndian(span[(_vtable + 2)..]);
        if (fieldOffset + size > tableLength)
        {
            throw Corrupt(_position, $"field {slot} lies outside its table");
        }

        return _position + fieldOffset;
    }

    public bool Has(int slot) => FieldPosition(slot, 1) != 0;

    public byte GetByte(int slot, byte defaultValue = 0)
    {
        var p = FieldPosition(slot, 1);
        return p == 0 ? defaultValue : _buffer.Span[p];
    }

    public bool GetBool(int slot, bool defaultValue = false)
    {
        var p = FieldPosition(slot, 1);
        return p == 0 ? defaultValue : _buffer.Span[p] != 0;
    }

    public short GetInt16(int slot, short defaultValue = 0)
    {
        var p = FieldPosition(slot, 2);
        return p == 0 ? defaultValue : BinaryPrimitives.ReadInt16LittleEndian(_buffer.Span[p..]);
    }

    public int GetInt32(int slot, int defaultValue = 0)
    {
        var p = FieldPosition(slot, 4);
        return p == 0 ? defaultValue : BinaryPrimitives.ReadInt32LittleEndian(_buffer.Span[p..]);
    }

    public long GetInt64(int slot, long defaultValue = 0)
    {
        var p = FieldPosition(slot, 8);
        return p == 0 ? defaultValue : BinaryPrimitives.ReadInt64LittleEndian(_buffer.Span[p..]);
    }

    /// <summary>Follows the uoffset stored in <paramref name="slot"/>; 0 when absent.</summary>
    private long Indirect(int slot)
    {
        var p = FieldPosition(slot, 4);
        if (p == 0)
        {
            return 0;
        }

        var target = (long)p + BinaryPrimitives.ReadUInt32LittleEndian(_buffer.Span[p..]);
        if (target >= _buffer.Length)
        {
            throw Corrupt(p, $"offset of field {slot} points past the flatbuffer");
        }

        return target;
    }

    /// <summary>The sub-table in <paramref name="slot"/>, or an absent table.</summary>
    public FlatTable GetTable(int slot)
    {
        var target = Indirect(slot);
        return target == 0 ? default : At(_buffer, target);
    }

    public string? GetString(int slot)
    {
        var target = Indirect(slot);
        if (target == 0)
        {
            return null;
        }

        var bytes = VectorBytes(target, 1, out var count);
        return Encoding.UTF8.GetString(bytes.Slice(0, count));
    }

    /// <summary>The vector in <paramref name="slot"/> with elements of <paramref name="elementSize"/> bytes.</summary>
    public FlatVector GetVector(int slot, int elementSize)
    {
        var target = Indirect(slot);
        if (target == 0)
        {
            return default;
        }

        _ = VectorBytes(target, elementSize, out var count);
        return new FlatVector(_buffer, (int)target + 4, count, elementSize);
    }

    private ReadOnlySpan<byte> VectorBytes(long position, int elementSize, out int count)
    {
        var span = _buffer.Span;
        if (position > span.Length - 4)
        {
            throw Corrupt(position, "vector offset outside the flatbuffer");
        }

        var n = BinaryPrimitives.ReadUInt32LittleEndian(span[(int)position..]);
        var start = position + 4;
        if (n > (span.Length - start) / elementSize)
        {
            throw Corrupt(position, $"vector of {n} elements runs past the flatbuffer");
        }

        count = (int)n;
        return span[(int)start..];
    }

    internal static CorruptFileException Corrupt(long offset, string problem) =>
        new("Arrow IPC metadata", offset, problem);
}
