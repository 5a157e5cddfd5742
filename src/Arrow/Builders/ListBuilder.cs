using System.Collections;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds list and large_list arrays (and, through <see cref="MapBuilder"/>, maps): call <see cref="Append"/>
/// to start a list, then append its elements to <see cref="ValueBuilder"/>.
/// </summary>
public class ListBuilder : ArrayBuilder
{
    private readonly BufferBuilder _offsets = new();
    private readonly bool _large;

    public ListBuilder(ArrowType type)
        : this(type, Create(ValueTypeOf(type)))
    {
    }

    public ListBuilder(ArrowType type, ArrayBuilder valueBuilder)
        : base(type)
    {
        if (!valueBuilder.Type.Equals(ValueTypeOf(type)))
        {
            throw new ArgumentException($"value builder of {valueBuilder.Type} does not match {type}", nameof(valueBuilder));
        }

        _large = type.Id == ArrowTypeId.LargeList;
        ValueBuilder = valueBuilder;
    }

    public ArrayBuilder ValueBuilder { get; }

    /// <summary>Starts a new (valid) list; its elements are what is appended to <see cref="ValueBuilder"/> next.</summary>
    public ListBuilder Append()
    {
        WriteOffset();
        AppendValidSlot();
        return this;
    }

    public override void AppendNull()
    {
        WriteOffset();
        AppendNullSlot();
    }

    public override void Reserve(int additional)
    {
        base.Reserve(additional);
        _offsets.EnsureCapacity(checked((additional + 1) * (_large ? 8 : 4)));
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity)
    {
        WriteOffset();
        var offsets = _offsets.Build();
        var values = ValueBuilder.BuildData();
        return new ArrayData(Type, length, nullCount, 0, [validity, offsets], [values]);
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

    private static ArrowType ValueTypeOf(ArrowType type) => type switch
    {
        ListType { IsView: false } l => l.ValueType,
        MapType m => m.EntriesField.Type,
        _ => throw new ArgumentException($"{type} is not a list or map type", nameof(type)),
    };

    private void WriteOffset()
    {
        var position = ValueBuilder.Length;
        if (_large)
        {
            _offsets.Append((long)position);
        }
        else
        {
            _offsets.Append(position);
        }
    }
}
