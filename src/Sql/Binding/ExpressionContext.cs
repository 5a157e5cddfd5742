using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Binding;

/// <summary>Where an expression is bound: the plan/scope, the clause (for errors) and replacements for grouped/windowed forms.</summary>
public sealed class ExpressionContext(PlanHolder holder, string clause)
{
    public PlanHolder Holder { get; } = holder;

    public Scope Scope => Holder.Scope;

    public string Clause { get; } = clause;

    /// <summary>Maps a syntax node to an already computed column (GROUP BY expressions, aggregates, window calls).</summary>
    public Func<Expression, BoundExpression?>? Replace { get; init; }

    /// <summary>The scope of the enclosing query for correlated references (null when not in a subquery).</summary>
    public Scope? Outer { get; init; }
}
