using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

public class LiteralTests
{
    [Fact]
    public void Integers()
    {
        Assert.Equal(123, Assert.IsType<IntegerLiteral>(SqlAssert.Expr("123")).Value);
        Assert.Equal(-5, Assert.IsType<IntegerLiteral>(SqlAssert.Expr("-5")).Value);
        Assert.Equal(long.MaxValue, Assert.IsType<IntegerLiteral>(SqlAssert.Expr("9223372036854775807")).Value);
        Assert.Equal(long.MinValue, Assert.IsType<IntegerLiteral>(SqlAssert.Expr("-9223372036854775808")).Value);
        Assert.Equal("9223372036854775808", Assert.IsType<DecimalLiteral>(SqlAssert.Expr("9223372036854775808")).Value);
        Assert.Equal(7, Assert.IsType<IntegerLiteral>(SqlAssert.Expr("0007")).Value);
    }

    [Fact]
    public void DecimalsAreExactAndDoublesHaveExponents()
    {
        Assert.Equal("1.50", Assert.IsType<DecimalLiteral>(SqlAssert.Expr("1.50")).Value);
        Assert.Equal("-1.50", Assert.IsType<DecimalLiteral>(SqlAssert.Expr("-1.50")).Value);
        Assert.Equal(".5", Assert.IsType<DecimalLiteral>(SqlAssert.Expr(".5")).Value);
        Assert.Equal(1000d, Assert.IsType<DoubleLiteral>(SqlAssert.Expr("1e3")).Value);
        Assert.Equal(-0.0015d, Assert.IsType<DoubleLiteral>(SqlAssert.Expr("-1.5E-3")).Value);
        Assert.Equal("1000E0", SqlFormatter.Format(SqlAssert.Expr("1e3")));
        Assert.Equal("1.5E-20", SqlFormatter.Format(SqlAssert.Expr("1.5e-20")));
    }

    [Theory]
    [InlineData("SELECT 1e999", "Parser Error: double literal out of range at or near \"1e999\" (line 1, column 8)")]
    [InlineData("SELECT 123456789012345678901234567890123456789", "Parser Error: numeric literal has more than 38 digits at or near \"123456789012345678901234567890123456789\" (line 1, column 8)")]
    public void RejectsOutOfRangeNumbers(string sql, string message)
    {
        Assert.Equal(message, SqlAssert.Error(sql).Message);
    }

    [Fact]
    public void StringsBooleansNullAndBinary()
    {
        Assert.Equal("it's", Assert.IsType<StringLiteral>(SqlAssert.Expr("'it''s'")).Value);
        Assert.True(Assert.IsType<BooleanLiteral>(SqlAssert.Expr("TRUE")).Value);
        Assert.False(Assert.IsType<BooleanLiteral>(SqlAssert.Expr("false")).Value);
        Assert.IsType<NullLiteral>(SqlAssert.Expr("NULL"));
        Assert.Equal("CAFE", Assert.IsType<BinaryLiteral>(SqlAssert.Expr("x'cafe'")).Hex);
        Assert.Equal("'it''s'", SqlFormatter.Format(SqlAssert.Expr("'it''s'")));
        Assert.Equal("X'CAFE'", SqlFormatter.Format(SqlAssert.Expr("x'cafe'")));
        Assert.Equal("'A'", SqlFormatter.Format(SqlAssert.Expr("U&'\\0041'")));
    }

    [Theory]
    [InlineData("DATE '2024-01-31'", "DATE '2024-01-31'")]
    [InlineData("date '2024-01-31'", "DATE '2024-01-31'")]
    [InlineData("TIME '12:00:01'", "TIME '12:00:01'")]
    [InlineData("TIMESTAMP '2024-01-31 12:00:00'", "TIMESTAMP '2024-01-31 12:00:00'")]
    [InlineData("TIMESTAMP '2024-01-31 12:00:00 UTC'", "TIMESTAMP '2024-01-31 12:00:00 UTC'")]
    [InlineData("TIMESTAMP WITH TIME ZONE '2024-01-31 12:00:00+02:00'", "TIMESTAMP WITH TIME ZONE '2024-01-31 12:00:00+02:00'")]
    [InlineData("DECIMAL '1.20'", "DECIMAL '1.20'")]
    [InlineData("REAL '1.5'", "REAL '1.5'")]
    [InlineData("BIGINT '42'", "BIGINT '42'")]
    [InlineData("int '42'", "INTEGER '42'")]
    [InlineData("UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59'", "UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59'")]
    [InlineData("JSON '{\"a\": 1}'", "JSON '{\"a\": 1}'")]
    [InlineData("VARBINARY 'abc'", "VARBINARY 'abc'")]
    public void TypedLiterals(string sql, string canonical)
    {
        var literal = Assert.IsType<TypedLiteral>(SqlAssert.Expr(sql));
        Assert.Equal(canonical, SqlFormatter.Format(literal));
        Assert.Equal(literal, SqlAssert.Expr(canonical));
    }

    [Fact]
    public void TypedLiteralTypes()
    {
        var date = Assert.IsType<TypedLiteral>(SqlAssert.Expr("DATE '2024-01-31'"));
        Assert.Equal("date", Assert.IsType<NamedType>(date.Type).Name);
        Assert.Equal("2024-01-31", date.Value);
        var timestamp = Assert.IsType<TypedLiteral>(SqlAssert.Expr("TIMESTAMP '2024-01-31 00:00:00'"));
        var type = Assert.IsType<DateTimeType>(timestamp.Type);
        Assert.Equal(DateTimeTypeKind.Timestamp, type.Kind);
        Assert.False(type.WithTimeZone);
        var zoned = Assert.IsType<TypedLiteral>(SqlAssert.Expr("TIMESTAMP WITH TIME ZONE 'x'"));
        Assert.True(Assert.IsType<DateTimeType>(zoned.Type).WithTimeZone);
    }

    [Theory]
    [InlineData("INTERVAL '3' DAY", "3", false, IntervalField.Day, null)]
    [InlineData("INTERVAL '1-2' YEAR TO MONTH", "1-2", false, IntervalField.Year, IntervalField.Month)]
    [InlineData("INTERVAL -'5' HOUR", "5", true, IntervalField.Hour, null)]
    [InlineData("INTERVAL + '5' MINUTE", "5", false, IntervalField.Minute, null)]
    [InlineData("interval '1 02:03:04' day to second", "1 02:03:04", false, IntervalField.Day, IntervalField.Second)]
    [InlineData("INTERVAL '2' WEEK", "2", false, IntervalField.Week, null)]
    [InlineData("INTERVAL '10' SECOND", "10", false, IntervalField.Second, null)]
    [InlineData("INTERVAL '1' MONTH", "1", false, IntervalField.Month, null)]
    public void Intervals(string sql, string value, bool negative, IntervalField from, IntervalField? to)
    {
        var interval = Assert.IsType<IntervalLiteral>(SqlAssert.Expr(sql));
        Assert.Equal(value, interval.Value);
        Assert.Equal(negative, interval.Negative);
        Assert.Equal(from, interval.From);
        Assert.Equal(to, interval.To);
        Assert.Equal(interval, SqlAssert.Expr(SqlFormatter.Format(interval)));
    }

    [Fact]
    public void ParametersAreNumberedInOrder()
    {
        var query = SqlAssert.Select("SELECT ?, $2, ? FROM t WHERE a = ?");
        var first = Assert.IsType<Parameter>(Assert.IsType<SingleColumn>(query.Select[0]).Expression);
        var dollar = Assert.IsType<Parameter>(Assert.IsType<SingleColumn>(query.Select[1]).Expression);
        var second = Assert.IsType<Parameter>(Assert.IsType<SingleColumn>(query.Select[2]).Expression);
        var third = Assert.IsType<Parameter>(Assert.IsType<BinaryExpression>(query.Where).Right);
        Assert.Equal((1, ParameterStyle.QuestionMark), (first.Number, first.Style));
        Assert.Equal((2, ParameterStyle.Dollar), (dollar.Number, dollar.Style));
        Assert.Equal(2, second.Number);
        Assert.Equal(3, third.Number);
        Assert.Equal("SELECT ?, $2, ? FROM t WHERE a = ?", SqlFormatter.Format(SqlParser.Parse("SELECT ?, $2, ? FROM t WHERE a = ?")));
    }

    [Theory]
    [InlineData("CURRENT_DATE", CurrentValue.Date, null)]
    [InlineData("current_timestamp", CurrentValue.Timestamp, null)]
    [InlineData("CURRENT_TIMESTAMP(3)", CurrentValue.Timestamp, 3)]
    [InlineData("CURRENT_TIME", CurrentValue.Time, null)]
    [InlineData("LOCALTIMESTAMP(6)", CurrentValue.LocalTimestamp, 6)]
    [InlineData("LOCALTIME", CurrentValue.LocalTime, null)]
    [InlineData("CURRENT_USER", CurrentValue.User, null)]
    [InlineData("CURRENT_SCHEMA", CurrentValue.Schema, null)]
    [InlineData("CURRENT_CATALOG", CurrentValue.Catalog, null)]
    public void CurrentValues(string sql, CurrentValue kind, int? precision)
    {
        var value = Assert.IsType<CurrentValueExpression>(SqlAssert.Expr(sql));
        Assert.Equal(kind, value.Kind);
        Assert.Equal(precision, value.Precision);
        Assert.Equal(value, SqlAssert.Expr(SqlFormatter.Format(value)));
    }
}
