using System.Collections;

using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds struct arrays: for a valid row append one value to every field builder and call
/// <see cref="Append"/>; <see cref="AppendNull"/> appends a null to every field itself.
/// </summary>
public sealed class StructBuilder : ArrayBuilder
{
    private readonly ArrayBuilder[] _fields;

    public StructBuilder(StructType type)
        : base(type)
    {
        StructType = type;
        _fields = new ArrayBuilder[type.Fields.Count];
        for (var i = 0; i < _fields.Length; i++)
        {
            _fields[i] = Create(type.Fields[i].Type);
        }
    }

    public StructType StructType { get; }

    public IReadOnlyList<ArrayBuilder> FieldBuilders => _fields;

    public ArrayBuilder FieldBuilder(int index) => _fields[index];

    public TBuilder FieldBuilder<TBuilder>(int index)
        where TBuilder : ArrayBuilder => (TBuilder)_fields[index];

    /// <summary>Marks a valid row whose field values were (or will be) appended to the field builders.</summary>
    public StructBuilder Append()
    {
        AppendValidSlot();
        return this;
    }

    public override void AppendNull()
    {
        foreach (var f in _fields)
        {
            f.AppendNull();
        }

        AppendNullSlot();
    }

    public override void AppendNulls(int count)
    {
        foreach (var f in _fields)
        {
            f.AppendNulls(count);
        }

        AppendNullSlots(count);
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity)
    {
        var children = new ArrayData[_fields.Length];
        for (var i = 0; i < _fields.Length; i++)
        {
            if (_fields[i].Length != length)
            {
                throw new InvalidOperationException($"struct field '{StructType.Fields[i].Name}' has {_fields[i].Length} values, the struct {length} rows");
            }

            children[i] = _fields[i].BuildData();
        }

        return new ArrayData(Type, length, nullCount, 0, [validity], children);
    }

    protected override void AppendObjectCore(object value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> byName:
                for (var i = 0; i < _fields.Length; i++)
                {
                    _fields[i].AppendObject(byName.TryGetValue(StructType.Fields[i].Name, out var v) ? v : null);
                }

                break;
            case IList list when list.Count == _fields.Length:
                for (var i = 0; i < _fields.Length; i++)
                {
                    _fields[i].AppendObject(list[i]);
                }

                break;
            default:
                throw Unsupported(Type, value);
        }

        Append();
    }
}
