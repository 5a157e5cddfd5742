using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

public class ExpressionParserTests
{
    [Theory]
    [InlineData("CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END", "CASE WHEN a > 0 THEN 'pos' WHEN a < 0 THEN 'neg' ELSE 'zero' END")]
    [InlineData("case x when 1 then 'one' end", "CASE x WHEN 1 THEN 'one' END")]
    [InlineData("CAST(a AS bigint)", "CAST(a AS bigint)")]
    [InlineData("TRY_CAST(a AS decimal(10, 2))", "TRY_CAST(a AS decimal(10, 2))")]
    [InlineData("cast(a as timestamp(6) with time zone)", "CAST(a AS timestamp(6) with time zone)")]
    [InlineData("a::varchar", "CAST(a AS varchar)")]
    [InlineData("a::array(int)::varchar", "CAST(CAST(a AS array(integer)) AS varchar)")]
    [InlineData("a IN (1, 2, 3)", "a IN (1, 2, 3)")]
    [InlineData("a NOT IN (SELECT b FROM t)", "a NOT IN (SELECT b FROM t)")]
    [InlineData("(a, b) IN (SELECT x, y FROM t)", "(a, b) IN (SELECT x, y FROM t)")]
    [InlineData("EXISTS (SELECT 1 FROM t WHERE t.a = s.a)", "EXISTS (SELECT 1 FROM t WHERE t.a = s.a)")]
    [InlineData("(SELECT max(a) FROM t)", "(SELECT max(a) FROM t)")]
    [InlineData("EXTRACT(YEAR FROM ts)", "EXTRACT(year FROM ts)")]
    [InlineData("extract(dow from ts + INTERVAL '1' DAY)", "EXTRACT(dow FROM ts + INTERVAL '1' DAY)")]
    [InlineData("position('b' IN 'abc')", "position('b', 'abc')")]
    [InlineData("substring(s FROM 2 FOR 3)", "substring(s, 2, 3)")]
    [InlineData("substring(s FROM 2)", "substring(s, 2)")]
    [InlineData("substring(s, 2, 3)", "substring(s, 2, 3)")]
    [InlineData("trim(s)", "trim(s)")]
    [InlineData("TRIM(BOTH 'x' FROM s)", "trim(s, 'x')")]
    [InlineData("TRIM(LEADING FROM s)", "ltrim(s)")]
    [InlineData("TRIM(TRAILING ' ' FROM s)", "rtrim(s, ' ')")]
    [InlineData("TRIM('x' FROM s)", "trim(s, 'x')")]
    [InlineData("ARRAY[1, 2, 3]", "ARRAY[1, 2, 3]")]
    [InlineData("ARRAY[]", "ARRAY[]")]
    [InlineData("ARRAY[ARRAY[1], ARRAY[2, 3]]", "ARRAY[ARRAY[1], ARRAY[2, 3]]")]
    [InlineData("ROW(1, 'a', NULL)", "(1, 'a', NULL)")]
    [InlineData("arr[1]", "arr[1]")]
    [InlineData("m['key']", "m['key']")]
    [InlineData("r.field", "r.field")]
    [InlineData("CAST(ROW(1, 2) AS row(a integer, b integer)).a", "CAST((1, 2) AS row(a integer, b integer)).a")]
    [InlineData("ts AT TIME ZONE 'America/New_York'", "ts AT TIME ZONE 'America/New_York'")]
    [InlineData("coalesce(a, b, 0)", "coalesce(a, b, 0)")]
    [InlineData("nullif(a, 0)", "nullif(a, 0)")]
    [InlineData("if(a > 0, 'y', 'n')", "if(a > 0, 'y', 'n')")]
    [InlineData("s.f(x)", "s.f(x)")]
    [InlineData("\"Upper\"(x)", "\"Upper\"(x)")]
    [InlineData("date_trunc('hour', ts)", "date_trunc('hour', ts)")]
    [InlineData("json_extract_scalar(body, '$.user.id')", "json_extract_scalar(body, '$.user.id')")]
    [InlineData("regexp_like(text, '#\\w+')", "regexp_like(text, '#\\w+')")]
    [InlineData("reduce(a, 0, (s, x) -> s + x, s -> s)", "reduce(a, 0, (s, x) -> s + x, s -> s)")]
    [InlineData("a LIKE '%x\\_%' ESCAPE '\\'", "a LIKE '%x\\_%' ESCAPE '\\'")]
    [InlineData("a ILIKE 'ABC%'", "a ILIKE 'ABC%'")]
    [InlineData("a NOT ILIKE 'ABC%'", "a NOT ILIKE 'ABC%'")]
    [InlineData("date '2024-01-01' + INTERVAL '1' MONTH", "DATE '2024-01-01' + INTERVAL '1' MONTH")]
    [InlineData("current_date - INTERVAL '7' DAY", "CURRENT_DATE - INTERVAL '7' DAY")]
    [InlineData("a = ? AND b = $1", "a = ? AND b = $1")]
    [InlineData("\"a\".\"B\".c", "a.\"B\".c")]
    [InlineData("t.\"select\"", "t.\"select\"")]
    [InlineData("year(ts)", "year(ts)")]
    [InlineData("\"row\"(1)", "\"row\"(1)")]
    [InlineData("\"try_cast\"(1)", "\"try_cast\"(1)")]
    [InlineData("normalize(s)", "normalize(s)")]
    public void ParsesAndFormats(string expression, string canonical)
    {
        var tree = SqlParser.ParseExpression(expression);
        var text = SqlFormatter.Format(tree);
        Assert.Equal(canonical, text);
        Assert.Equal(tree, SqlParser.ParseExpression(text));
        Assert.Equal(tree, SqlParser.ParseExpression(SqlFormatter.Format(tree, fullyParenthesized: true)));
    }

    [Fact]
    public void CaseExpressions()
    {
        var searched = Assert.IsType<CaseExpression>(SqlAssert.Expr("CASE WHEN a THEN 1 WHEN b THEN 2 END"));
        Assert.Null(searched.Operand);
        Assert.Equal(2, searched.WhenClauses.Count);
        Assert.Null(searched.Else);
        var simple = Assert.IsType<CaseExpression>(SqlAssert.Expr("CASE x WHEN 1 THEN 'a' ELSE 'b' END"));
        Assert.IsType<ColumnReference>(simple.Operand);
        Assert.IsType<StringLiteral>(simple.Else);
    }

    [Fact]
    public void Casts()
    {
        var cast = Assert.IsType<CastExpression>(SqlAssert.Expr("TRY_CAST(x AS decimal(10,2))"));
        Assert.True(cast.IsTry);
        var type = Assert.IsType<NamedType>(cast.Type);
        Assert.Equal("decimal", type.Name);
        Assert.Equal([10, 2], type.Parameters);
        var colon = Assert.IsType<CastExpression>(SqlAssert.Expr("x::int"));
        Assert.False(colon.IsTry);
        Assert.Equal("integer", Assert.IsType<NamedType>(colon.Type).Name);
    }

    [Fact]
    public void InListsAndSubqueries()
    {
        var list = Assert.IsType<InListExpression>(SqlAssert.Expr("a NOT IN (1, 2)"));
        Assert.True(list.Negated);
        Assert.Equal(2, list.Values.Count);
        var subquery = Assert.IsType<InSubqueryExpression>(SqlAssert.Expr("a IN (SELECT b FROM t)"));
        Assert.False(subquery.Negated);
        Assert.IsType<SubqueryExpression>(SqlAssert.Expr("(SELECT 1)"));
        Assert.IsType<ExistsExpression>(SqlAssert.Expr("EXISTS (SELECT 1)"));
        var quantified = Assert.IsType<QuantifiedComparison>(SqlAssert.Expr("a >= ALL (SELECT b FROM t)"));
        Assert.Equal(BinaryOperator.GreaterThanOrEqual, quantified.Operator);
        Assert.Equal(Quantifier.All, quantified.Quantifier);
    }

    [Fact]
    public void HugeInListIsFine()
    {
        var items = string.Join(", ", Enumerable.Range(0, 100_000));
        var list = Assert.IsType<InListExpression>(SqlAssert.Expr($"a IN ({items})"));
        Assert.Equal(100_000, list.Values.Count);
        Assert.Equal(99_999, Assert.IsType<IntegerLiteral>(list.Values[^1]).Value);
    }

    [Fact]
    public void LikeWithEscape()
    {
        var like = Assert.IsType<LikeExpression>(SqlAssert.Expr("name NOT LIKE 'a!%%' ESCAPE '!'"));
        Assert.True(like.Negated);
        Assert.False(like.CaseInsensitive);
        Assert.Equal("!", Assert.IsType<StringLiteral>(like.Escape).Value);
        Assert.True(Assert.IsType<LikeExpression>(SqlAssert.Expr("name ILIKE 'x'")).CaseInsensitive);
    }

    [Fact]
    public void BetweenAndIsNull()
    {
        var between = Assert.IsType<BetweenExpression>(SqlAssert.Expr("a NOT BETWEEN 1 AND 10"));
        Assert.True(between.Negated);
        Assert.Equal(10, Assert.IsType<IntegerLiteral>(between.High).Value);
        Assert.True(Assert.IsType<IsNullExpression>(SqlAssert.Expr("a IS NOT NULL")).Negated);
        Assert.Equal(BinaryOperator.IsNotDistinctFrom, Assert.IsType<BinaryExpression>(SqlAssert.Expr("a IS NOT DISTINCT FROM b")).Operator);
        Assert.Equal(BinaryOperator.IsDistinctFrom, Assert.IsType<BinaryExpression>(SqlAssert.Expr("a IS DISTINCT FROM b")).Operator);
    }

    [Fact]
    public void ColumnReferencesAndDereferences()
    {
        var column = Assert.IsType<ColumnReference>(SqlAssert.Expr("cat.sch.tbl.col"));
        Assert.Equal(["cat", "sch", "tbl", "col"], column.Name.Parts.Select(p => p.Value));
        var field = Assert.IsType<FieldReference>(SqlAssert.Expr("f(x).a"));
        Assert.Equal("a", field.Field.Value);
        var subscript = Assert.IsType<SubscriptExpression>(SqlAssert.Expr("a.b[1]"));
        Assert.IsType<ColumnReference>(subscript.Base);
        Assert.Equal("MyCol", Assert.IsType<ColumnReference>(SqlAssert.Expr("\"MyCol\"")).Name.Parts[0].Value);
        Assert.Equal("mycol", Assert.IsType<ColumnReference>(SqlAssert.Expr("MyCol")).Name.Parts[0].Value);
    }

    [Fact]
    public void LambdaExpressions()
    {
        var single = Assert.IsType<LambdaExpression>(SqlAssert.Expr("x -> x * 2"));
        Assert.Equal("x", single.Parameters[0].Value);
        var pair = Assert.IsType<LambdaExpression>(SqlAssert.Expr("(k, v) -> v > 0"));
        Assert.Equal(2, pair.Parameters.Count);
        Assert.IsType<BinaryExpression>(pair.Body);
    }

    [Fact]
    public void StructuralEqualityIgnoresPositions()
    {
        var a = SqlAssert.Expr("a + f(b, 'x')");
        var b = SqlAssert.Expr("  a   +   F( b ,'x' )");
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, SqlAssert.Expr("a + f(b, 'y')"));
        Assert.NotEqual(SqlAssert.Expr("a - b"), SqlAssert.Expr("a + b"));
        Assert.NotEqual(SqlAssert.Expr("a"), SqlAssert.Expr("\"A\""));
        Assert.Equal(SqlAssert.Expr("a"), SqlAssert.Expr("\"a\""));
    }

    [Theory]
    [InlineData("boolean", "boolean")]
    [InlineData("TINYINT", "tinyint")]
    [InlineData("smallint", "smallint")]
    [InlineData("int", "integer")]
    [InlineData("integer", "integer")]
    [InlineData("bigint", "bigint")]
    [InlineData("real", "real")]
    [InlineData("double", "double")]
    [InlineData("double precision", "double")]
    [InlineData("decimal(38, 0)", "decimal(38, 0)")]
    [InlineData("decimal", "decimal")]
    [InlineData("varchar", "varchar")]
    [InlineData("varchar(255)", "varchar(255)")]
    [InlineData("char(3)", "char(3)")]
    [InlineData("varbinary", "varbinary")]
    [InlineData("date", "date")]
    [InlineData("time", "time")]
    [InlineData("time(3)", "time(3)")]
    [InlineData("time with time zone", "time with time zone")]
    [InlineData("timestamp", "timestamp")]
    [InlineData("timestamp(6)", "timestamp(6)")]
    [InlineData("timestamp(6) with time zone", "timestamp(6) with time zone")]
    [InlineData("timestamp without time zone", "timestamp")]
    [InlineData("interval day to second", "interval day to second")]
    [InlineData("interval year to month", "interval year to month")]
    [InlineData("uuid", "uuid")]
    [InlineData("json", "json")]
    [InlineData("array(bigint)", "array(bigint)")]
    [InlineData("array<varchar>", "array(varchar)")]
    [InlineData("array(array(int))", "array(array(integer))")]
    [InlineData("array<array<int>>", "array(array(integer))")]
    [InlineData("map(varchar, bigint)", "map(varchar, bigint)")]
    [InlineData("map<varchar, array(double)>", "map(varchar, array(double))")]
    [InlineData("row(a bigint, b varchar)", "row(a bigint, b varchar)")]
    [InlineData("row(bigint, varchar(3))", "row(bigint, varchar(3))")]
    [InlineData("row(\"Name\" varchar, nested row(x double precision, t timestamp(3) with time zone))", "row(\"Name\" varchar, nested row(x double, t timestamp(3) with time zone))")]
    [InlineData("row(double precision, timestamp with time zone)", "row(double, timestamp with time zone)")]
    public void ParsesTypes(string type, string canonical)
    {
        var tree = SqlParser.ParseDataType(type);
        Assert.Equal(canonical, SqlFormatter.Format(tree));
        Assert.Equal(tree, SqlParser.ParseDataType(canonical));
    }

    [Fact]
    public void TypeNodes()
    {
        var row = Assert.IsType<RowType>(SqlParser.ParseDataType("row(a bigint, b array(map(varchar, double)))"));
        Assert.Equal("a", row.Fields[0].Name!.Value);
        var array = Assert.IsType<ArrayType>(row.Fields[1].Type);
        var map = Assert.IsType<MapType>(array.ElementType);
        Assert.Equal("varchar", Assert.IsType<NamedType>(map.KeyType).Name);
        var timestamp = Assert.IsType<DateTimeType>(SqlParser.ParseDataType("timestamp(3) with time zone"));
        Assert.Equal((DateTimeTypeKind.Timestamp, 3, true), (timestamp.Kind, timestamp.Precision, timestamp.WithTimeZone));
        var interval = Assert.IsType<IntervalType>(SqlParser.ParseDataType("interval day to second"));
        Assert.Equal((IntervalField.Day, IntervalField.Second), (interval.From, interval.To));
    }
}
