using Lakehouse.Sql.Functions;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>A scalar function call; arguments are already of the bound argument types.</summary>
public sealed record BoundFunctionCall(BoundScalarFunction Function, IReadOnlyList<BoundExpression> Arguments) : BoundExpression(Function.ReturnType)
{
    public override IReadOnlyList<BoundExpression> Children => Arguments;

    public override bool IsConstant => Function.IsDeterministic && base.IsConstant;

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Arguments = children };

    public override string ToString() => $"{Function.Name}({string.Join(", ", Arguments)})";
}
