namespace Lakehouse.Table.Expressions;

/// <summary>The constant true.</summary>
public sealed class AlwaysTrue : Expression
{
    private AlwaysTrue()
    {
    }

    public static AlwaysTrue Instance { get; } = new();

    public override Expression Negate() => AlwaysFalse.Instance;

    public override string ToString() => "true";
}
