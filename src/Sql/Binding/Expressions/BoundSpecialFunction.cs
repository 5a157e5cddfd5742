using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>Engine-evaluated forms that are not library functions: row/array constructors, subscripts, field access.</summary>
public sealed record BoundSpecialFunction(string Name, IReadOnlyList<BoundExpression> Arguments, SqlType Type, int FieldIndex = -1) : BoundExpression(Type)
{
    public override IReadOnlyList<BoundExpression> Children => Arguments;

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this with { Arguments = children };

    public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";
}
