using Lakehouse.Sql.Parsing;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

public class ParserErrorTests
{
    [Theory]
    [InlineData("SELECT * FORM t", "Parser Error: syntax error at or near \"FORM\" (line 1, column 10)")]
    [InlineData("SELECT 1 +", "Parser Error: syntax error at end of input (line 1, column 11); expected expression")]
    [InlineData("SELECT", "Parser Error: syntax error at end of input (line 1, column 7); expected expression")]
    [InlineData("", "Parser Error: syntax error at end of input (line 1, column 1)")]
    [InlineData("   -- only a comment", "Parser Error: syntax error at end of input (line 1, column 21)")]
    [InlineData("SELECT (1", "Parser Error: syntax error at end of input (line 1, column 10); expected \")\"")]
    [InlineData("SELECT a FROM", "Parser Error: syntax error at end of input (line 1, column 14); expected identifier")]
    [InlineData("SELECT a FROM t WHERE", "Parser Error: syntax error at end of input (line 1, column 22); expected expression")]
    [InlineData("SELECT a FROM t GROUP a", "Parser Error: syntax error at or near \"a\" (line 1, column 23); expected BY")]
    [InlineData("SELECT a, FROM t", "Parser Error: syntax error at or near \"FROM\" (line 1, column 11); expected expression")]
    [InlineData("SELECT CAST(a bigint)", "Parser Error: syntax error at or near \"bigint\" (line 1, column 15); expected AS")]
    [InlineData("SELECT CASE END", "Parser Error: syntax error at or near \"END\" (line 1, column 13); expected expression")]
    [InlineData("SELECT CASE x END", "Parser Error: syntax error at or near \"END\" (line 1, column 15); expected WHEN")]
    [InlineData("SELECT * FROM a JOIN b", "Parser Error: syntax error at end of input (line 1, column 23); expected ON or USING")]
    [InlineData("SELECT * FROM a LEFT b", "Parser Error: syntax error at or near \"b\" (line 1, column 22); expected JOIN")]
    [InlineData("SELECT f(a", "Parser Error: syntax error at end of input (line 1, column 11); expected \")\"")]
    [InlineData("SELECT a NOT 1", "Parser Error: syntax error at or near \"1\" (line 1, column 14); expected BETWEEN, IN or LIKE")]
    [InlineData("SELECT a IS 1", "Parser Error: syntax error at or near \"1\" (line 1, column 13); expected NULL or DISTINCT FROM")]
    [InlineData("INSERT t VALUES 1", "Parser Error: syntax error at or near \"t\" (line 1, column 8); expected INTO")]
    [InlineData("CREATE TABLE t (a)", "Parser Error: syntax error at end of input (line 1, column 19); expected AS")]
    [InlineData("CREATE TABLE t ()", "Parser Error: syntax error at or near \")\" (line 1, column 17); expected identifier")]
    [InlineData("CREATE VIEW v AS SELECT 1", "Parser Error: syntax error at or near \"VIEW\" (line 1, column 8); expected SCHEMA or TABLE")]
    [InlineData("DROP TABLE", "Parser Error: syntax error at end of input (line 1, column 11); expected identifier")]
    [InlineData("ALTER TABLE t FOO", "Parser Error: syntax error at or near \"FOO\" (line 1, column 15); expected ADD, DROP, RENAME, SET or EXECUTE")]
    [InlineData("SHOW THINGS", "Parser Error: syntax error at or near \"THINGS\" (line 1, column 6); expected CATALOGS, SCHEMAS, TABLES, COLUMNS or CREATE TABLE")]
    [InlineData("FOO BAR", "Parser Error: syntax error at or near \"FOO\" (line 1, column 1)")]
    [InlineData("SELECT 1 ORDER x", "Parser Error: syntax error at or near \"x\" (line 1, column 16); expected BY")]
    [InlineData("SELECT * FROM t LIMIT x", "Parser Error: syntax error at or near \"x\" (line 1, column 23); expected integer or parameter")]
    [InlineData("SELECT 'a' 'b'", "Parser Error: syntax error at or near \"'b'\" (line 1, column 12)")]
    [InlineData("SELECT x FROM t WHERE a IN ()", "Parser Error: syntax error at or near \")\" (line 1, column 29); expected expression")]
    [InlineData("SELECT ARRAY[1, 2", "Parser Error: syntax error at end of input (line 1, column 18); expected \"]\"")]
    [InlineData("SELECT a[1 FROM t", "Parser Error: syntax error at or near \"FROM\" (line 1, column 12); expected \"]\"")]
    [InlineData("SELECT INTERVAL '1' CENTURY", "Parser Error: syntax error at or near \"CENTURY\" (line 1, column 21); expected YEAR, MONTH, WEEK, DAY, HOUR, MINUTE or SECOND")]
    [InlineData("SELECT count(*) OVER (ROWS BETWEEN 1 PRECEDING) FROM t", "Parser Error: syntax error at or near \")\" (line 1, column 47); expected AND")]
    [InlineData("SELECT * FROM t FOR VERSION 1", "Parser Error: syntax error at or near \"1\" (line 1, column 29); expected AS")]
    [InlineData("MERGE INTO t USING s ON a", "Parser Error: syntax error at end of input (line 1, column 26); expected WHEN")]
    [InlineData("MERGE INTO t USING s ON a WHEN MATCHED THEN INSERT VALUES (1)", "Parser Error: syntax error at or near \"INSERT\" (line 1, column 45); expected UPDATE or DELETE")]
    [InlineData("SELECT 1;;SELECT 2", "Parser Error: syntax error at or near \";\" (line 1, column 10)")]
    [InlineData("SELECT 1 FROM t\nWHERE a = = 1", "Parser Error: syntax error at or near \"=\" (line 2, column 11); expected expression")]
    [InlineData("UPDATE t SET a", "Parser Error: syntax error at end of input (line 1, column 15); expected \"=\"")]
    [InlineData("SELECT trim(BOTH 'x' s)", "Parser Error: syntax error at or near \"s\" (line 1, column 22); expected FROM")]
    [InlineData("SELECT 1 UNION", "Parser Error: syntax error at end of input (line 1, column 15); expected SELECT, VALUES, TABLE or (")]
    [InlineData("SELECT lag(x) IGNORE NULLS FROM t", "Parser Error: syntax error at or near \"FROM\" (line 1, column 28); expected OVER")]
    [InlineData("COPY t 'x'", "Parser Error: syntax error at or near \"'x'\" (line 1, column 8); expected TO")]
    [InlineData("SELECT select FROM t", "Parser Error: syntax error at or near \"select\" (line 1, column 8); expected expression")]
    [InlineData("SELECT a FROM t AS select", "Parser Error: syntax error at or near \"select\" (line 1, column 20); expected identifier")]
    [InlineData("WITH a AS SELECT 1 SELECT 2", "Parser Error: syntax error at or near \"SELECT\" (line 1, column 11); expected \"(\"")]
    [InlineData("SELECT * FROM (SELECT 1", "Parser Error: syntax error at end of input (line 1, column 24); expected \")\"")]
    [InlineData("SELECT a = b = c", "Parser Error: syntax error at or near \"=\" (line 1, column 14)")]
    [InlineData("SELECT CAST(a AS )", "Parser Error: syntax error at or near \")\" (line 1, column 18); expected type")]
    [InlineData("SELECT CAST(a AS decimal(x))", "Parser Error: syntax error at or near \"x\" (line 1, column 26); expected integer")]
    [InlineData("SELECT * FROM t NATURAL CROSS JOIN u", "Parser Error: syntax error at or near \"CROSS\" (line 1, column 25); expected JOIN")]
    [InlineData("SELECT 1 FETCH FIRST 1 ROWS", "Parser Error: syntax error at end of input (line 1, column 28); expected WITH")]
    [InlineData("SELECT a FROM t ORDER BY a NULLS", "Parser Error: syntax error at end of input (line 1, column 33); expected FIRST or LAST")]
    [InlineData("SELECT very_long_identifier_that_goes_on_and_on_and_on_forever_more FROM", "Parser Error: syntax error at end of input (line 1, column 73); expected identifier")]
    [InlineData("SELECT 1 very_long_identifier_that_goes_on_and_on_and_on_forever_more x", "Parser Error: syntax error at or near \"x\" (line 1, column 71)")]
    [InlineData("SELECT 1 FROM t WHERE 'very long string literal that goes on and on and on and on' x", "Parser Error: syntax error at or near \"x\" (line 1, column 84)")]
    [InlineData("SELECT 1 'very long string literal that goes on and on and on and on'", "Parser Error: syntax error at or near \"'very long string literal that goes on a...\" (line 1, column 10)")]
    public void ReportsPositionAndExpectation(string sql, string message)
    {
        var error = SqlAssert.Error(sql);
        Assert.Equal(message, error.Message);
        Assert.Equal(SqlErrorKind.Parser, error.Kind);
    }

    [Fact]
    public void ExposesStructuredFields()
    {
        var error = SqlAssert.Error("SELECT *\n  FORM t");
        Assert.Equal("syntax error", error.Problem);
        Assert.Equal("FORM", error.Near);
        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Equal(11, error.Position.Offset);
        Assert.Null(error.Expected);
        Assert.IsAssignableFrom<SqlException>(error);
        var end = SqlAssert.Error("SELECT (");
        Assert.Null(end.Near);
        Assert.Equal("expression", end.Expected);
    }

    [Theory]
    [InlineData(10_000, "(", ")")]
    [InlineData(10_000, "- ", "")]
    [InlineData(10_000, "NOT ", "")]
    [InlineData(10_000, "(SELECT ", ")")]
    [InlineData(10_000, "ARRAY[", "]")]
    [InlineData(10_000, "f(", ")")]
    [InlineData(10_000, "CASE WHEN x THEN ", " END")]
    [InlineData(5_000, "a[", "]")]
    public void DeepNestingIsACleanError(int depth, string open, string close)
    {
        var sql = "SELECT " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var error = SqlAssert.Error(sql);
        Assert.StartsWith("Parser Error: statement is too deeply nested (more than 1000 levels)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepQueryAndTypeNestingIsACleanError()
    {
        var queries = string.Concat(Enumerable.Repeat("SELECT * FROM (", 5_000)) + "SELECT 1" + new string(')', 5_000);
        Assert.Contains("too deeply nested", SqlAssert.Error(queries).Message, StringComparison.Ordinal);
        var parenthesizedQuery = new string('(', 10_000) + "SELECT 1" + new string(')', 10_000);
        Assert.Contains("too deeply nested", SqlAssert.Error(parenthesizedQuery).Message, StringComparison.Ordinal);
        var types = "SELECT CAST(x AS " + string.Concat(Enumerable.Repeat("array(", 5_000)) + "int" + new string(')', 5_001);
        Assert.Contains("too deeply nested", SqlAssert.Error(types).Message, StringComparison.Ordinal);
        var relations = "SELECT * FROM " + new string('(', 10_000) + "t" + new string(')', 10_000);
        Assert.Contains("too deeply nested", SqlAssert.Error(relations).Message, StringComparison.Ordinal);
        var chain = "SELECT " + string.Join(" + ", Enumerable.Range(0, 5_000));
        Assert.Contains("too deeply nested", SqlAssert.Error(chain).Message, StringComparison.Ordinal);
        var unions = string.Join(" UNION ", Enumerable.Repeat("SELECT 1", 5_000));
        Assert.Contains("too deeply nested", SqlAssert.Error(unions).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpeculativeParenthesesStayLinear()
    {
        // Each "(" could open a subquery or an expression; failed attempts are remembered, so these finish quickly
        // and without nesting exception dispatch (which once overflowed the stack).
        var expression = "SELECT " + new string('(', 900) + "(SELECT 1)" + string.Concat(Enumerable.Repeat("+1)", 900));
        SqlAssert.RoundTrip(expression);
        var relation = "SELECT * FROM " + new string('(', 900) + "(SELECT 1) t" + string.Concat(Enumerable.Repeat(" JOIN u ON x)", 900));
        SqlAssert.RoundTrip(relation);
        var inList = "SELECT a IN " + new string('(', 400) + "(SELECT 1)" + string.Concat(Enumerable.Repeat("+1)", 400));
        SqlAssert.RoundTrip(inList);
    }

    [Fact]
    public void DeepNestingOnASmallStackIsACleanError()
    {
        Exception? caught = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    SqlParser.Parse("SELECT " + new string('(', 990) + "1" + new string(')', 990));
                }
                catch (Exception e)
                {
                    caught = e;
                }
            },
            256 * 1024);
        thread.Start();
        thread.Join();
        var error = Assert.IsType<ParserException>(caught);
        Assert.Contains("too deeply nested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingWithinTheLimitParsesAndFormats()
    {
        var sql = "SELECT " + new string('(', 900) + "1" + new string(')', 900) + " + " + string.Join(" + ", Enumerable.Range(0, 50));
        SqlAssert.RoundTrip(sql);
        sql = "SELECT " + string.Join(" + ", Enumerable.Range(0, 900));
        SqlAssert.RoundTrip(sql);
        var subqueries = string.Concat(Enumerable.Repeat("SELECT * FROM (", 100)) + "SELECT 1" + new string(')', 100);
        SqlAssert.RoundTrip(subqueries);
    }
}
