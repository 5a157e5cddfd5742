using Lakehouse.Table.Expressions;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;

namespace Lakehouse.Table.Writing;

/// <summary>Per partition field of a manifest: whether a null or NaN occurs, and the lowest and highest value (field_summary 508).</summary>
internal sealed class PartitionSummaryBuilder
{
    private readonly PrimitiveType[] _types;
    private readonly bool[] _containsNull;
    private readonly bool[] _containsNaN;
    private readonly object?[] _lower;
    private readonly object?[] _upper;

    public PartitionSummaryBuilder(PrimitiveType[] types)
    {
        _types = types;
        _containsNull = new bool[types.Length];
        _containsNaN = new bool[types.Length];
        _lower = new object?[types.Length];
        _upper = new object?[types.Length];
    }

    public void Add(IReadOnlyList<object?> partition)
    {
        for (var i = 0; i < _types.Length; i++)
        {
            var v = partition[i];
            if (v is null)
            {
                _containsNull[i] = true;
                continue;
            }

            if ((v is double d && double.IsNaN(d)) || (v is float f && float.IsNaN(f)))
            {
                _containsNaN[i] = true;
                continue;
            }

            if (_lower[i] is null || Literals.Compare(v, _lower[i]!) < 0)
            {
                _lower[i] = v;
            }

            if (_upper[i] is null || Literals.Compare(v, _upper[i]!) > 0)
            {
                _upper[i] = v;
            }
        }
    }

    public List<PartitionFieldSummary> Build()
    {
        var result = new List<PartitionFieldSummary>(_types.Length);
        for (var i = 0; i < _types.Length; i++)
        {
            var floating = _types[i].TypeId is TypeId.Float or TypeId.Double;
            result.Add(new PartitionFieldSummary(
                _containsNull[i],
                floating ? _containsNaN[i] : false,
                _lower[i] is { } lo ? SingleValueBinary.ToBytes(lo, _types[i]) : null,
                _upper[i] is { } hi ? SingleValueBinary.ToBytes(hi, _types[i]) : null));
        }

        return result;
    }
}
