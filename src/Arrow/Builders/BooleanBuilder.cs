using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>Builds boolean arrays (bit-packed values).</summary>
public sealed class BooleanBuilder : ArrayBuilder
{
    private readonly BitmapBuilder _values = new();

    public BooleanBuilder()
        : base(ArrowType.Boolean)
    {
    }

    public BooleanBuilder Append(bool value)
    {
        _values.Append(value);
        AppendValidSlot();
        return this;
    }

    public BooleanBuilder Append(bool? value)
    {
        if (value is { } v)
        {
            Append(v);
        }
        else
        {
            AppendNull();
        }

        return this;
    }

    public BooleanBuilder Append(ReadOnlySpan<bool> values)
    {
        foreach (var v in values)
        {
            _values.Append(v);
        }

        AppendValidSlots(values.Length);
        return this;
    }

    public override void AppendNull()
    {
        _values.Append(false);
        AppendNullSlot();
    }

    public override void AppendNulls(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _values.AppendMany(false, count);
        AppendNullSlots(count);
    }

    public override void Reserve(int additional)
    {
        base.Reserve(additional);
        _values.Reserve(additional);
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity) =>
        new(Type, length, nullCount, 0, [validity, _values.Build()]);

    protected override void AppendObjectCore(object value) => Append(value is bool b ? b : throw Unsupported(Type, value));
}
