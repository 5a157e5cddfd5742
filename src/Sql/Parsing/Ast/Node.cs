namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>
/// Base of every syntax node. Nodes are immutable records; equality is structural and ignores
/// <see cref="Position"/>, so a tree parsed from formatted SQL equals the original tree and the binder can
/// match a GROUP BY expression against a SELECT expression with <c>==</c>.
/// </summary>
public abstract record Node(SourcePosition Position)
{
    public virtual bool Equals(Node? other) => other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>Canonical SQL for this node (see <see cref="SqlFormatter"/>).</summary>
    public string ToSql() => SqlFormatter.Format(this);

    /// <summary>The node as canonical SQL (readable in debuggers and test failures).</summary>
    public sealed override string ToString() => ToSql();
}
