using Lakehouse.Sql.Binding.Expressions;

namespace Lakehouse.Sql.Planning;

/// <summary>One ORDER BY key.</summary>
public sealed record SortKey(BoundExpression Expression, bool Descending, bool NullsFirst)
{
    public override string ToString() => $"{Expression}{(Descending ? " DESC" : string.Empty)}{(NullsFirst ? " NULLS FIRST" : string.Empty)}";
}
