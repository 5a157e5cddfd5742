using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>Input column <see cref="Index"/>; <see cref="Name"/> is for EXPLAIN.</summary>
public sealed record BoundColumn(int Index, SqlType Type, string Name) : BoundExpression(Type)
{
    public override IReadOnlyList<BoundExpression> Children => [];

    public override bool IsConstant => false;

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this;

    public override string ToString() => $"{Name}#{Index}";
}
