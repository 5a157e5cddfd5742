using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Operations;

/// <summary>Replaces the table's default sort order (columns by name, bound to the current schema when applied).</summary>
public sealed class ReplaceSortOrder : PendingUpdate
{
    private readonly List<(string Column, Transform Transform, SortDirection Direction, NullOrder NullOrder)> _fields = [];
    private bool _caseSensitive = true;

    public ReplaceSortOrder(TableOperations operations)
        : base(operations)
    {
    }

    public ReplaceSortOrder CaseSensitive(bool caseSensitive)
    {
        _caseSensitive = caseSensitive;
        return this;
    }

    /// <summary>Ascending, nulls first by default.</summary>
    public ReplaceSortOrder Asc(string column, NullOrder nullOrder = NullOrder.NullsFirst) => Asc(column, Transform.Identity, nullOrder);

    public ReplaceSortOrder Asc(string column, Transform transform, NullOrder nullOrder = NullOrder.NullsFirst)
    {
        _fields.Add((column, transform, SortDirection.Asc, nullOrder));
        return this;
    }

    /// <summary>Descending, nulls last by default.</summary>
    public ReplaceSortOrder Desc(string column, NullOrder nullOrder = NullOrder.NullsLast) => Desc(column, Transform.Identity, nullOrder);

    public ReplaceSortOrder Desc(string column, Transform transform, NullOrder nullOrder = NullOrder.NullsLast)
    {
        _fields.Add((column, transform, SortDirection.Desc, nullOrder));
        return this;
    }

    /// <summary>The bound sort order for <paramref name="schema"/> (order id 0; the builder assigns the real one).</summary>
    public SortOrder Bind(Schema schema)
    {
        var fields = new List<SortField>(_fields.Count);
        foreach (var (column, transform, direction, nullOrder) in _fields)
        {
            var field = schema.FindField(column, _caseSensitive) ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot sort by unknown column '{column}'");
            if (field.Type is not PrimitiveType p || !transform.CanTransform(p))
            {
                throw IcebergException.Invalid($"cannot sort by {transform}('{column}'): the transform does not apply to {field.Type}");
            }

            fields.Add(new SortField(field.Id, transform, direction, nullOrder));
        }

        return new SortOrder(0, fields);
    }

    protected override void ApplyTo(TableMetadataBuilder builder, TableMetadata baseMetadata) =>
        builder.SetDefaultSortOrder(builder.AddSortOrder(Bind(baseMetadata.CurrentSchema)));
}
