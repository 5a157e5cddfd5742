namespace Lakehouse.Sql.Parsing;

/// <summary>
/// Thrown by the lexer and parser. Message: <c>Parser Error: syntax error at or near "FORM" (line 1, column 10)</c>,
/// <c>Parser Error: syntax error at end of input (line 1, column 15)</c>, optionally followed by
/// <c>; expected …</c> when one particular thing was required.
/// </summary>
public sealed class ParserException : SqlException
{
    public ParserException(string problem, string? near, SourcePosition position, string? expected = null)
        : base(SqlErrorKind.Parser, FormatDetail(problem, near, position, expected))
    {
        Problem = problem;
        Near = near;
        Position = position;
        Expected = expected;
    }

    public ParserException()
        : this("syntax error")
    {
    }

    public ParserException(string message)
        : base(SqlErrorKind.Parser, message)
    {
        Problem = message;
    }

    public ParserException(string message, Exception innerException)
        : base(SqlErrorKind.Parser, message, innerException)
    {
        Problem = message;
    }

    /// <summary>What is wrong, e.g. "syntax error" or "unterminated quoted string".</summary>
    public string Problem { get; } = "";

    /// <summary>The offending source text (token), or null at end of input.</summary>
    public string? Near { get; }

    public SourcePosition Position { get; }

    public int Line => Position.Line;

    public int Column => Position.Column;

    /// <summary>What the parser required at this point, when a single thing was required.</summary>
    public string? Expected { get; }

    private static string FormatDetail(string problem, string? near, SourcePosition position, string? expected)
    {
        var where = near is null ? " at end of input" : $" at or near \"{near}\"";
        var tail = expected is null ? "" : "; expected " + expected;
        return $"{problem}{where} ({position}){tail}";
    }
}
