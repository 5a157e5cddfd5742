using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>An arithmetic, comparison, logical or null-test operator. Comparison operands share one type.</summary>
public sealed record BoundOperator(BoundOperatorKind Kind, IReadOnlyList<BoundExpression> Operands, SqlType Type) : BoundExpression(Type)
{
    public override IReadOnlyList<BoundExpression> Children => Operands;

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Operands = children };

    public override string ToString() => Kind switch
    {
        BoundOperatorKind.Negate => $"(-{Operands[0]})",
        BoundOperatorKind.Not => $"(NOT {Operands[0]})",
        BoundOperatorKind.IsNull => $"({Operands[0]} IS NULL)",
        BoundOperatorKind.IsNotNull => $"({Operands[0]} IS NOT NULL)",
        BoundOperatorKind.And or BoundOperatorKind.Or => "(" + string.Join(Kind == BoundOperatorKind.And ? " AND " : " OR ", Operands) + ")",
        _ => $"({Operands[0]} {Symbol(Kind)} {Operands[1]})",
    };

    public static string Symbol(BoundOperatorKind kind) => kind switch
    {
        BoundOperatorKind.Add => "+",
        BoundOperatorKind.Subtract => "-",
        BoundOperatorKind.Multiply => "*",
        BoundOperatorKind.Divide => "/",
        BoundOperatorKind.Modulo => "%",
        BoundOperatorKind.Equal => "=",
        BoundOperatorKind.NotEqual => "<>",
        BoundOperatorKind.LessThan => "<",
        BoundOperatorKind.LessThanOrEqual => "<=",
        BoundOperatorKind.GreaterThan => ">",
        BoundOperatorKind.GreaterThanOrEqual => ">=",
        BoundOperatorKind.IsDistinctFrom => "IS DISTINCT FROM",
        BoundOperatorKind.IsNotDistinctFrom => "IS NOT DISTINCT FROM",
        BoundOperatorKind.Concatenate => "||",
        _ => kind.ToString(),
    };
}
