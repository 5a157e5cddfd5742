using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Lakehouse.Avro.Binary;

/// <summary>
/// Encodes Avro's binary encoding into an <see cref="IBufferWriter{T}"/>: each value goes straight into
/// the writer's span (no streams, no intermediate arrays). Arrays and maps are written as one block
/// (<see cref="WriteBlockCount"/> then the items, then <see cref="WriteBlockEnd"/>).
/// </summary>
public readonly struct AvroEncoder
{
    private readonly IBufferWriter<byte> _output;

    public AvroEncoder(IBufferWriter<byte> output)
    {
        _output = output;
    }

    public IBufferWriter<byte> Output => _output;

    public void WriteBoolean(bool value)
    {
        _output.GetSpan(1)[0] = value ? (byte)1 : (byte)0;
        _output.Advance(1);
    }

    public void WriteInt(int value) => WriteLong(value);

    public void WriteLong(long value)
    {
        var span = _output.GetSpan(10);
        _output.Advance(WriteVarLong(span, value));
    }

    public void WriteFloat(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_output.GetSpan(8), value);
        _output.Advance(8);
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteLong(value.Length);
        WriteFixed(value);
    }

    public void WriteString(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        var span = _output.GetSpan(length + 10);
        var n = WriteVarLong(span, length);
        n += Encoding.UTF8.GetBytes(value, span[n..]);
        _output.Advance(n);
    }

    public void WriteString(ReadOnlySpan<byte> utf8) => WriteBytes(utf8);

    public void WriteFixed(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return;
        }

        value.CopyTo(_output.GetSpan(value.Length));
        _output.Advance(value.Length);
    }

    public void WriteEnum(int index) => WriteLong(index);

    public void WriteUnionIndex(int index) => WriteLong(index);

    /// <summary>Starts a block of <paramref name="count"/> array items or map entries (skip when 0).</summary>
    public void WriteBlockCount(long count) => WriteLong(count);

    /// <summary>Ends an array or map (the zero-count block).</summary>
    public void WriteBlockEnd() => WriteLong(0);

    /// <summary>Zig-zag varint of <paramref name="value"/> into <paramref name="destination"/> (room for 10 bytes); returns its length.</summary>
    public static int WriteVarLong(Span<byte> destination, long value)
    {
        var v = (ulong)((value << 1) ^ (value >> 63));
        var i = 0;
        while (v >= 0x80)
        {
            destination[i++] = (byte)(v | 0x80);
            v >>= 7;
        }

        destination[i++] = (byte)v;
        return i;
    }

    /// <summary>Length in bytes of the zig-zag varint of <paramref name="value"/>.</summary>
    public static int VarLongLength(long value)
    {
        var v = (ulong)((value << 1) ^ (value >> 63));
        var n = 1;
        while (v >= 0x80)
        {
            v >>= 7;
            n++;
        }

        return n;
    }
}
