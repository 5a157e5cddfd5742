using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

/// <summary>Helpers shared by the parser tests.</summary>
internal static class SqlAssert
{
    /// <summary>The expression fully parenthesized (shows how precedence grouped it).</summary>
    public static string Grouping(string expression) => SqlFormatter.Format(SqlParser.ParseExpression(expression), fullyParenthesized: true);

    /// <summary>Canonical text of a statement.</summary>
    public static string Canonical(string sql) => SqlFormatter.Format(SqlParser.Parse(sql));

    /// <summary>parse -> format -> parse gives an equal tree, both formatting modes, and formatting is stable.</summary>
    public static Statement RoundTrip(string sql)
    {
        var tree = SqlParser.Parse(sql);
        var text = SqlFormatter.Format(tree);
        Statement again;
        try
        {
            again = SqlParser.Parse(text);
        }
        catch (ParserException e)
        {
            throw new Xunit.Sdk.XunitException($"formatted text does not parse: {text}\n{e.Message}");
        }

        if (!tree.Equals(again))
        {
            throw new Xunit.Sdk.XunitException($"round trip changed the tree\ninput:     {sql}\nformatted: {text}\nreformatted: {SqlFormatter.Format(again)}");
        }

        Assert.Equal(text, SqlFormatter.Format(again));
        var full = SqlFormatter.Format(tree, fullyParenthesized: true);
        var fullTree = SqlParser.Parse(full);
        if (!tree.Equals(fullTree))
        {
            throw new Xunit.Sdk.XunitException($"fully parenthesized round trip changed the tree\ninput: {sql}\nfull:  {full}");
        }

        return tree;
    }

    public static ParserException Error(string sql) => Assert.Throws<ParserException>(() => SqlParser.Parse(sql));

    public static T Single<T>(string sql)
        where T : Statement => Assert.IsType<T>(SqlParser.Parse(sql));

    public static QuerySpecification Select(string sql)
    {
        var query = Assert.IsType<Query>(SqlParser.Parse(sql));
        return Assert.IsType<QuerySpecification>(query.Body);
    }

    public static Expression Expr(string sql) => SqlParser.ParseExpression(sql);
}
