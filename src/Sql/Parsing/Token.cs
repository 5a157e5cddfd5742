namespace Lakehouse.Sql.Parsing;

/// <summary>
/// One token. <see cref="Text"/> is the value: unquoted identifiers folded to lower case, quoted identifiers
/// and strings unescaped, numbers as written. <see cref="Length"/> is the length of the source text.
/// </summary>
public readonly record struct Token(TokenKind Kind, string Text, SourcePosition Position, int Length)
{
    /// <summary>True for an unquoted identifier whose folded text is <paramref name="keyword"/> (lower case).</summary>
    public bool Is(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.Ordinal);
}
