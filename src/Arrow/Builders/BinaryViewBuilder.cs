using System.Buffers.Binary;
using System.Text;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds binary_view and utf8_view arrays: 16-byte views, values up to 12 bytes inline, longer ones in
/// one variadic data buffer referenced by (prefix, buffer index 0, offset).
/// </summary>
public sealed class BinaryViewBuilder : ArrayBuilder
{
    private const int ViewSize = 16;
    private const int MaxInline = 12;
    private readonly BufferBuilder _views = new();
    private readonly BufferBuilder _data = new();

    public BinaryViewBuilder(ArrowType type)
        : base(type)
    {
        if (type.Id is not (ArrowTypeId.BinaryView or ArrowTypeId.Utf8View))
        {
            throw new ArgumentException($"{type} is not a view type", nameof(type));
        }
    }

    public BinaryViewBuilder Append(ReadOnlySpan<byte> value)
    {
        var view = _views.GetSpan(ViewSize)[..ViewSize];
        view.Clear();
        BinaryPrimitives.WriteInt32LittleEndian(view, value.Length);
        if (value.Length <= MaxInline)
        {
            value.CopyTo(view[4..]);
        }
        else
        {
            value[..4].CopyTo(view[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(view[8..], 0);
            BinaryPrimitives.WriteInt32LittleEndian(view[12..], _data.Length);
            _data.Append(value);
        }

        _views.Advance(ViewSize);
        AppendValidSlot();
        return this;
    }

    public BinaryViewBuilder Append(string? value)
    {
        if (value is null)
        {
            AppendNull();
            return this;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max <= 256)
        {
            Span<byte> scratch = stackalloc byte[max];
            return Append(scratch[..Encoding.UTF8.GetBytes(value, scratch)]);
        }

        // Long strings are encoded straight into the data buffer; the view then points at them.
        var target = _data.GetSpan(max);
        var length = Encoding.UTF8.GetBytes(value, target);
        var view = _views.GetSpan(ViewSize)[..ViewSize];
        view.Clear();
        BinaryPrimitives.WriteInt32LittleEndian(view, length);
        if (length <= MaxInline)
        {
            target[..length].CopyTo(view[4..]);
        }
        else
        {
            target[..4].CopyTo(view[4..]);
            BinaryPrimitives.WriteInt32LittleEndian(view[12..], _data.Length);
            _data.Advance(length);
        }

        _views.Advance(ViewSize);
        AppendValidSlot();
        return this;
    }

    public override void AppendNull()
    {
        _views.AppendZeros(ViewSize);
        AppendNullSlot();
    }

    public override void Reserve(int additional)
    {
        base.Reserve(additional);
        _views.EnsureCapacity(checked(additional * ViewSize));
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity)
    {
        var views = _views.Build();
        var data = _data.Build();
        ArrowBuffer[] buffers = data.IsEmpty ? [validity, views] : [validity, views, data];
        return new ArrayData(Type, length, nullCount, 0, buffers);
    }

    protected override void AppendObjectCore(object value)
    {
        switch (value)
        {
            case string s:
                Append(s);
                break;
            case byte[] b:
                Append(b.AsSpan());
                break;
            default:
                throw Unsupported(Type, value);
        }
    }
}
