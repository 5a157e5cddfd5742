using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

/// <summary>The corpus reaches every node type, and every node found in it formats on its own.</summary>
public class SyntaxTreeCoverageTests
{
    private static readonly string[] s_extra =
    [
        "SELECT a FROM t WHERE a NOT IN (SELECT 1) AND EXISTS (SELECT 1) AND a = ANY (SELECT 1) AND b LIKE 'x' AND c BETWEEN 1 AND 2 AND d IS NULL",
        "SELECT x::int, (x).f, arr[1], -x, x -> x FROM t",
        "SELECT * FROM (SELECT 1 ORDER BY 1 LIMIT 1) x UNION (SELECT 1 ORDER BY 1 LIMIT 1)",
        "TABLE t",
        "SELECT a, b FROM t GROUP BY CUBE (a, b)",
        "SELECT * FROM t CROSS JOIN u NATURAL JOIN v JOIN w USING (k)",
        "SELECT CAST(x AS interval day to second), CAST(y AS map(varchar, array(row(a bigint))))",
    ];

    [Fact]
    public void EveryNodeTypeIsReachedAndFormats()
    {
        var seen = new HashSet<Type>();
        foreach (var sql in SqlCorpus.Statements.Concat(s_extra))
        {
            foreach (var node in Walk(SqlParser.Parse(sql)))
            {
                seen.Add(node.GetType());
                Assert.False(string.IsNullOrEmpty(SqlFormatter.Format(node)));
                Assert.Equal(SqlFormatter.Format(node), node.ToString());
            }
        }

        var all = typeof(Node).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Node)) && !t.IsAbstract).ToHashSet();
        all.ExceptWith(seen);
        Assert.Empty(all.Select(t => t.Name).Order());
    }

    [Fact]
    public void WalksChildrenInSourceOrder()
    {
        var expression = SqlParser.ParseExpression("f(a, b + 1) > (SELECT max(c) FROM t)");
        var columns = SyntaxTree.DescendantsAndSelf(expression).OfType<ColumnReference>().Select(c => c.Name.Parts[^1].Value);
        Assert.Equal(["a", "b", "c"], columns);
        var calls = SyntaxTree.DescendantsAndSelf(expression).OfType<FunctionCall>().Select(c => c.Name.Parts[0].Value);
        Assert.Equal(["f", "max"], calls);
        Assert.Equal(2, SyntaxTree.Children(expression).Count());
        var sets = SqlParser.Parse("SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), (c))");
        Assert.Equal(["a", "b", "c"], SyntaxTree.DescendantsAndSelf(sets).OfType<Identifier>().Select(i => i.Value).Where(v => v != "t"));
    }

    [Fact]
    public void WalksDeepTreesWithoutRecursion()
    {
        var chain = SqlParser.ParseExpression(string.Join(" + ", Enumerable.Range(0, 990)));
        Assert.Equal(990, SyntaxTree.DescendantsAndSelf(chain).OfType<IntegerLiteral>().Count());
    }

    private static IEnumerable<Node> Walk(Node node) => SyntaxTree.DescendantsAndSelf(node);
}
