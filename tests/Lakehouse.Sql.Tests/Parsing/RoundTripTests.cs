using Lakehouse.Sql.Parsing;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

public class RoundTripTests
{
    public static TheoryData<int> CorpusIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < SqlCorpus.Statements.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void CorpusStatementsRoundTrip(int index)
    {
        SqlAssert.RoundTrip(SqlCorpus.Statements[index]);
    }

    [Fact]
    public void WholeCorpusAsOneScript()
    {
        var script = string.Join(";\n", SqlCorpus.Statements) + ";";
        var statements = SqlParser.ParseScript(script);
        Assert.Equal(SqlCorpus.Statements.Length, statements.Count);
        var formatted = string.Join(";\n", statements.Select(s => SqlFormatter.Format(s)));
        Assert.Equal(statements, SqlParser.ParseScript(formatted));
    }

    [Fact]
    public void CaseAndWhitespaceDoNotMatter()
    {
        foreach (var sql in SqlCorpus.Statements)
        {
            var tree = SqlParser.Parse(sql);
            // Upper-casing changes string literal contents and quoted names, so only re-space here.
            var respaced = string.Join("\n  ", SqlLexer.Tokenize(sql).Where(t => t.Kind != TokenKind.EndOfInput).Select(t => sql.Substring(t.Position.Offset, t.Length)));
            Assert.Equal(tree, SqlParser.Parse(respaced));
        }

        Assert.Equal(SqlParser.Parse("select A from T where B = 1"), SqlParser.Parse("SELECT a FROM t WHERE b = 1"));
    }
}
