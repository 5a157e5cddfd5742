using System.Text;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds binary, utf8, large_binary and large_utf8 arrays (32- or 64-bit offsets plus a data buffer).
/// Strings are encoded straight into the data buffer, without a temporary byte array.
/// </summary>
public sealed class BinaryBuilder : ArrayBuilder
{
    private readonly BufferBuilder _offsets = new();
    private readonly BufferBuilder _data = new();
    private readonly bool _large;

    public BinaryBuilder(ArrowType type)
        : base(type)
    {
        if (type.Id is not (ArrowTypeId.Binary or ArrowTypeId.Utf8 or ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8))
        {
            throw new ArgumentException($"{type} is not a binary or string type with offsets", nameof(type));
        }

        _large = type.Id is ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8;
        WriteOffset();
    }

    /// <summary>Bytes of value data appended so far.</summary>
    public int DataLength => _data.Length;

    public BinaryBuilder Append(ReadOnlySpan<byte> value)
    {
        _data.Append(value);
        WriteOffset();
        AppendValidSlot();
        return this;
    }

    /// <summary>Appends the UTF-8 encoding of <paramref name="value"/>.</summary>
    public BinaryBuilder Append(ReadOnlySpan<char> value)
    {
        var span = _data.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
        _data.Advance(Encoding.UTF8.GetBytes(value, span));
        WriteOffset();
        AppendValidSlot();
        return this;
    }

    public BinaryBuilder Append(string? value)
    {
        if (value is null)
        {
            AppendNull();
            return this;
        }

        return Append(value.AsSpan());
    }

    public override void AppendNull()
    {
        WriteOffset();
        AppendNullSlot();
    }

    public override void Reserve(int additional) => Reserve(additional, 0);

    public void Reserve(int additional, int additionalDataBytes)
    {
        base.Reserve(additional);
        _offsets.EnsureCapacity(checked(additional * (_large ? 8 : 4)));
        _data.EnsureCapacity(additionalDataBytes);
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity)
    {
        var data = new ArrayData(Type, length, nullCount, 0, [validity, _offsets.Build(), _data.Build()]);
        WriteOffset();
        return data;
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
            case ReadOnlyMemory<byte> m:
                Append(m.Span);
                break;
            case Memory<byte> m:
                Append(m.Span);
                break;
            default:
                throw Unsupported(Type, value);
        }
    }

    private void WriteOffset()
    {
        if (_large)
        {
            _offsets.Append((long)_data.Length);
        }
        else
        {
            _offsets.Append(_data.Length);
        }
    }
}
