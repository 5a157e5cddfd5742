using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>CAST / TRY_CAST (TRY_CAST gives null instead of an error); also inserted for implicit coercions.</summary>
public sealed record BoundCast(BoundExpression Operand, SqlType Type, bool IsTry) : BoundExpression(Type)
{
    public override IReadOnlyList<BoundExpression> Children => [Operand];

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Operand = children[0] };

    public override string ToString() => $"{(IsTry ? "TRY_CAST" : "CAST")}({Operand} AS {Type})";
}
