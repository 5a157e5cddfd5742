using System.Collections;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds list_view and large_list_view arrays (offsets plus sizes). Lists are appended contiguously like
/// <see cref="ListBuilder"/>: <see cref="Append"/> starts one, its elements go to <see cref="ValueBuilder"/>.
/// </summary>
public sealed class ListViewBuilder : ArrayBuilder
{
    private readonly BufferBuilder _starts = new();
    private readonly bool _large;

    public ListViewBuilder(ListType type)
        : base(type)
    {
        if (!type.IsView)
        {
            throw new ArgumentException($"{type} is not a list view type", nameof(type));
        }

        _large = type.IsLarge;
        ValueBuilder = Create(type.ValueType);
    }

    public ArrayBuilder ValueBuilder { get; }

    public ListViewBuilder Append()
    {
        _starts.Append(ValueBuilder.Length);
        AppendValidSlot();
        return this;
    }

    public override void AppendNull()
    {
        _starts.Append(ValueBuilder.Length);
        AppendNullSlot();
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity)
    {
        var starts = _starts.AsSpan<int>();
        var end = ValueBuilder.Length;
        var width = _large ? 8 : 4;
        var offsets = new BufferBuilder(Math.Max(64, length * width));
        var sizes = new BufferBuilder(Math.Max(64, length * width));
        for (var i = 0; i < length; i++)
        {
            var next = i + 1 < length ? starts[i + 1] : end;
            if (_large)
            {
                offsets.Append((long)starts[i]);
                sizes.Append((long)(next - starts[i]));
            }
            else
            {
                offsets.Append(starts[i]);
                sizes.Append(next - starts[i]);
            }
        }

        _starts.Clear();
        return new ArrayData(Type, length, nullCount, 0, [validity, offsets.Build(), sizes.Build()], [ValueBuilder.BuildData()]);
    }

    protected override void AppendObjectCore(object value)
    {
        if (value is string or not IEnumerable)
        {
            throw Unsupported(Type, value);
        }

        Append();
        foreach (var item in (IEnumerable)value)
        {
            ValueBuilder.AppendObject(item);
        }
    }
}
