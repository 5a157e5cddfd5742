using System.Collections;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds fixed_size_list arrays: <see cref="Append"/> starts a list, then exactly <see cref="ListSize"/>
/// elements go to <see cref="ValueBuilder"/>; a null list appends that many null elements itself.
/// </summary>
public sealed class FixedSizeListBuilder : ArrayBuilder
{
    public FixedSizeListBuilder(FixedSizeListType type)
        : this(type, Create(type.ValueType))
    {
    }

    public FixedSizeListBuilder(FixedSizeListType type, ArrayBuilder valueBuilder)
        : base(type)
    {
        ListSize = type.ListSize;
        ValueBuilder = valueBuilder;
    }

    public int ListSize { get; }

    public ArrayBuilder ValueBuilder { get; }

    public FixedSizeListBuilder Append()
    {
        AppendValidSlot();
        return this;
    }

    public override void AppendNull()
    {
        ValueBuilder.AppendNulls(ListSize);
        AppendNullSlot();
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity)
    {
        if (ValueBuilder.Length != (long)length * ListSize)
        {
            throw new InvalidOperationException($"{Type}: {length} lists need {(long)length * ListSize} values, {ValueBuilder.Length} were appended");
        }

        return new ArrayData(Type, length, nullCount, 0, [validity], [ValueBuilder.BuildData()]);
    }

    protected override void AppendObjectCore(object value)
    {
        if (value is string or not IEnumerable)
        {
            throw Unsupported(Type, value);
        }

        var before = ValueBuilder.Length;
        Append();
        foreach (var item in (IEnumerable)value)
        {
            ValueBuilder.AppendObject(item);
        }

        if (ValueBuilder.Length - before != ListSize)
        {
            throw new ArgumentException($"{Type} needs {ListSize} elements, got {ValueBuilder.Length - before}", nameof(value));
        }
    }
}
