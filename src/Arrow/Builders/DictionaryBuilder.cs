using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds dictionary-encoded arrays: each appended value is looked up (by its bytes, without allocating)
/// in a hash table of the distinct values seen so far and only its index is stored. Value types: binary
/// and string (offset layouts) and every fixed-width type (integers, floats, temporal, decimal,
/// fixed_size_binary). Index type from the <see cref="DictionaryType"/> (int8..uint64); exceeding its range throws.
/// </summary>
public sealed class DictionaryBuilder : ArrayBuilder
{
    private readonly DictionaryMemo _memo = new();
    private readonly BufferBuilder _indices = new();
    private readonly int _indexWidth;
    private readonly long _maxIndex;
    private readonly int _valueWidth;

    public DictionaryBuilder(DictionaryType type)
        : base(type)
    {
        DictionaryType = type;
        var value = type.ValueType;
        if (value.Id is ArrowTypeId.Binary or ArrowTypeId.Utf8 or ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8)
        {
            _valueWidth = -1;
        }
        else if (value.IsFixedWidth && value.Id is not (ArrowTypeId.Boolean or ArrowTypeId.Dictionary))
        {
            _valueWidth = value.BitWidth / 8;
        }
        else
        {
            throw new NotSupportedException($"dictionary builder does not support {value} values");
        }

        _indexWidth = type.IndexType.BitWidth / 8;
        _maxIndex = type.IndexType.Id switch
        {
            ArrowTypeId.Int8 => sbyte.MaxValue,
            ArrowTypeId.UInt8 => byte.MaxValue,
            ArrowTypeId.Int16 => short.MaxValue,
            ArrowTypeId.UInt16 => ushort.MaxValue,
            _ => int.MaxValue,
        };
    }

    public DictionaryType DictionaryType { get; }

    /// <summary>
    /// When false, the dictionary survives <see cref="ArrayBuilder.BuildData"/>: later arrays reuse its indices
    /// and carry the whole dictionary so far (values beyond the previous <see cref="DictionaryLength"/> are the
    /// delta an IPC writer can send). Default true: every array gets a fresh dictionary.
    /// </summary>
    public bool ResetDictionaryOnBuild { get; set; } = true;

    /// <summary>Distinct values so far.</summary>
    public int DictionaryLength => _memo.Count;

    /// <summary>Appends a value given as its bytes (binary/UTF-8, or the little-endian bytes of a fixed-width value); returns its index.</summary>
    public int Append(ReadOnlySpan<byte> value)
    {
        if (_valueWidth >= 0 && value.Length != _valueWidth)
        {
            throw new ArgumentException($"value of {value.Length} bytes for {DictionaryType.ValueType} ({_valueWidth} bytes)", nameof(value));
        }

        var index = _memo.GetOrAdd(value);
        if (index > _maxIndex)
        {
            throw new InvalidOperationException($"dictionary has more than {_maxIndex + 1} values, too many for {DictionaryType.IndexType} indices");
        }

        WriteIndex(index);
        AppendValidSlot();
        return index;
    }

    /// <summary>Appends a string value as UTF-8 (small strings are encoded on the stack).</summary>
    public int Append(ReadOnlySpan<char> value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= 512)
        {
            Span<byte> scratch = stackalloc byte[max];
            return Append(scratch[..Encoding.UTF8.GetBytes(value, scratch)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            return Append(rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Appends a fixed-width value (its size must match the value type's width).</summary>
    public int AppendValue<T>(T value)
        where T : unmanaged => Append(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    public override void AppendNull()
    {
        WriteIndex(0);
        AppendNullSlot();
    }

    public override void Reserve(int additional)
    {
        base.Reserve(additional);
        _indices.EnsureCapacity(checked(additional * _indexWidth));
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity)
    {
        var dictionary = BuildDictionary();
        if (ResetDictionaryOnBuild)
        {
            _memo.Clear();
        }

        return new ArrayData(Type, length, nullCount, 0, [validity, _indices.Build()], dictionary: dictionary);
    }

    protected override void AppendObjectCore(object value)
    {
        switch (value)
        {
            case string s:
                Append(s.AsSpan());
                break;
            case byte[] b:
                Append(b.AsSpan());
                break;
            default:
            {
                // Any other CLR value: encode it with the value type's own builder, then look up its bytes.
                var single = Create(DictionaryType.ValueType);
                single.AppendObject(value);
                var data = single.BuildData();
                Append(data.Buffers[1].Span[.._valueWidth]);
                break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteIndex(int index)
    {
        switch (_indexWidth)
        {
            case 1:
                _indices.Append((byte)index);
                break;
            case 2:
                _indices.Append((ushort)index);
                break;
            case 4:
                _indices.Append(index);
                break;
            default:
                _indices.Append((long)index);
                break;
        }
    }

    private ArrayData BuildDictionary()
    {
        var count = _memo.Count;
        var bytes = new BufferBuilder(Math.Max(64, _memo.KeyBytes.Length));
        bytes.Append(_memo.KeyBytes);
        if (_valueWidth >= 0)
        {
            return new ArrayData(DictionaryType.ValueType, count, 0, 0, [ArrowBuffer.Empty, bytes.Build()]);
        }

        var large = DictionaryType.ValueType.Id is ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8;
        var offsets = new BufferBuilder((count + 1) * (large ? 8 : 4));
        var ends = _memo.KeyEnds;
        if (large)
        {
            offsets.Append(0L);
            foreach (var end in ends)
            {
                offsets.Append((long)end);
            }
        }
        else
        {
            offsets.Append(0);
            offsets.Append(ends);
        }

        return new ArrayData(DictionaryType.ValueType, count, 0, 0, [ArrowBuffer.Empty, offsets.Build(), bytes.Build()]);
    }
}
