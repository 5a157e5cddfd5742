using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

using Lakehouse.Arrow;
using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Binary;

/// <summary>
/// Decodes Avro's binary encoding from a span: zig-zag varints, little-endian floats, length-prefixed
/// bytes and strings, blocked arrays and maps, union indexes. Every read is bounds-checked against the
/// bytes that remain; corrupt input throws <see cref="CorruptFileException"/> naming the source and the
/// absolute byte offset, and no length taken from the input is allocated before it is checked.
/// </summary>
public ref struct AvroReader
{
    /// <summary>Deepest nesting of records/arrays/maps/unions a reader follows before calling the input corrupt.</summary>
    public const int MaxDepth = 200;

    /// <summary>Most items an array of zero-byte values (e.g. nulls) may hold.</summary>
    public const int MaxZeroSizeItems = 1 << 20;

    private readonly ReadOnlySpan<byte> _data;
    private readonly string? _source;
    private readonly long _baseOffset;
    private int _position;
    private int _depth;

    public AvroReader(ReadOnlySpan<byte> data, string? source = null, long baseOffset = 0)
    {
        _data = data;
        _source = source;
        _baseOffset = baseOffset;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly bool IsAtEnd => _position >= _data.Length;

    /// <summary>Absolute offset in the source (base offset plus position), for error messages.</summary>
    public readonly long SourceOffset => _baseOffset + _position;

    public readonly string? Source => _source;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadLong()
    {
        var pos = _position;
        if (pos < _data.Length && _data[pos] < 0x80)
        {
            _position = pos + 1;
            ulong v = _data[pos];
            return (long)(v >> 1) ^ -(long)(v & 1);
        }

        return ReadLongSlow();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadInt()
    {
        var pos = _position;
        if (pos < _data.Length && _data[pos] < 0x80)
        {
            _position = pos + 1;
            uint v = _data[pos];
            return (int)(v >> 1) ^ -(int)(v & 1);
        }

        return ReadIntSlow();
    }

    public bool ReadBoolean()
    {
        if (_position >= _data.Length)
        {
            throw Truncated(1);
        }

        var b = _data[_position];
        if (b > 1)
        {
            throw Corrupt($"boolean byte must be 0 or 1, found {b}");
        }

        _position++;
        return b == 1;
    }

    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>Length-prefixed bytes, as a slice of the input (no copy).</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var start = SourceOffset;
        var length = ReadLong();
        if (length < 0 || length > Remaining)
        {
            throw new CorruptFileException(_source, start, $"byte length {length} exceeds the {Remaining} bytes that remain");
        }

        return Take((int)length);
    }

    /// <summary>A string's UTF-8 bytes, as a slice of the input.</summary>
    public ReadOnlySpan<byte> ReadStringUtf8() => ReadBytes();

    public string ReadString()
    {
        var bytes = ReadBytes();
        return bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(bytes);
    }

    public ReadOnlySpan<byte> ReadFixed(int size) => Take(size);

    /// <summary>An enum's symbol index, checked against the number of symbols.</summary>
    public int ReadEnum(int symbolCount)
    {
        var start = SourceOffset;
        var i = ReadInt();
        if ((uint)i >= (uint)symbolCount)
        {
            throw new CorruptFileException(_source, start, $"enum index {i} out of range 0..{symbolCount - 1}");
        }

        return i;
    }

    /// <summary>A union's branch index, checked against the number of branches.</summary>
    public int ReadUnionIndex(int branchCount)
    {
        var start = SourceOffset;
        var i = ReadLong();
        if ((ulong)i >= (ulong)branchCount)
        {
            throw new CorruptFileException(_source, start, $"union index {i} out of range 0..{branchCount - 1}");
        }

        return (int)i;
    }

    /// <summary>
    /// Reads the item count of the next array or map block (0 ends the array or map). A negative count is
    /// followed by the block's byte size, which is checked against the remaining bytes and returned in
    /// <paramref name="byteSize"/> (else -1). Each item takes at least <paramref name="minItemSize"/> bytes,
    /// which bounds the count by the bytes that remain; items that may take no bytes are bounded by
    /// <paramref name="maxZeroSizeItems"/>.
    /// </summary>
    public long ReadBlockCount(out long byteSize, int minItemSize = 1, long maxZeroSizeItems = MaxZeroSizeItems)
    {
        var start = SourceOffset;
        var count = ReadLong();
        byteSize = -1;
        if (count < 0)
        {
            if (count == long.MinValue)
            {
                throw new CorruptFileException(_source, start, "block count out of range");
            }

            count = -count;
            var sizeStart = SourceOffset;
            byteSize = ReadLong();
            if (byteSize < 0 || byteSize > Remaining)
            {
                throw new CorruptFileException(_source, sizeStart, $"block byte size {byteSize} exceeds the {Remaining} bytes that remain");
            }
        }

        if (minItemSize > 0 ? count > Remaining / minItemSize : count > maxZeroSizeItems)
        {
            throw new CorruptFileException(_source, start, $"block count {count} exceeds what the {Remaining} remaining bytes can hold");
        }

        return count;
    }

    /// <summary>Advances past <paramref name="count"/> bytes.</summary>
    public void Skip(int count) => Take(count);

    /// <summary>Skips one value of <paramref name="schema"/> without materialising it.</summary>
    public void Skip(AvroSchema schema)
    {
        switch (schema.Type)
        {
            case AvroType.Null:
                return;
            case AvroType.Boolean:
                ReadBoolean();
                return;
            case AvroType.Int:
                ReadInt();
                return;
            case AvroType.Long:
                ReadLong();
                return;
            case AvroType.Float:
                Take(4);
                return;
            case AvroType.Double:
                Take(8);
                return;
            case AvroType.Bytes:
            case AvroType.String:
                ReadBytes();
                return;
            case AvroType.Fixed:
                Take(((FixedSchema)schema).Size);
                return;
            case AvroType.Enum:
                ReadEnum(((EnumSchema)schema).Symbols.Count);
                return;
        }

        Enter();
        switch (schema)
        {
            case RecordSchema r:
                foreach (var f in r.Fields)
                {
                    Skip(f.Schema);
                }

                break;
            case UnionSchema u:
                Skip(u.Branches[ReadUnionIndex(u.Branches.Count)]);
                break;
            case ArraySchema a:
                SkipBlocks(a.Items, null);
                break;
            case MapSchema m:
                SkipBlocks(m.Values, m);
                break;
        }

        Leave();
    }

    private void SkipBlocks(AvroSchema items, MapSchema? map)
    {
        var minSize = map is not null ? 1 : items.CanBeEmpty ? 0 : 1;
        long total = 0;
        while (true)
        {
            var count = ReadBlockCount(out var byteSize, minSize);
            if (count == 0)
            {
                return;
            }

            // Items that take no bytes are bounded per array, not only per block.
            total += count;
            if (minSize == 0 && total > MaxZeroSizeItems)
            {
                throw Corrupt($"array of more than {MaxZeroSizeItems} zero-byte items");
            }

            if (byteSize >= 0)
            {
                Take((int)byteSize);
                continue;
            }

            for (long i = 0; i < count; i++)
            {
                if (map is not null)
                {
                    ReadBytes();
                }

                Skip(items);
            }
        }
    }

    /// <summary>Call when descending into a nested value; throws past <see cref="MaxDepth"/>.</summary>
    public void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Corrupt($"values nested deeper than {MaxDepth} levels");
        }
    }

    public void Leave() => _depth--;

    /// <summary>A <see cref="CorruptFileException"/> at the current position.</summary>
    public readonly CorruptFileException Corrupt(string problem) => new(_source, SourceOffset, problem);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int count)
    {
        if ((uint)count > (uint)(_data.Length - _position))
        {
            throw Truncated(count);
        }

        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly CorruptFileException Truncated(int needed) =>
        Corrupt($"unexpected end of data: needed {needed} bytes, {Remaining} remain");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long ReadLongSlow()
    {
        var start = _position;
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            if (_position >= _data.Length)
            {
                _position = start;
                throw Truncated(1);
            }

            var b = _data[_position++];
            if (shift == 63 && b > 0x7F)
            {
                // Bits past the 64th in the tenth byte are dropped, as Java and JavaScript readers do
                // (some writers set them); an eleventh byte is an error.
                throw new CorruptFileException(_source, _baseOffset + start, "varint long is longer than 10 bytes");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }

            shift += 7;
        }

        return (long)(result >> 1) ^ -(long)(result & 1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int ReadIntSlow()
    {
        var start = _position;
        uint result = 0;
        var shift = 0;
        while (true)
        {
            if (_position >= _data.Length)
            {
                _position = start;
                throw Truncated(1);
            }

            var b = _data[_position++];
            if (shift == 28 && b > 0x7F)
            {
                throw new CorruptFileException(_source, _baseOffset + start, "varint int is longer than 5 bytes");
            }

            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }

            shift += 7;
        }

        return (int)(result >> 1) ^ -(int)(result & 1);
    }
}
