namespace Lakehouse.Table.Expressions;

/// <summary>The constant false.</summary>
public sealed class AlwaysFalse : Expression
{
    private AlwaysFalse()
    {
    }

    public static AlwaysFalse Instance { get; } = new();

    public override Expression Negate() => AlwaysTrue.Instance;

    public override string ToString() => "false";
}
