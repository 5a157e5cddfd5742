using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Binding;

/// <summary>The plan an expression is bound over; subqueries in the expression append joins (and columns) to it.</summary>
public sealed class PlanHolder(LogicalOperator plan, Scope scope)
{
    public LogicalOperator Plan { get; set; } = plan;

    public Scope Scope { get; set; } = scope;
}
