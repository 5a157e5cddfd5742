using System.Collections;
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

    private static IEnumerable<Node> Walk(Node node)
    {
        yield return node;
        foreach (var property in node.GetType().GetProperties())
        {
            if (property.Name == "EqualityContract" || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            foreach (var child in Children(property.GetValue(node)))
            {
                foreach (var descendant in Walk(child))
                {
                    yield return descendant;
                }
            }
        }
    }

    private static IEnumerable<Node> Children(object? value)
    {
        switch (value)
        {
            case Node node:
                yield return node;
                break;
            case string:
                break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    foreach (var child in Children(item))
                    {
                        yield return child;
                    }
                }

                break;
        }
    }
}
