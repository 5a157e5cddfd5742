using System.Globalization;
using System.Text;

namespace Lakehouse.Sql.Parsing;

/// <summary>
/// Splits SQL text into tokens with line/column positions. Keywords are not distinguished here: unquoted
/// identifiers are folded to lower case (as Trino does) and the parser compares them with keywords.
/// </summary>
public sealed class SqlLexer
{
    private readonly string _sql;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private SqlLexer(string sql)
    {
        _sql = sql;
    }

    /// <summary>All tokens of <paramref name="sql"/>, ending with one <see cref="TokenKind.EndOfInput"/>.</summary>
    public static List<Token> Tokenize(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var lexer = new SqlLexer(sql);
        var tokens = new List<Token>(Math.Min(sql.Length / 3 + 4, 1 << 16));
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == TokenKind.EndOfInput)
            {
                return tokens;
            }
        }
    }

    private SourcePosition Here => new(_pos, _line, _pos - _lineStart + 1);

    private char Peek(int ahead = 0) => _pos + ahead < _sql.Length ? _sql[_pos + ahead] : '\0';

    private bool AtEnd(int ahead = 0) => _pos + ahead >= _sql.Length;

    private void Advance()
    {
        if (_sql[_pos] == '\n')
        {
            _line++;
            _lineStart = _pos + 1;
        }

        _pos++;
    }

    private Token Next()
    {
        SkipTrivia();
        var start = Here;
        if (AtEnd())
        {
            return new Token(TokenKind.EndOfInput, "", start, 0);
        }

        var c = Peek();
        if (c == '"')
        {
            return QuotedIdentifier(start);
        }

        if (c == '\'')
        {
            return StringLiteral(start, start);
        }

        if ((c == 'u' || c == 'U') && Peek(1) == '&' && Peek(2) == '\'')
        {
            _pos += 2;
            return UnicodeString(start);
        }

        if ((c == 'x' || c == 'X') && Peek(1) == '\'')
        {
            _pos++;
            return BinaryString(start);
        }

        if (IsIdentifierStart(c))
        {
            return IdentifierOrKeyword(start);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
        {
            return Number(start);
        }

        switch (c)
        {
            case '`':
                throw Error("backquoted identifiers are not supported; use double quotes to quote identifiers", start, 1);
            case '$':
                return DollarParameter(start);
            case '?':
                return Single(TokenKind.QuestionMark, start);
            case '(':
                return Single(TokenKind.LeftParen, start);
            case ')':
                return Single(TokenKind.RightParen, start);
            case '[':
                return Single(TokenKind.LeftBracket, start);
            case ']':
                return Single(TokenKind.RightBracket, start);
            case ',':
                return Single(TokenKind.Comma, start);
            case '.':
                return Single(TokenKind.Dot, start);
            case ';':
                return Single(TokenKind.Semicolon, start);
            case '*':
                return Single(TokenKind.Star, start);
            case '+':
                return Single(TokenKind.Plus, start);
            case '/':
                return Single(TokenKind.Slash, start);
            case '%':
                return Single(TokenKind.Percent, start);
            case '-':
                return Peek(1) == '>' ? Double(TokenKind.Arrow, start) : Single(TokenKind.Minus, start);
            case '|':
                if (Peek(1) == '|')
                {
                    return Double(TokenKind.Concat, start);
                }

                break;
            case '=':
                return Peek(1) == '>' ? Double(TokenKind.FatArrow, start) : Single(TokenKind.Equal, start);
            case '!':
                if (Peek(1) == '=')
                {
                    return Double(TokenKind.NotEqual, start);
                }

                break;
            case '<':
                if (Peek(1) == '=')
                {
                    return Double(TokenKind.LessEqual, start);
                }

                return Peek(1) == '>' ? Double(TokenKind.NotEqual, start) : Single(TokenKind.Less, start);
            case '>':
                return Peek(1) == '=' ? Double(TokenKind.GreaterEqual, start) : Single(TokenKind.Greater, start);
            case ':':
                if (Peek(1) == ':')
                {
                    return Double(TokenKind.DoubleColon, start);
                }

                break;
        }

        var length = char.IsHighSurrogate(c) && char.IsLowSurrogate(Peek(1)) ? 2 : 1;
        throw Error("syntax error", start, length);
    }

    private Token Single(TokenKind kind, SourcePosition start)
    {
        _pos++;
        return new Token(kind, _sql.Substring(start.Offset, 1), start, 1);
    }

    private Token Double(TokenKind kind, SourcePosition start)
    {
        _pos += 2;
        return new Token(kind, _sql.Substring(start.Offset, 2), start, 2);
    }

    private void SkipTrivia()
    {
        while (!AtEnd())
        {
            var c = Peek();
            if (char.IsWhiteSpace(c))
            {
                Advance();
            }
            else if (c == '-' && Peek(1) == '-')
            {
                while (!AtEnd() && Peek() != '\n')
                {
                    _pos++;
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    // Block comments nest (/* a /* b */ c */), as in PostgreSQL and the SQL standard.
    private void SkipBlockComment()
    {
        var start = Here;
        _pos += 2;
        var depth = 1;
        while (depth > 0)
        {
            if (AtEnd())
            {
                throw Error("unterminated comment", start, 2);
            }

            if (Peek() == '*' && Peek(1) == '/')
            {
                _pos += 2;
                depth--;
            }
            else if (Peek() == '/' && Peek(1) == '*')
            {
                _pos += 2;
                depth++;
            }
            else
            {
                Advance();
            }
        }
    }

    private static bool IsIdentifierStart(char c) => char.IsAsciiLetter(c) || c == '_' || (c > 127 && char.IsLetter(c));

    private static bool IsIdentifierPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || (c > 127 && char.IsLetterOrDigit(c));

    private Token IdentifierOrKeyword(SourcePosition start)
    {
        while (!AtEnd() && IsIdentifierPart(Peek()))
        {
            _pos++;
        }

        var length = _pos - start.Offset;
        var text = _sql.Substring(start.Offset, length).ToLowerInvariant();
        return new Token(TokenKind.Identifier, text, start, length);
    }

    private Token QuotedIdentifier(SourcePosition start)
    {
        _pos++;
        var text = ReadQuoted('"', start, "unterminated quoted identifier");
        if (text.Length == 0)
        {
            throw Error("zero-length delimited identifier", start, _pos - start.Offset);
        }

        return new Token(TokenKind.QuotedIdentifier, text, start, _pos - start.Offset);
    }

    private Token StringLiteral(SourcePosition start, SourcePosition tokenStart)
    {
        _pos++;
        var text = ReadQuoted('\'', start, "unterminated quoted string");
        return new Token(TokenKind.String, text, tokenStart, _pos - tokenStart.Offset);
    }

    // Reads up to the closing quote; a doubled quote is one quote character. _pos is just after the opening quote.
    private string ReadQuoted(char quote, SourcePosition start, string unterminated)
    {
        StringBuilder? builder = null;
        var segment = _pos;
        while (true)
        {
            if (AtEnd())
            {
                throw Error(unterminated, start, _pos - start.Offset);
            }

            if (Peek() == quote)
            {
                if (Peek(1) == quote)
                {
                    builder ??= new StringBuilder();
                    builder.Append(_sql, segment, _pos - segment + 1);
                    _pos += 2;
                    segment = _pos;
                    continue;
                }

                var tail = _sql.AsSpan(segment, _pos - segment);
                _pos++;
                return builder is null ? tail.ToString() : builder.Append(tail).ToString();
            }

            Advance();
        }
    }

    private Token UnicodeString(SourcePosition start)
    {
        var raw = StringLiteral(new SourcePosition(_pos, start.Line, start.Column + 2), start);
        var escape = '\\';
        // Optional UESCAPE 'c'.
        var save = (_pos, _line, _lineStart);
        SkipTrivia();
        if (_pos + 7 <= _sql.Length && _sql.AsSpan(_pos, 7).Equals("uescape", StringComparison.OrdinalIgnoreCase)
            && (AtEnd(7) || !IsIdentifierPart(Peek(7))))
        {
            var escapeStart = Here;
            _pos += 7;
            SkipTrivia();
            if (Peek() != '\'')
            {
                throw Error("UESCAPE must be followed by a string literal", escapeStart, 7);
            }

            var literal = StringLiteral(Here, Here);
            if (literal.Text.Length != 1 || char.IsAsciiHexDigit(literal.Text[0]) || literal.Text[0] is '+' or '\'' or '"' or ' ')
            {
                throw Error("invalid Unicode escape character", literal.Position, literal.Length);
            }

            escape = literal.Text[0];
        }
        else
        {
            (_pos, _line, _lineStart) = save;
        }

        var value = DecodeUnicode(raw.Text, escape, start, _pos - start.Offset);
        return new Token(TokenKind.String, value, start, _pos - start.Offset);
    }

    private string DecodeUnicode(string text, char escape, SourcePosition start, int length)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != escape)
            {
                builder.Append(c);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == escape)
            {
                builder.Append(escape);
                i++;
                continue;
            }

            var digits = i + 1 < text.Length && text[i + 1] == '+' ? 6 : 4;
            var first = digits == 6 ? i + 2 : i + 1;
            if (first + digits > text.Length
                || !int.TryParse(text.AsSpan(first, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            {
                throw Error("invalid Unicode escape sequence", start, length);
            }

            builder.Append(char.ConvertFromUtf32(codePoint));
            i = first + digits - 1;
        }

        return builder.ToString();
    }

    private Token BinaryString(SourcePosition start)
    {
        var raw = StringLiteral(start, start);
        var hex = raw.Text;
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                throw Error("binary literal can only contain hexadecimal digits", start, raw.Length);
            }
        }

        if (hex.Length % 2 != 0)
        {
            throw Error("binary literal must contain an even number of digits", start, raw.Length);
        }

        return new Token(TokenKind.BinaryString, hex.ToUpperInvariant(), start, raw.Length);
    }

    private Token Number(SourcePosition start)
    {
        var kind = TokenKind.Integer;
        while (char.IsAsciiDigit(Peek()))
        {
            _pos++;
        }

        if (Peek() == '.' && !(Peek(1) == '.'))
        {
            kind = TokenKind.Decimal;
            _pos++;
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }
        }

        if ((Peek() == 'e' || Peek() == 'E')
            && (char.IsAsciiDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && char.IsAsciiDigit(Peek(2)))))
        {
            kind = TokenKind.Double;
            _pos += 2;
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }
        }

        if (!AtEnd() && IsIdentifierPart(Peek()))
        {
            while (!AtEnd() && IsIdentifierPart(Peek()))
            {
                _pos++;
            }

            throw Error("identifiers must not start with a digit; surround the identifier with double quotes", start, _pos - start.Offset);
        }

        var length = _pos - start.Offset;
        return new Token(kind, _sql.Substring(start.Offset, length), start, length);
    }

    private Token DollarParameter(SourcePosition start)
    {
        _pos++;
        while (char.IsAsciiDigit(Peek()))
        {
            _pos++;
        }

        var length = _pos - start.Offset;
        if (length == 1 || length > 10 || !int.TryParse(_sql.AsSpan(start.Offset + 1, length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
        {
            throw Error("invalid parameter; expected $1, $2, …", start, Math.Max(length, 1));
        }

        return new Token(TokenKind.DollarParameter, _sql.Substring(start.Offset + 1, length - 1), start, length);
    }

    private ParserException Error(string problem, SourcePosition start, int length)
    {
        length = Math.Min(length, _sql.Length - start.Offset);
        return new ParserException(problem, SqlParser.Near(_sql, start.Offset, length), start);
    }
}
