namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Builders for <see cref="SyntaxList{T}"/> (also the target of collection expressions).</summary>
public static class SyntaxList
{
    public static SyntaxList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? default : new SyntaxList<T>(items.ToArray());

    public static SyntaxList<T> From<T>(List<T> items) => items.Count == 0 ? default : new SyntaxList<T>(items.ToArray());
}
