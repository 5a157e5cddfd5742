namespace Lakehouse.Sql.Planning;

/// <summary>
/// A node of the logical plan (immutable). Expressions inside refer to the input's columns by index; for
/// joins, left columns come first. The executor turns the tree into physical operators.
/// </summary>
public abstract record LogicalOperator
{
    public abstract IReadOnlyList<PlanColumn> Columns { get; }

    public abstract IReadOnlyList<LogicalOperator> Children { get; }

    public abstract LogicalOperator WithChildren(IReadOnlyList<LogicalOperator> children);

    /// <summary>The one-line EXPLAIN text of this node (without children).</summary>
    public abstract string Describe();
}
