using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Lakehouse.Parquet.Thrift;

/// <summary>
/// Writes Thrift compact-protocol values into an <see cref="IBufferWriter{T}"/>. Field ids are delta-encoded
/// against the previous field of the same struct; <see cref="BeginStruct"/>/<see cref="EndStruct"/> keep that
/// state per nesting level.
/// </summary>
public sealed class CompactWriter
{
    private readonly IBufferWriter<byte> _output;
    private readonly Stack<short> _fieldIds = new();
    private short _lastFieldId;

    public CompactWriter(IBufferWriter<byte> output) => _output = output;

    public void BeginStruct()
    {
        _fieldIds.Push(_lastFieldId);
        _lastFieldId = 0;
    }

    /// <summary>Writes the stop byte and returns to the enclosing struct.</summary>
    public void EndStruct()
    {
        WriteByte(0);
        _lastFieldId = _fieldIds.Pop();
    }

    public void WriteFieldHeader(CompactType type, short fieldId)
    {
        var delta = fieldId - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            WriteByte((byte)type);
            WriteI16(fieldId);
        }

        _lastFieldId = fieldId;
    }

    public void WriteBoolField(short fieldId, bool value) =>
        WriteFieldHeader(value ? CompactType.BooleanTrue : CompactType.BooleanFalse, fieldId);

    public void WriteI8Field(short fieldId, sbyte value)
    {
        WriteFieldHeader(CompactType.Byte, fieldId);
        WriteByte(unchecked((byte)value));
    }

    public void WriteI16Field(short fieldId, short value)
    {
        WriteFieldHeader(CompactType.I16, fieldId);
        WriteI16(value);
    }

    public void WriteI32Field(short fieldId, int value)
    {
        WriteFieldHeader(CompactType.I32, fieldId);
        WriteI32(value);
    }

    public void WriteI64Field(short fieldId, long value)
    {
        WriteFieldHeader(CompactType.I64, fieldId);
        WriteI64(value);
    }

    public void WriteDoubleField(short fieldId, double value)
    {
        WriteFieldHeader(CompactType.Double, fieldId);
        var span = _output.GetSpan(8);
        BinaryPrimitives.WriteDoubleLittleEndian(span, value);
        _output.Advance(8);
    }

    public void WriteBinaryField(short fieldId, ReadOnlySpan<byte> value)
    {
        WriteFieldHeader(CompactType.Binary, fieldId);
        WriteBinary(value);
    }

    public void WriteStringField(short fieldId, string value)
    {
        WriteFieldHeader(CompactType.Binary, fieldId);
        WriteString(value);
    }

    /// <summary>Writes a struct field header and enters the struct; close with <see cref="EndStruct"/>.</summary>
    public void BeginStructField(short fieldId)
    {
        WriteFieldHeader(CompactType.Struct, fieldId);
        BeginStruct();
    }

    /// <summary>Writes an empty struct field (the members of unions such as LogicalType's STRING).</summary>
    public void WriteEmptyStructField(short fieldId)
    {
        BeginStructField(fieldId);
        EndStruct();
    }

    public void WriteListField(short fieldId, CompactType elementType, int count)
    {
        WriteFieldHeader(CompactType.List, fieldId);
        WriteListHeader(elementType, count);
    }

    public void WriteListHeader(CompactType elementType, int count)
    {
        if (count < 15)
        {
            WriteByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            WriteByte((byte)(0xF0 | (int)elementType));
            WriteVarint((ulong)count);
        }
    }

    public void WriteByte(byte value)
    {
        var span = _output.GetSpan(1);
        span[0] = value;
        _output.Advance(1);
    }

    public void WriteBoolElement(bool value) => WriteByte(value ? (byte)1 : (byte)2);

    public void WriteI16(short value) => WriteI64(value);

    public void WriteI32(int value) => WriteI64(value);

    public void WriteI64(long value) => WriteVarint((ulong)((value << 1) ^ (value >> 63)));

    public void WriteVarint(ulong value)
    {
        var span = _output.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _output.Advance(i);
    }

    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteVarint((ulong)value.Length);
        if (value.Length > 0)
        {
            value.CopyTo(_output.GetSpan(value.Length));
            _output.Advance(value.Length);
        }
    }

    public void WriteString(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)count);
        if (count > 0)
        {
            Encoding.UTF8.GetBytes(value, _output.GetSpan(count));
            _output.Advance(count);
        }
    }
}
