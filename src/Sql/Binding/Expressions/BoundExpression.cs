using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>A resolved, typed expression over the columns of one operator's input (by index).</summary>
public abstract record BoundExpression(SqlType Type)
{
    /// <summary>Child expressions (for rewrites and walks).</summary>
    public abstract IReadOnlyList<BoundExpression> Children { get; }

    /// <summary>A copy with the children replaced (same count and order as <see cref="Children"/>).</summary>
    public abstract BoundExpression WithChildren(IReadOnlyList<BoundExpression> children);

    /// <summary>True when the value does not depend on the input rows (and no non-deterministic call is inside).</summary>
    public virtual bool IsConstant => Children.All(c => c.IsConstant);
}
