using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>A parameter whose value is not known yet (prepare only; execution binds values as constants).</summary>
public sealed record BoundParameter(int Index, SqlType Type) : BoundExpression(Type)
{
    public override IReadOnlyList<BoundExpression> Children => [];

    public override bool IsConstant => false;

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this;

    public override string ToString() => $"${Index + 1}";
}
