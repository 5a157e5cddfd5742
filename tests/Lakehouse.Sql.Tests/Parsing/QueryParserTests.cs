using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

public class QueryParserTests
{
    [Theory]
    // select list
    [InlineData("select 1", "SELECT 1")]
    [InlineData("SELECT DISTINCT a, b FROM t", "SELECT DISTINCT a, b FROM t")]
    [InlineData("SELECT ALL a FROM t", "SELECT a FROM t")]
    [InlineData("SELECT a AS x, b y, c \"Z\" FROM t", "SELECT a AS x, b AS y, c AS \"Z\" FROM t")]
    [InlineData("SELECT *, t.*, s.t.* FROM s.t", "SELECT *, t.*, s.t.* FROM s.t")]
    [InlineData("SELECT \"My Col\" FROM \"My Table\"", "SELECT \"My Col\" FROM \"My Table\"")]
    [InlineData("SELECT a FROM cat.sch.tbl", "SELECT a FROM cat.sch.tbl")]
    [InlineData("SELECT * FROM \"t$snapshots\"", "SELECT * FROM \"t$snapshots\"")]
    [InlineData("SELECT * FROM db.\"events$history\"", "SELECT * FROM db.\"events$history\"")]
    // joins
    [InlineData("SELECT * FROM a JOIN b ON a.id = b.id", "SELECT * FROM a JOIN b ON a.id = b.id")]
    [InlineData("SELECT * FROM a INNER JOIN b USING (id, k)", "SELECT * FROM a JOIN b USING (id, k)")]
    [InlineData("SELECT * FROM a LEFT OUTER JOIN b ON x", "SELECT * FROM a LEFT JOIN b ON x")]
    [InlineData("SELECT * FROM a RIGHT JOIN b ON x", "SELECT * FROM a RIGHT JOIN b ON x")]
    [InlineData("SELECT * FROM a FULL OUTER JOIN b ON x", "SELECT * FROM a FULL JOIN b ON x")]
    [InlineData("SELECT * FROM a CROSS JOIN b", "SELECT * FROM a CROSS JOIN b")]
    [InlineData("SELECT * FROM a NATURAL JOIN b", "SELECT * FROM a NATURAL JOIN b")]
    [InlineData("SELECT * FROM a NATURAL LEFT JOIN b", "SELECT * FROM a NATURAL LEFT JOIN b")]
    [InlineData("SELECT * FROM a, b, c", "SELECT * FROM a, b, c")]
    [InlineData("SELECT * FROM a x, b AS y JOIN c ON y.k = c.k", "SELECT * FROM a AS x, b AS y JOIN c ON y.k = c.k")]
    [InlineData("SELECT * FROM a JOIN (b JOIN c ON p) ON q", "SELECT * FROM a JOIN (b JOIN c ON p) ON q")]
    [InlineData("SELECT * FROM (a JOIN b ON p) JOIN c ON q", "SELECT * FROM a JOIN b ON p JOIN c ON q")]
    [InlineData("SELECT * FROM (a, b) JOIN c ON q", "SELECT * FROM (a, b) JOIN c ON q")]
    [InlineData("SELECT * FROM (a JOIN b ON p) AS j", "SELECT * FROM (a JOIN b ON p) AS j")]
    [InlineData("SELECT * FROM (t x) AS y (c)", "SELECT * FROM (t AS x) AS y (c)")]
    [InlineData("SELECT * FROM t1 a LEFT JOIN t2 b ON a.id = b.id AND b.x > 1 LEFT JOIN t3 c ON c.id = a.id", "SELECT * FROM t1 AS a LEFT JOIN t2 AS b ON a.id = b.id AND b.x > 1 LEFT JOIN t3 AS c ON c.id = a.id")]
    // subqueries, VALUES, table functions
    [InlineData("SELECT * FROM (SELECT 1) t", "SELECT * FROM (SELECT 1) AS t")]
    [InlineData("SELECT * FROM (SELECT 1 AS a) AS t (x)", "SELECT * FROM (SELECT 1 AS a) AS t (x)")]
    [InlineData("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(id, name)", "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (id, name)")]
    [InlineData("SELECT * FROM (VALUES 1, 2) v(x)", "SELECT * FROM (VALUES 1, 2) AS v (x)")]
    [InlineData("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) u", "SELECT * FROM (SELECT 1 UNION SELECT 2) AS u")]
    [InlineData("SELECT * FROM read_parquet('data/*.parquet')", "SELECT * FROM read_parquet('data/*.parquet')")]
    [InlineData("SELECT * FROM iceberg_scan('/w/db/t') AS s", "SELECT * FROM iceberg_scan('/w/db/t') AS s")]
    [InlineData("SELECT * FROM read_csv('a.csv', header => true, delim => ';')", "SELECT * FROM read_csv('a.csv', header => TRUE, delim => ';')")]
    [InlineData("SELECT * FROM read_json('x/*.jsonl')", "SELECT * FROM read_json('x/*.jsonl')")]
    [InlineData("SELECT * FROM TABLE(sequence(1, 10))", "SELECT * FROM sequence(1, 10)")]
    [InlineData("SELECT * FROM UNNEST(ARRAY[1, 2]) AS t(x)", "SELECT * FROM UNNEST(ARRAY[1, 2]) AS t (x)")]
    [InlineData("SELECT * FROM UNNEST(a, b) WITH ORDINALITY AS t(x, y, n)", "SELECT * FROM UNNEST(a, b) WITH ORDINALITY AS t (x, y, n)")]
    [InlineData("SELECT e.id, tag FROM events e CROSS JOIN UNNEST(e.hashtags) AS h(tag)", "SELECT e.id, tag FROM events AS e CROSS JOIN UNNEST(e.hashtags) AS h (tag)")]
    [InlineData("SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.k = t.k) x", "SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.k = t.k) AS x")]
    [InlineData("SELECT * FROM t CROSS JOIN LATERAL UNNEST(t.a) AS u(v)", "SELECT * FROM t CROSS JOIN UNNEST(t.a) AS u (v)")]
    // time travel
    [InlineData("SELECT * FROM t FOR VERSION AS OF 8954597067493422955", "SELECT * FROM t FOR VERSION AS OF 8954597067493422955")]
    [InlineData("SELECT * FROM t FOR TIMESTAMP AS OF TIMESTAMP '2024-01-01 00:00:00 UTC' AS x", "SELECT * FROM t FOR TIMESTAMP AS OF TIMESTAMP '2024-01-01 00:00:00 UTC' AS x")]
    [InlineData("SELECT * FROM t FOR SYSTEM_TIME AS OF current_timestamp - INTERVAL '1' DAY", "SELECT * FROM t FOR TIMESTAMP AS OF CURRENT_TIMESTAMP - INTERVAL '1' DAY")]
    [InlineData("SELECT * FROM t FOR SYSTEM_VERSION AS OF 1", "SELECT * FROM t FOR VERSION AS OF 1")]
    // where, group by, having
    [InlineData("SELECT a FROM t WHERE a > 1 AND b IS NOT NULL", "SELECT a FROM t WHERE a > 1 AND b IS NOT NULL")]
    [InlineData("SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1", "SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1")]
    [InlineData("SELECT a, b, sum(c) FROM t GROUP BY 1, 2", "SELECT a, b, sum(c) FROM t GROUP BY 1, 2")]
    [InlineData("SELECT a x FROM t GROUP BY x", "SELECT a AS x FROM t GROUP BY x")]
    [InlineData("SELECT a, b FROM t GROUP BY ROLLUP (a, b)", "SELECT a, b FROM t GROUP BY ROLLUP (a, b)")]
    [InlineData("SELECT a, b FROM t GROUP BY CUBE (a, b)", "SELECT a, b FROM t GROUP BY CUBE (a, b)")]
    [InlineData("SELECT a, b FROM t GROUP BY GROUPING SETS ((a, b), (a), ())", "SELECT a, b FROM t GROUP BY GROUPING SETS ((a, b), (a), ())")]
    [InlineData("SELECT a, b FROM t GROUP BY GROUPING SETS (a, b)", "SELECT a, b FROM t GROUP BY GROUPING SETS ((a), (b))")]
    [InlineData("SELECT a, b, c FROM t GROUP BY a, ROLLUP (b, c), CUBE (a)", "SELECT a, b, c FROM t GROUP BY a, ROLLUP (b, c), CUBE (a)")]
    [InlineData("SELECT count(*) FROM t GROUP BY ()", "SELECT count(*) FROM t GROUP BY ()")]
    [InlineData("SELECT a FROM t GROUP BY DISTINCT ROLLUP (a)", "SELECT a FROM t GROUP BY DISTINCT ROLLUP (a)")]
    [InlineData("SELECT grouping(a, b), a FROM t GROUP BY CUBE (a, b)", "SELECT grouping(a, b), a FROM t GROUP BY CUBE (a, b)")]
    // order by, limit, offset, fetch
    [InlineData("SELECT a FROM t ORDER BY a DESC NULLS FIRST, b ASC, c NULLS LAST", "SELECT a FROM t ORDER BY a DESC NULLS FIRST, b ASC, c NULLS LAST")]
    [InlineData("SELECT a FROM t ORDER BY 1 LIMIT 10", "SELECT a FROM t ORDER BY 1 LIMIT 10")]
    [InlineData("SELECT a FROM t LIMIT 10 OFFSET 5", "SELECT a FROM t OFFSET 5 ROWS LIMIT 10")]
    [InlineData("SELECT a FROM t OFFSET 5 ROWS LIMIT 10", "SELECT a FROM t OFFSET 5 ROWS LIMIT 10")]
    [InlineData("SELECT a FROM t OFFSET 1 ROW", "SELECT a FROM t OFFSET 1 ROWS")]
    [InlineData("SELECT a FROM t LIMIT ALL", "SELECT a FROM t")]
    [InlineData("SELECT a FROM t FETCH FIRST 3 ROWS ONLY", "SELECT a FROM t LIMIT 3")]
    [InlineData("SELECT a FROM t FETCH NEXT ROW ONLY", "SELECT a FROM t LIMIT 1")]
    [InlineData("SELECT a FROM t ORDER BY a FETCH FIRST 3 ROWS WITH TIES", "SELECT a FROM t ORDER BY a FETCH FIRST 3 ROWS WITH TIES")]
    [InlineData("SELECT a FROM t LIMIT ? OFFSET ?", "SELECT a FROM t LIMIT ? OFFSET ? ROWS")]
    // set operations
    [InlineData("SELECT 1 UNION SELECT 2", "SELECT 1 UNION SELECT 2")]
    [InlineData("SELECT 1 UNION DISTINCT SELECT 2", "SELECT 1 UNION SELECT 2")]
    [InlineData("SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3", "SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3")]
    [InlineData("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3", "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3")]
    [InlineData("(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3", "(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3")]
    [InlineData("SELECT 1 EXCEPT (SELECT 2 EXCEPT SELECT 3)", "SELECT 1 EXCEPT (SELECT 2 EXCEPT SELECT 3)")]
    [InlineData("SELECT 1 INTERSECT ALL SELECT 2 EXCEPT ALL SELECT 3", "SELECT 1 INTERSECT ALL SELECT 2 EXCEPT ALL SELECT 3")]
    [InlineData("(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL (SELECT b FROM u)", "(SELECT a FROM t ORDER BY a LIMIT 1) UNION ALL SELECT b FROM u")]
    [InlineData("SELECT 1 UNION SELECT 2 ORDER BY 1 LIMIT 1", "SELECT 1 UNION SELECT 2 ORDER BY 1 LIMIT 1")]
    [InlineData("((SELECT 1))", "SELECT 1")]
    [InlineData("VALUES (1, 2), (3, 4)", "VALUES (1, 2), (3, 4)")]
    [InlineData("TABLE t", "TABLE t")]
    [InlineData("TABLE t UNION TABLE u", "TABLE t UNION TABLE u")]
    // WITH
    [InlineData("WITH a AS (SELECT 1) SELECT * FROM a", "WITH a AS (SELECT 1) SELECT * FROM a")]
    [InlineData("WITH a (x, y) AS (SELECT 1, 2), b AS (SELECT x FROM a) SELECT * FROM b", "WITH a (x, y) AS (SELECT 1, 2), b AS (SELECT x FROM a) SELECT * FROM b")]
    [InlineData("WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r", "WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r")]
    // window
    [InlineData("SELECT row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM t", "SELECT row_number() OVER (PARTITION BY a ORDER BY b DESC) FROM t")]
    [InlineData("SELECT sum(x) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t", "SELECT sum(x) OVER (ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t")]
    [InlineData("SELECT avg(x) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND INTERVAL '1' HOUR FOLLOWING) FROM t", "SELECT avg(x) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND INTERVAL '1' HOUR FOLLOWING) FROM t")]
    [InlineData("SELECT count(*) OVER (ORDER BY a GROUPS 2 PRECEDING) FROM t", "SELECT count(*) OVER (ORDER BY a GROUPS 2 PRECEDING) FROM t")]
    [InlineData("SELECT max(x) OVER (ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) FROM t", "SELECT max(x) OVER (ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) FROM t")]
    [InlineData("SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b)", "SELECT rank() OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY b)")]
    [InlineData("SELECT sum(x) OVER (w ROWS 2 PRECEDING) FROM t WINDOW w AS (ORDER BY b), v AS (w)", "SELECT sum(x) OVER (w ROWS 2 PRECEDING) FROM t WINDOW w AS (ORDER BY b), v AS (w)")]
    [InlineData("SELECT lag(x, 1) IGNORE NULLS OVER (ORDER BY t) FROM t", "SELECT lag(x, 1) IGNORE NULLS OVER (ORDER BY t) FROM t")]
    [InlineData("SELECT first_value(x) RESPECT NULLS OVER () FROM t", "SELECT first_value(x) RESPECT NULLS OVER () FROM t")]
    [InlineData("SELECT count(*) FILTER (WHERE a > 0) OVER (PARTITION BY b) FROM t", "SELECT count(*) FILTER (WHERE a > 0) OVER (PARTITION BY b) FROM t")]
    // aggregates
    [InlineData("SELECT count(DISTINCT user_id), count(*), count(1) FROM t", "SELECT count(DISTINCT user_id), count(*), count(1) FROM t")]
    [InlineData("SELECT array_agg(x ORDER BY y DESC) FROM t", "SELECT array_agg(x ORDER BY y DESC) FROM t")]
    [InlineData("SELECT string_agg(name, ', ' ORDER BY name) FROM t", "SELECT string_agg(name, ', ' ORDER BY name) FROM t")]
    [InlineData("SELECT listagg(name, ',') WITHIN GROUP (ORDER BY name) FROM t", "SELECT listagg(name, ',' ORDER BY name) FROM t")]
    [InlineData("SELECT sum(x) FILTER (WHERE y) AS s FROM t", "SELECT sum(x) FILTER (WHERE y) AS s FROM t")]
    [InlineData("SELECT approx_percentile(likes, 0.95) FROM t", "SELECT approx_percentile(likes, 0.95) FROM t")]
    [InlineData("SELECT count(ALL x) FROM t", "SELECT count(x) FROM t")]
    // aliases that look like clause words
    [InlineData("SELECT a filter, b over FROM t", "SELECT a AS filter, b AS over FROM t")]
    [InlineData("SELECT f(x) over FROM t", "SELECT f(x) AS over FROM t")]
    [InlineData("SELECT a FROM t limit 1", "SELECT a FROM t LIMIT 1")]
    [InlineData("SELECT a FROM t window", "SELECT a FROM t AS \"window\"")]
    public void ParsesAndFormatsCanonically(string sql, string canonical)
    {
        Assert.Equal(canonical, SqlAssert.Canonical(sql));
        SqlAssert.RoundTrip(sql);
    }

    [Fact]
    public void BuildsTheExpectedTree()
    {
        var query = Assert.IsType<Query>(SqlParser.Parse("SELECT a, t.b AS x FROM s.t WHERE a = 1 ORDER BY x LIMIT 5"));
        var spec = Assert.IsType<QuerySpecification>(query.Body);
        Assert.False(spec.Distinct);
        Assert.Equal(2, spec.Select.Count);
        var second = Assert.IsType<SingleColumn>(spec.Select[1]);
        Assert.Equal("x", second.Alias!.Value);
        Assert.Equal(["t", "b"], Assert.IsType<ColumnReference>(second.Expression).Name.Parts.Select(p => p.Value));
        var table = Assert.IsType<TableReference>(spec.From);
        Assert.Equal(["s", "t"], table.Name.Parts.Select(p => p.Value));
        Assert.Null(table.Version);
        var where = Assert.IsType<BinaryExpression>(spec.Where);
        Assert.Equal(BinaryOperator.Equal, where.Operator);
        Assert.Equal(new SourcePosition(36, 1, 37), where.Position);
        Assert.Equal(5, Assert.IsType<IntegerLiteral>(query.Limit!.RowCount).Value);
        Assert.Single(query.OrderBy!.Items);
    }

    [Fact]
    public void NodesCarrySourcePositions()
    {
        var spec = SqlAssert.Select("SELECT\n  price * qty AS total\nFROM orders o\nWHERE o.status = 'x'");
        var column = Assert.IsType<SingleColumn>(spec.Select[0]);
        Assert.Equal((2, 3), (column.Position.Line, column.Position.Column));
        var multiply = Assert.IsType<BinaryExpression>(column.Expression);
        Assert.Equal((2, 9), (multiply.Position.Line, multiply.Position.Column));
        Assert.Equal((2, 3), (multiply.Left.Position.Line, multiply.Left.Position.Column));
        Assert.Equal((2, 11), (multiply.Right.Position.Line, multiply.Right.Position.Column));
        var aliased = Assert.IsType<AliasedRelation>(spec.From);
        Assert.Equal((3, 6), (aliased.Position.Line, aliased.Position.Column));
        Assert.Equal((3, 13), (aliased.Alias.Position.Line, aliased.Alias.Position.Column));
        var left = Assert.IsType<ColumnReference>(Assert.IsType<BinaryExpression>(spec.Where).Left);
        Assert.Equal((4, 7), (left.Position.Line, left.Position.Column));
    }

    [Fact]
    public void SetOperationsAssociateLeftAndIntersectBindsTighter()
    {
        var query = Assert.IsType<Query>(SqlParser.Parse("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4"));
        var except = Assert.IsType<SetOperation>(query.Body);
        Assert.Equal(SetOperator.Except, except.Operator);
        var union = Assert.IsType<SetOperation>(except.Left);
        Assert.Equal(SetOperator.Union, union.Operator);
        Assert.Equal(SetOperator.Intersect, Assert.IsType<SetOperation>(union.Right).Operator);
        Assert.True(union.Distinct);
        var all = Assert.IsType<SetOperation>(Assert.IsType<Query>(SqlParser.Parse("SELECT 1 UNION ALL SELECT 2")).Body);
        Assert.False(all.Distinct);
    }

    [Fact]
    public void CommaJoinsAreImplicitJoinsAndJoinBindsTighter()
    {
        var spec = SqlAssert.Select("SELECT * FROM a, b JOIN c ON x");
        var implicitJoin = Assert.IsType<Join>(spec.From);
        Assert.Equal(JoinType.Implicit, implicitJoin.Type);
        Assert.IsType<TableReference>(implicitJoin.Left);
        var inner = Assert.IsType<Join>(implicitJoin.Right);
        Assert.Equal(JoinType.Inner, inner.Type);
        Assert.IsType<JoinOn>(inner.Criteria);
    }

    [Fact]
    public void TimeTravelAndMetadataTables()
    {
        var version = Assert.IsType<TableReference>(SqlAssert.Select("SELECT * FROM db.t FOR VERSION AS OF 42").From);
        Assert.Equal(TableVersionKind.Version, version.Version!.Kind);
        Assert.Equal(42, Assert.IsType<IntegerLiteral>(version.Version.Value).Value);
        var at = Assert.IsType<AliasedRelation>(SqlAssert.Select("SELECT * FROM t FOR TIMESTAMP AS OF TIMESTAMP '2024-01-01' x").From);
        Assert.Equal(TableVersionKind.Timestamp, Assert.IsType<TableReference>(at.Relation).Version!.Kind);
        var metadata = Assert.IsType<TableReference>(SqlAssert.Select("SELECT * FROM \"events$snapshots\"").From);
        Assert.Equal("events$snapshots", metadata.Name.Parts[0].Value);
    }

    [Fact]
    public void TableFunctionsKeepArguments()
    {
        var function = Assert.IsType<TableFunctionRelation>(SqlAssert.Select("SELECT * FROM read_csv('a.csv', header => true)").From);
        Assert.Equal("read_csv", function.Name.Parts[0].Value);
        Assert.Null(function.Arguments[0].Name);
        Assert.Equal("a.csv", Assert.IsType<StringLiteral>(function.Arguments[0].Value).Value);
        Assert.Equal("header", function.Arguments[1].Name!.Value);
        var unnest = Assert.IsType<AliasedRelation>(SqlAssert.Select("SELECT * FROM UNNEST(a, b) WITH ORDINALITY t(x, y, n)").From);
        Assert.True(Assert.IsType<UnnestRelation>(unnest.Relation).WithOrdinality);
        Assert.Equal(3, unnest.ColumnNames.Count);
    }

    [Fact]
    public void GroupingElements()
    {
        var spec = SqlAssert.Select("SELECT 1 FROM t GROUP BY a, 2, GROUPING SETS ((a, b), c, ()), ROLLUP (a), CUBE (b, c)");
        var elements = spec.GroupBy!.Elements;
        Assert.IsType<ColumnReference>(Assert.IsType<SimpleGroupBy>(elements[0]).Expression);
        Assert.Equal(2, Assert.IsType<IntegerLiteral>(Assert.IsType<SimpleGroupBy>(elements[1]).Expression).Value);
        var sets = Assert.IsType<GroupingSets>(elements[2]);
        Assert.Equal([2, 1, 0], sets.Sets.Select(s => s.Count));
        Assert.Single(Assert.IsType<Rollup>(elements[3]).Expressions);
        Assert.Equal(2, Assert.IsType<Cube>(elements[4]).Expressions.Count);
    }

    [Fact]
    public void WindowFunctionsAndFrames()
    {
        var spec = SqlAssert.Select("SELECT sum(x) FILTER (WHERE x > 0) OVER (PARTITION BY a, b ORDER BY c ROWS BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM t");
        var call = Assert.IsType<FunctionCall>(Assert.IsType<SingleColumn>(spec.Select[0]).Expression);
        Assert.NotNull(call.Filter);
        var window = Assert.IsType<WindowSpecification>(call.Over);
        Assert.Equal(2, window.PartitionBy.Count);
        Assert.Single(window.OrderBy!.Items);
        Assert.Equal(FrameUnit.Rows, window.Frame!.Unit);
        Assert.Equal(FrameBoundKind.Preceding, window.Frame.Start.Kind);
        Assert.Equal(2, Assert.IsType<IntegerLiteral>(window.Frame.Start.Offset).Value);
        Assert.Equal(FrameBoundKind.Following, window.Frame.End!.Kind);
    }

    [Fact]
    public void CountStarAndDistinctAggregates()
    {
        var spec = SqlAssert.Select("SELECT count(*), count(DISTINCT a), array_agg(a ORDER BY b) FROM t");
        var star = Assert.IsType<FunctionCall>(Assert.IsType<SingleColumn>(spec.Select[0]).Expression);
        Assert.True(star.Star);
        Assert.Empty(star.Arguments);
        var distinct = Assert.IsType<FunctionCall>(Assert.IsType<SingleColumn>(spec.Select[1]).Expression);
        Assert.True(distinct.Distinct);
        var ordered = Assert.IsType<FunctionCall>(Assert.IsType<SingleColumn>(spec.Select[2]).Expression);
        Assert.NotNull(ordered.OrderBy);
    }

    [Fact]
    public void RecursiveWithIsMarked()
    {
        var query = Assert.IsType<Query>(SqlParser.Parse("WITH RECURSIVE r AS (SELECT 1) SELECT * FROM r"));
        Assert.True(query.With!.Recursive);
    }

    [Fact]
    public void ValuesRowsAreRowConstructors()
    {
        var query = Assert.IsType<Query>(SqlParser.Parse("VALUES (1, 'a'), (2, 'b')"));
        var values = Assert.IsType<Values>(query.Body);
        Assert.Equal(2, Assert.IsType<RowConstructor>(values.Rows[0]).Fields.Count);
    }
}
