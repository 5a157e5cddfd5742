using System.Runtime.CompilerServices;
using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

/// <summary>
/// Hand-written recursive-descent parser for the Trino-flavoured dialect documented in spec/sql.md.
/// Expressions use precedence climbing. Every failure is a <see cref="ParserException"/>; nesting beyond
/// <see cref="MaxNestingDepth"/> is a clean error instead of a stack overflow.
/// </summary>
public sealed partial class SqlParser
{
    /// <summary>Maximum nesting of parentheses, subqueries, operators chains and types in one statement.</summary>
    public const int MaxNestingDepth = 1000;

    private readonly string _sql;
    private readonly List<Token> _tokens;
    private int _pos;
    private int _depth;
    private int _parameterCount;

    // Token index of a '(' -> the error of parsing "( query )" there. Speculative parses of nested
    // parentheses ask the same question many times; remembering the answer keeps them linear.
    private readonly Dictionary<int, ParserException> _failedParenthesizedQueries = [];
    private readonly List<int> _openParenthesizedQueries = [];

    private SqlParser(string sql)
    {
        _sql = sql;
        _tokens = SqlLexer.Tokenize(sql);
    }

    /// <summary>Parses exactly one statement (a trailing semicolon is allowed).</summary>
    public static Statement Parse(string sql)
    {
        var parser = new SqlParser(sql);
        var statement = parser.ParseStatement();
        parser.Accept(TokenKind.Semicolon);
        parser.ExpectEnd();
        return statement;
    }

    /// <summary>Parses statements separated by semicolons; empty statements are skipped.</summary>
    public static IReadOnlyList<Statement> ParseScript(string sql)
    {
        var parser = new SqlParser(sql);
        var statements = new List<Statement>();
        while (true)
        {
            while (parser.Accept(TokenKind.Semicolon))
            {
            }

            if (parser.Current.Kind == TokenKind.EndOfInput)
            {
                return statements;
            }

            parser._parameterCount = 0;
            statements.Add(parser.ParseStatement());
            if (parser.Current.Kind != TokenKind.EndOfInput && !parser.Accept(TokenKind.Semicolon))
            {
                throw parser.SyntaxError();
            }
        }
    }

    /// <summary>Parses a standalone expression (e.g. a partition transform or a default value).</summary>
    public static Expression ParseExpression(string sql)
    {
        var parser = new SqlParser(sql);
        var expression = parser.ParseExpression();
        parser.ExpectEnd();
        return expression;
    }

    /// <summary>Parses a standalone type such as <c>decimal(10, 2)</c> or <c>array(row(a bigint))</c>.</summary>
    public static DataType ParseDataType(string sql)
    {
        var parser = new SqlParser(sql);
        var type = parser.ParseType();
        parser.ExpectEnd();
        return type;
    }

    /// <summary>The source text of a token for "at or near" messages (shortened when very long).</summary>
    internal static string Near(string sql, int offset, int length)
    {
        const int Max = 40;
        var text = sql.Substring(offset, Math.Min(length, sql.Length - offset));
        return text.Length <= Max ? text : text[..Max] + "...";
    }

    private Token Current => _tokens[_pos];

    private Token PeekToken(int ahead) => _tokens[Math.Min(_pos + ahead, _tokens.Count - 1)];

    private SourcePosition Position => Current.Position;

    private Token Advance()
    {
        var token = _tokens[_pos];
        if (token.Kind != TokenKind.EndOfInput)
        {
            _pos++;
        }

        return token;
    }

    private bool Check(TokenKind kind) => Current.Kind == kind;

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _pos++;
        return true;
    }

    private Token Expect(TokenKind kind, string display)
    {
        if (Current.Kind != kind)
        {
            throw SyntaxError($"\"{display}\"");
        }

        return Advance();
    }

    private bool IsKeyword(string keyword) => Current.Is(keyword);

    private bool IsKeyword(int ahead, string keyword) => PeekToken(ahead).Is(keyword);

    private bool AcceptKeyword(string keyword)
    {
        if (!Current.Is(keyword))
        {
            return false;
        }

        _pos++;
        return true;
    }

    private bool AcceptKeywords(string first, string second)
    {
        if (!Current.Is(first) || !PeekToken(1).Is(second))
        {
            return false;
        }

        _pos += 2;
        return true;
    }

    private Token ExpectKeyword(string keyword)
    {
        if (!Current.Is(keyword))
        {
            throw SyntaxError(keyword.ToUpperInvariant());
        }

        return Advance();
    }

    private void ExpectEnd()
    {
        if (Current.Kind != TokenKind.EndOfInput)
        {
            throw SyntaxError();
        }
    }

    private ParserException SyntaxError(string? expected = null) => SyntaxError(Current, expected);

    private ParserException SyntaxError(Token token, string? expected = null)
    {
        var near = token.Kind == TokenKind.EndOfInput ? null : Near(_sql, token.Position.Offset, token.Length);
        return new ParserException("syntax error", near, token.Position, expected);
    }

    private ParserException Error(Token token, string problem)
    {
        var near = token.Kind == TokenKind.EndOfInput ? null : Near(_sql, token.Position.Offset, token.Length);
        return new ParserException(problem, near, token.Position);
    }

    /// <summary>Enters one nesting level; fails cleanly when the statement is nested too deeply.</summary>
    private void Enter()
    {
        _depth++;
        if (_depth > MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ParserException(
                $"statement is too deeply nested (more than {MaxNestingDepth} levels)",
                Current.Kind == TokenKind.EndOfInput ? null : Near(_sql, Current.Position.Offset, Current.Length),
                Current.Position);
        }
    }

    private void Leave(int levels = 1) => _depth -= levels;

    private static bool IsTooDeep(ParserException e) => e.Problem.StartsWith("statement is too deeply nested", StringComparison.Ordinal);

    /// <summary>An identifier: a quoted identifier or an unquoted word that is not reserved.</summary>
    private Identifier ParseIdentifier()
    {
        var token = Current;
        if (token.Kind == TokenKind.QuotedIdentifier || (token.Kind == TokenKind.Identifier && !Keywords.IsReserved(token.Text)))
        {
            _pos++;
            return new Identifier(token.Position, token.Text);
        }

        throw SyntaxError("identifier");
    }

    private bool IsIdentifier(int ahead = 0)
    {
        var token = PeekToken(ahead);
        return token.Kind == TokenKind.QuotedIdentifier || (token.Kind == TokenKind.Identifier && !Keywords.IsReserved(token.Text));
    }

    private QualifiedName ParseQualifiedName()
    {
        var start = Position;
        var parts = new List<Identifier> { ParseIdentifier() };
        while (Check(TokenKind.Dot) && IsIdentifier(1))
        {
            _pos++;
            parts.Add(ParseIdentifier());
        }

        return new QualifiedName(start, SyntaxList.From(parts));
    }

    private SyntaxList<Identifier> ParseIdentifierList()
    {
        Expect(TokenKind.LeftParen, "(");
        var items = new List<Identifier> { ParseIdentifier() };
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseIdentifier());
        }

        Expect(TokenKind.RightParen, ")");
        return SyntaxList.From(items);
    }

    private string ParseStringValue()
    {
        if (!Check(TokenKind.String))
        {
            throw SyntaxError("string literal");
        }

        return Advance().Text;
    }

    private int ParseIntegerValue()
    {
        var token = Current;
        if (token.Kind != TokenKind.Integer)
        {
            throw SyntaxError("integer");
        }

        if (!int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            throw Error(token, "integer value out of range");
        }

        _pos++;
        return value;
    }

    /// <summary>Runs <paramref name="attempt"/>; on a syntax error rewinds and returns null (depth errors still propagate).</summary>
    private T? Try<T>(Func<T> attempt)
        where T : class
    {
        var (pos, depth, parameters, open) = (_pos, _depth, _parameterCount, _openParenthesizedQueries.Count);
        try
        {
            return attempt();
        }
        catch (ParserException e) when (!IsTooDeep(e))
        {
            // Every "( query )" the failure unwound through failed for good.
            for (var i = open; i < _openParenthesizedQueries.Count; i++)
            {
                _failedParenthesizedQueries[_openParenthesizedQueries[i]] = e;
            }

            _openParenthesizedQueries.RemoveRange(open, _openParenthesizedQueries.Count - open);
            (_pos, _depth, _parameterCount) = (pos, depth, parameters);
            return null;
        }
    }

    /// <summary>Parses "( query )" at the current '(' (failures are remembered, see <see cref="_failedParenthesizedQueries"/>).</summary>
    private Query ParseParenthesizedQuery()
    {
        var start = _pos;
        if (_failedParenthesizedQueries.TryGetValue(start, out var known))
        {
            throw known;
        }

        // No try/catch here: a rethrow per nesting level would nest exception dispatch as deep as the input.
        // Try() marks every entry still open when it catches a failure.
        _openParenthesizedQueries.Add(start);
        Expect(TokenKind.LeftParen, "(");
        var query = ParseQuery();
        Expect(TokenKind.RightParen, ")");
        _openParenthesizedQueries.RemoveAt(_openParenthesizedQueries.Count - 1);
        return query;
    }

    /// <summary>True when the tokens from <paramref name="ahead"/>, after any number of '(', start a query.</summary>
    private bool StartsQueryAfterParens(int ahead)
    {
        var i = ahead;
        while (PeekToken(i).Kind == TokenKind.LeftParen)
        {
            i++;
        }

        return IsQueryStart(PeekToken(i));
    }

    private static bool IsQueryStart(Token token) => token.Is("select") || token.Is("with") || token.Is("values") || token.Is("table");
}
