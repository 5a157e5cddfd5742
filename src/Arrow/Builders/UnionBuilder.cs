using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Memory;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Builders;

/// <summary>
/// Builds sparse and dense unions. <see cref="Append(int)"/> selects the child for the next slot (sparse:
/// every other child gets a null; dense: the slot's offset points at the child's next value); then append
/// exactly one value to <see cref="Child"/>. Unions have no validity bitmap: a null is a null child value.
/// </summary>
public sealed class UnionBuilder : ArrayBuilder
{
    private readonly BufferBuilder _typeIds = new();
    private readonly BufferBuilder _offsets = new();
    private readonly ArrayBuilder[] _children;

    public UnionBuilder(UnionType type)
        : base(type)
    {
        UnionType = type;
        _children = new ArrayBuilder[type.Fields.Count];
        for (var i = 0; i < _children.Length; i++)
        {
            _children[i] = Create(type.Fields[i].Type);
        }
    }

    public UnionType UnionType { get; }

    public bool IsDense => UnionType.Mode == UnionMode.Dense;

    public override int NullCount => 0;

    public ArrayBuilder Child(int childIndex) => _children[childIndex];

    /// <summary>Starts a slot holding a value of child <paramref name="childIndex"/>; append that value to <see cref="Child"/> next.</summary>
    public UnionBuilder Append(int childIndex)
    {
        if ((uint)childIndex >= (uint)_children.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(childIndex));
        }

        _typeIds.Append((sbyte)UnionType.TypeCodes[childIndex]);
        if (IsDense)
        {
            _offsets.Append(_children[childIndex].Length);
        }
        else
        {
            for (var i = 0; i < _children.Length; i++)
            {
                if (i != childIndex)
                {
                    _children[i].AppendNull();
                }
            }
        }

        AddSlots(1);
        return this;
    }

    /// <summary>A null slot: a null in the first child.</summary>
    public override void AppendNull()
    {
        Append(0);
        _children[0].AppendNull();
    }

    protected override ArrayData BuildCore(int length, int nullCount, ArrowBuffer validity)
    {
        var children = new ArrayData[_children.Length];
        for (var i = 0; i < children.Length; i++)
        {
            if (!IsDense && _children[i].Length != length)
            {
                throw new InvalidOperationException($"sparse union child {i} has {_children[i].Length} values, the union {length} slots");
            }

            children[i] = _children[i].BuildData();
        }

        ArrowBuffer[] buffers = IsDense ? [ArrowBuffer.Empty, _typeIds.Build(), _offsets.Build()] : [ArrowBuffer.Empty, _typeIds.Build()];
        return new ArrayData(Type, length, 0, 0, buffers, children);
    }

    protected override void AppendObjectCore(object value)
    {
        if (value is not UnionValue u)
        {
            throw Unsupported(Type, value);
        }

        Append(u.ChildIndex);
        _children[u.ChildIndex].AppendObject(u.Value);
    }
}
