using Lakehouse.Sql.Parsing;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

public class LexerTests
{
    private static List<Token> Lex(string sql) => SqlLexer.Tokenize(sql);

    [Fact]
    public void FoldsUnquotedIdentifiersAndKeepsQuotedOnes()
    {
        var tokens = Lex("SeLeCt \"MyCol\", Other, \"a\"\"b\"");
        Assert.Equal(TokenKind.Identifier, tokens[0].Kind);
        Assert.Equal("select", tokens[0].Text);
        Assert.True(tokens[0].Is("select"));
        Assert.Equal(TokenKind.QuotedIdentifier, tokens[1].Kind);
        Assert.Equal("MyCol", tokens[1].Text);
        Assert.Equal("other", tokens[3].Text);
        Assert.Equal("a\"b", tokens[5].Text);
        Assert.Equal(TokenKind.EndOfInput, tokens[^1].Kind);
    }

    [Fact]
    public void QuotedKeywordIsNotAKeyword()
    {
        var tokens = Lex("\"select\"");
        Assert.False(tokens[0].Is("select"));
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("'it''s'", "it's")]
    [InlineData("''", "")]
    [InlineData("''''", "'")]
    [InlineData("'a\nb'", "a\nb")]
    [InlineData("U&'\\0041\\00e9'", "Aé")]
    [InlineData("u&'\\+01F600!'", "\U0001F600!")]
    [InlineData("U&'#0041x' UESCAPE '#'", "Ax")]
    [InlineData("U&'a\\\\b'", "a\\b")]
    [InlineData("'--not a comment'", "--not a comment")]
    public void ReadsStrings(string sql, string value)
    {
        var token = Lex(sql)[0];
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(value, token.Text);
        Assert.Equal(TokenKind.EndOfInput, Lex(sql)[1].Kind);
    }

    [Theory]
    [InlineData("X'0aFF'", "0AFF")]
    [InlineData("x''", "")]
    public void ReadsBinaryStrings(string sql, string hex)
    {
        var token = Lex(sql)[0];
        Assert.Equal(TokenKind.BinaryString, token.Kind);
        Assert.Equal(hex, token.Text);
    }

    [Theory]
    [InlineData("123", TokenKind.Integer)]
    [InlineData("0", TokenKind.Integer)]
    [InlineData("1.5", TokenKind.Decimal)]
    [InlineData("1.", TokenKind.Decimal)]
    [InlineData(".5", TokenKind.Decimal)]
    [InlineData("1e3", TokenKind.Double)]
    [InlineData("1E+3", TokenKind.Double)]
    [InlineData("1.5e-3", TokenKind.Double)]
    [InlineData(".5E2", TokenKind.Double)]
    public void ClassifiesNumbers(string sql, TokenKind kind)
    {
        var tokens = Lex(sql);
        Assert.Equal(kind, tokens[0].Kind);
        Assert.Equal(sql, tokens[0].Text);
        Assert.Equal(2, tokens.Count);
    }

    [Fact]
    public void ReadsOperators()
    {
        var kinds = Lex("|| :: -> => <> != <= >= < > = + - * / % ( ) [ ] , . ; ? $12").ConvertAll(t => t.Kind);
        Assert.Equal(
            [
                TokenKind.Concat, TokenKind.DoubleColon, TokenKind.Arrow, TokenKind.FatArrow, TokenKind.NotEqual, TokenKind.NotEqual,
                TokenKind.LessEqual, TokenKind.GreaterEqual, TokenKind.Less, TokenKind.Greater, TokenKind.Equal, TokenKind.Plus,
                TokenKind.Minus, TokenKind.Star, TokenKind.Slash, TokenKind.Percent, TokenKind.LeftParen, TokenKind.RightParen,
                TokenKind.LeftBracket, TokenKind.RightBracket, TokenKind.Comma, TokenKind.Dot, TokenKind.Semicolon,
                TokenKind.QuestionMark, TokenKind.DollarParameter, TokenKind.EndOfInput,
            ],
            kinds);
    }

    [Fact]
    public void SkipsCommentsIncludingNestedBlockComments()
    {
        var tokens = Lex("a -- line comment\n/* block /* nested */ still comment */ b/**/c");
        Assert.Equal(["a", "b", "c", ""], tokens.ConvertAll(t => t.Text));
    }

    [Fact]
    public void TracksLinesAndColumns()
    {
        var tokens = Lex("SELECT\n  a,\n\tb -- x\n  FROM 'multi\nline' t");
        Assert.Equal(new SourcePosition(0, 1, 1), tokens[0].Position);
        Assert.Equal(new SourcePosition(9, 2, 3), tokens[1].Position);
        Assert.Equal(3, tokens[3].Position.Line);
        Assert.Equal(2, tokens[3].Position.Column);
        Assert.Equal((4, 3), (tokens[4].Position.Line, tokens[4].Position.Column));
        Assert.Equal((4, 8), (tokens[5].Position.Line, tokens[5].Position.Column));
        Assert.Equal((5, 7), (tokens[6].Position.Line, tokens[6].Position.Column));
    }

    [Theory]
    [InlineData("SELECT 'abc", "Parser Error: unterminated quoted string at or near \"'abc\" (line 1, column 8)")]
    [InlineData("SELECT \"abc", "Parser Error: unterminated quoted identifier at or near \"\"abc\" (line 1, column 8)")]
    [InlineData("SELECT \"\"", "Parser Error: zero-length delimited identifier at or near \"\"\"\" (line 1, column 8)")]
    [InlineData("SELECT /* open", "Parser Error: unterminated comment at or near \"/*\" (line 1, column 8)")]
    [InlineData("SELECT `a`", "Parser Error: backquoted identifiers are not supported; use double quotes to quote identifiers at or near \"`\" (line 1, column 8)")]
    [InlineData("SELECT 1abc", "Parser Error: identifiers must not start with a digit; surround the identifier with double quotes at or near \"1abc\" (line 1, column 8)")]
    [InlineData("SELECT X'0G'", "Parser Error: binary literal can only contain hexadecimal digits at or near \"X'0G'\" (line 1, column 8)")]
    [InlineData("SELECT X'0'", "Parser Error: binary literal must contain an even number of digits at or near \"X'0'\" (line 1, column 8)")]
    [InlineData("SELECT U&'\\00'", "Parser Error: invalid Unicode escape sequence at or near \"U&'\\00'\" (line 1, column 8)")]
    [InlineData("SELECT $0", "Parser Error: invalid parameter; expected $1, $2, … at or near \"$0\" (line 1, column 8)")]
    [InlineData("SELECT $", "Parser Error: invalid parameter; expected $1, $2, … at or near \"$\" (line 1, column 8)")]
    [InlineData("SELECT 1 # 2", "Parser Error: syntax error at or near \"#\" (line 1, column 10)")]
    [InlineData("SELECT a\n  FROM t WHERE x = 'oops", "Parser Error: unterminated quoted string at or near \"'oops\" (line 2, column 20)")]
    public void ReportsLexicalErrors(string sql, string message)
    {
        Assert.Equal(message, SqlAssert.Error(sql).Message);
    }
}
