using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding.Expressions;

/// <summary>A literal or folded value: <see cref="Value"/> in the value forms of ArrayFactory, stored in a one-slot array.</summary>
public sealed record BoundConstant(SqlType Type, object? Value) : BoundExpression(Type)
{
    private ArrowArray? _array;

    public override IReadOnlyList<BoundExpression> Children => [];

    public override bool IsConstant => true;

    public bool IsNull => Value is null;

    public ArrowArray Array => _array ??= ArrayFactory.Single(Type, Value);

    public static BoundConstant Null(SqlType type) => new(type, null);

    public static BoundConstant FromArray(SqlType type, ArrowArray array, int index) => new(type, ArrayFactory.GetValue(array, index, type)) { _array = index == 0 && array.Length == 1 ? array : null };

    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) => this;

    public override string ToString() => Value switch
    {
        null => "NULL",
        string s => $"'{s.Replace("'", "''", StringComparison.Ordinal)}'",
        bool b => b ? "true" : "false",
        _ => Type.IsNumeric ? Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture)! : $"{Type} '{Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture)}'",
    };
}
