using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using Lakehouse.Arrow;

namespace Lakehouse.Parquet.Thrift;

/// <summary>
/// Reads Thrift compact-protocol values from a span. Every read is bounds-checked; collection counts are
/// validated against the bytes that remain (each element takes at least one byte), nesting is limited to
/// <see cref="MaxDepth"/>, and unknown fields are skipped. Problems throw <see cref="CorruptFileException"/>.
/// </summary>
public ref struct CompactReader
{
    public const int MaxDepth = 64;

    private readonly ReadOnlySpan<byte> _data;
    private readonly string? _source;
    private readonly long _baseOffset;
    private int _position;
    private int _depth;
    private short _lastFieldId;

    public CompactReader(ReadOnlySpan<byte> data, string? source = null, long baseOffset = 0)
    {
        _data = data;
        _source = source;
        _baseOffset = baseOffset;
        _position = 0;
        _depth = 0;
        _lastFieldId = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    /// <summary>Enters a struct; returns the enclosing struct's field-id state for <see cref="EndStruct"/>.</summary>
    public short BeginStruct()
    {
        if (++_depth > MaxDepth)
        {
            throw Corrupt($"Thrift structures nested deeper than {MaxDepth}");
        }

        var saved = _lastFieldId;
        _lastFieldId = 0;
        return saved;
    }

    public void EndStruct(short saved)
    {
        _depth--;
        _lastFieldId = saved;
    }

    /// <summary>Reads the next field header; false at the struct's stop byte.</summary>
    public bool ReadFieldHeader(out CompactType type, out short fieldId)
    {
        var b = ReadByte();
        if (b == 0)
        {
            type = CompactType.Stop;
            fieldId = 0;
            return false;
        }

        type = (CompactType)(b & 0x0F);
        if (type > CompactType.Struct)
        {
            throw Corrupt($"unknown Thrift compact type {(int)type}");
        }

        var delta = b >> 4;
        fieldId = delta != 0 ? (short)(_lastFieldId + delta) : ReadI16();
        _lastFieldId = fieldId;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if ((uint)_position >= (uint)_data.Length)
        {
            throw Corrupt("unexpected end of Thrift data");
        }

        return _data[_position++];
    }

    /// <summary>A boolean field's value is carried by its header type.</summary>
    public readonly bool ReadBool(CompactType fieldType) => fieldType switch
    {
        CompactType.BooleanTrue => true,
        CompactType.BooleanFalse => false,
        _ => throw Corrupt($"expected a boolean field, found Thrift type {fieldType}"),
    };

    /// <summary>A boolean inside a list or set: one byte.</summary>
    public bool ReadBoolElement() => ReadByte() == (byte)CompactType.BooleanTrue;

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = ReadByte();
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw Corrupt("Thrift varint longer than 10 bytes");
    }

    public short ReadI16()
    {
        var v = ReadI64();
        if (v is < short.MinValue or > short.MaxValue)
        {
            throw Corrupt($"i16 value {v} out of range");
        }

        return (short)v;
    }

    public int ReadI32()
    {
        var v = ReadI64();
        if (v is < int.MinValue or > int.MaxValue)
        {
            throw Corrupt($"i32 value {v} out of range");
        }

        return (int)v;
    }

    public long ReadI64()
    {
        var u = ReadVarint();
        return (long)(u >> 1) ^ -(long)(u & 1);
    }

    public sbyte ReadI8() => unchecked((sbyte)ReadByte());

    public double ReadDouble()
    {
        if (Remaining < 8)
        {
            throw Corrupt("unexpected end of Thrift data in a double");
        }

        var v = BinaryPrimitives.ReadDoubleLittleEndian(_data.Slice(_position, 8));
        _position += 8;
        return v;
    }

    public ReadOnlySpan<byte> ReadBinary()
    {
        var length = ReadVarint();
        if (length > (ulong)Remaining)
        {
            throw Corrupt($"Thrift binary of {length} bytes exceeds the {Remaining} bytes left");
        }

        var span = _data.Slice(_position, (int)length);
        _position += (int)length;
        return span;
    }

    public byte[] ReadBinaryArray() => ReadBinary().ToArray();

    public string ReadString() => Encoding.UTF8.GetString(ReadBinary());

    /// <summary>Reads a list or set header; the count is checked against the remaining bytes.</summary>
    public int ReadListHeader(out CompactType elementType)
    {
        var b = ReadByte();
        elementType = (CompactType)(b & 0x0F);
        var size = (ulong)(b >> 4);
        if (size == 15)
        {
            size = ReadVarint();
        }

        if (size > (ulong)Remaining)
        {
            throw Corrupt($"Thrift list of {size} elements exceeds the {Remaining} bytes left");
        }

        return (int)size;
    }

    /// <summary>Reads a list header and checks its element type.</summary>
    public int ReadListHeader(CompactType expected)
    {
        var count = ReadListHeader(out var type);
        if (count > 0 && type != expected && !(expected == CompactType.BooleanTrue && type == CompactType.BooleanFalse))
        {
            throw Corrupt($"expected a list of {expected}, found a list of {type}");
        }

        return count;
    }

    /// <summary>Skips one value of <paramref name="type"/>, including nested structures.</summary>
    public void Skip(CompactType type)
    {
        switch (type)
        {
            case CompactType.BooleanTrue:
            case CompactType.BooleanFalse:
                return;
            case CompactType.Byte:
                ReadByte();
                return;
            case CompactType.I16:
            case CompactType.I32:
            case CompactType.I64:
                ReadVarint();
                return;
            case CompactType.Double:
                ReadDouble();
                return;
            case CompactType.Binary:
                ReadBinary();
                return;
            case CompactType.List:
            case CompactType.Set:
                {
                    var count = ReadListHeader(out var elementType);
                    EnterCollection();
                    for (var i = 0; i < count; i++)
                    {
                        SkipElement(elementType);
                    }

                    _depth--;
                    return;
                }

            case CompactType.Map:
                {
                    var count = ReadVarint();
                    if (count == 0)
                    {
                        return;
                    }

                    if (count > (ulong)Remaining)
                    {
                        throw Corrupt($"Thrift map of {count} entries exceeds the {Remaining} bytes left");
                    }

                    var kv = ReadByte();
                    EnterCollection();
                    for (ulong i = 0; i < count; i++)
                    {
                        SkipElement((CompactType)(kv >> 4));
                        SkipElement((CompactType)(kv & 0x0F));
                    }

                    _depth--;
                    return;
                }

            case CompactType.Struct:
                SkipStruct();
                return;
            default:
                throw Corrupt($"cannot skip unknown Thrift type {(int)type}");
        }
    }

    /// <summary>Skips a whole struct (its fields up to and including the stop byte).</summary>
    public void SkipStruct()
    {
        var saved = BeginStruct();
        while (ReadFieldHeader(out var t, out _))
        {
            Skip(t);
        }

        EndStruct(saved);
    }

    public readonly CorruptFileException Corrupt(string problem) => new(_source, _baseOffset + _position, problem);

    private void SkipElement(CompactType type)
    {
        if (type is CompactType.BooleanTrue or CompactType.BooleanFalse)
        {
            ReadByte();
        }
        else
        {
            Skip(type);
        }
    }

    private void EnterCollection()
    {
        if (++_depth > MaxDepth)
        {
            throw Corrupt($"Thrift structures nested deeper than {MaxDepth}");
        }
    }
}
