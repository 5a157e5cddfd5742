using Lakehouse.Sql.Types;
using Xunit;
using static Lakehouse.Sql.Tests.Functions.FunctionHarness;

namespace Lakehouse.Sql.Tests.Functions;

/// <summary>Registered functions through the registry: binding, coercion, results against DuckDB and Trino's documentation.</summary>
public class LibraryFunctionTests
{
    private static readonly SqlType V = SqlType.Varchar;
    private static readonly SqlType B = SqlType.BigInt;
    private static readonly SqlType I = SqlType.Integer;
    private static readonly SqlType D = SqlType.Double;
    private static readonly SqlType Dt = SqlType.Date;
    private static readonly SqlType Ts = SqlType.Timestamp;

    [Fact]
    public void Binding_coerces_and_reports_candidates()
    {
        Assert.Equal("ell", Call("substr", ("hello", V), (2, I), (3, I)));
        var ex = Assert.Throws<SqlException>(() => Registry.ResolveScalar("upper", [SqlType.Integer]));
        Assert.Contains("candidates: upper(varchar) → varchar", ex.Message, StringComparison.Ordinal);
        Assert.Equal(SqlType.Decimal(4, 2), Registry.ResolveScalar("round", [SqlType.Decimal(3, 2), SqlType.Integer]).ReturnType);
        Assert.Equal(SqlType.Decimal(2, 0), Registry.ResolveScalar("round", [SqlType.Decimal(3, 2)]).ReturnType);
        Assert.Equal(SqlType.Double, Registry.ResolveScalar("greatest", [SqlType.Integer, SqlType.Double]).ReturnType);
    }

    [Fact]
    public void Trino_documentation_examples()
    {
        Assert.Equal("[a, b, c.d]", Call("split", ("a.b.c.d", V), (".", V), (3, B)));
        Assert.Equal("c", Call("split_part", ("a,b,c", V), (",", V), (3, B)));
        Assert.Null(Call("split_part", ("a,b,c", V), (",", V), (4, B)));
        Assert.Equal("3ca 3cb 14m", Call("regexp_replace", ("1a 2b 14m", V), ("(\\d+)([ab]) ", V), ("3c$2 ", V)));
        Assert.Equal("1", Call("regexp_extract", ("1a 2b 14m", V), ("\\d+", V)));
        Assert.Equal("a", Call("regexp_extract", ("1a 2b 14m", V), ("(\\d+)([a-z]+)", V), (2, B)));
        Assert.Equal("[1, 2, 14]", Call("regexp_extract_all", ("1a 2b 14m", V), ("\\d+", V)));
        Assert.Equal("true", Call("regexp_like", ("1a 2b 14m", V), ("\\d+b", V)));
        Assert.Equal("3", Call("regexp_count", ("1a 2b 14m", V), ("\\s*[a-z]+\\s*", V)));
        Assert.Equal("true", Call("json_array_contains", ("[1, 2, 3]", SqlType.Json), (2, B)));
        Assert.Equal("3", Call("json_array_length", ("[1, 2, 3]", SqlType.Json)));
        Assert.Equal("1", Call("json_extract_scalar", ("{\"a\": {\"b\": [1, 2]}}", V), ("$.a.b[0]", V)));
        Assert.Equal("[1,2]", Call("json_extract", ("{\"a\": {\"b\": [1, 2]}}", V), ("$.a.b", V)));
        Assert.Equal("3", Call("json_size", ("{\"x\": {\"a\": 1, \"b\": 2, \"c\": 3}}", V), ("$.x", V)));
        Assert.Equal("0", Call("json_size", ("{\"x\": [1, 2, 3]}", V), ("$.x[0]", V)));
        Assert.Equal("2", Call("mod", (5, B), (3, B)));
        Assert.Equal("-2", Call("mod", (-5, B), (3, B)));
        Assert.Equal("3", Call("width_bucket", (3.14, D), (0, D), (4, D), (3, B)));
        Assert.Equal("2012-09-30", Call("date_add", ("month", V), (1, B), ("2012-08-31", Dt)));
        Assert.Equal("2001-08-22 03:04:05.321000", Call("date_trunc", ("millisecond", V), ("2001-08-22 03:04:05.321", Ts)));
        Assert.Equal("2001-08-20 00:00:00", Call("date_trunc", ("week", V), ("2001-08-22 03:04:05.321", Ts)));
        Assert.Equal("2001-07-01 00:00:00", Call("date_trunc", ("quarter", V), ("2001-08-22 03:04:05.321", Ts)));
        Assert.Equal("0", Call("date_diff", ("month", V), ("2024-01-31", Dt), ("2024-02-01", Dt)));
        Assert.Equal("1", Call("date_diff", ("month", V), ("2024-01-31", Dt), ("2024-02-29", Dt)));
        Assert.Equal("-1", Call("date_diff", ("year", V), ("2021-02-28", Dt), ("2020-02-29", Dt)));
        Assert.Equal("23", Call("date_diff", ("hour", V), ("2024-01-01 00:30:00", Ts), ("2024-01-02 00:00:00", Ts)));
        Assert.Equal("Tuesday, 4 July 2023 13:05:09.12", Call("format_datetime", ("2023-07-04 13:05:09.123", Ts), ("EEEE, d MMMM yyyy HH:mm:ss.SS", V)));
        Assert.Equal("Tue Jul 4th 2023 01:05:09 PM", Call("date_format", ("2023-07-04 13:05:09.123", Ts), ("%a %b %D %Y %r", V)));
        Assert.Equal("2023-07-04 09:05:09", Call("at_timezone", (new DateTimeOffset(2023, 7, 4, 13, 5, 9, TimeSpan.Zero), SqlType.TimestampWithTimeZone), ("America/New_York", V)));
        Assert.Equal("2023-07-04 17:05:09+00", Call("with_timezone", ("2023-07-04 13:05:09", Ts), ("America/New_York", V)));
        Assert.Equal("1000000000", Call("to_unixtime", (DateTimeOffset.FromUnixTimeSeconds(1_000_000_000), SqlType.TimestampWithTimeZone)));
        Assert.Equal("2024-01-01 00:15:00", Call("date_bin", (TimeSpan.FromMinutes(15), SqlType.IntervalDayToSecond), ("2024-01-01 00:29:59", Ts)));
        Assert.Equal("2023-12-31 23:45:00", Call("date_bin", (TimeSpan.FromMinutes(15), SqlType.IntervalDayToSecond), ("2023-12-31 23:59:59", Ts), ("2000-01-01 00:00:00", Ts)));
        Assert.Equal("2", Call("if", (true, SqlType.Boolean), (2, B), (3, B)));
        Assert.Null(Call("if", (false, SqlType.Boolean), (2, B)));
        Assert.Null(Call("nullif", (2, B), (2, B)));
        Assert.Equal("5", Call("greatest", (1, B), (5, B), (3, B)));
        Assert.Null(Call("least", (1, B), (null, B)));
        Assert.Equal("65", Call("codepoint", ("A", V)));
        Assert.Equal("1.20", Call("round", ("1.15", SqlType.Decimal(3, 2)), (1, I)));
        Assert.Equal("-3", Call("round", (-2.5, D)));
        Assert.Equal("2.35", Call("round", (2.345, D), (2, B)));
        Assert.Equal("ABC", CallConstant("upper", ("abc", V)));
    }

    [Fact]
    public void Errors_are_execution_errors_with_trino_wording()
    {
        Assert.Contains("Division by zero", Assert.Throws<SqlException>(() => Call("mod", (1, B), (0, B))).Message, StringComparison.Ordinal);
        Assert.Contains("Index must be greater than zero", Assert.Throws<SqlException>(() => Call("split_part", ("a", V), (",", V), (0, B))).Message, StringComparison.Ordinal);
        Assert.Contains("Pattern has 0 groups", Assert.Throws<SqlException>(() => Call("regexp_extract", ("a", V), ("a", V), (1, B))).Message, StringComparison.Ordinal);
        Assert.Contains("is not a valid DATE field", Assert.Throws<SqlException>(() => Call("date_trunc", ("hour", V), ("2024-01-01", Dt))).Message, StringComparison.Ordinal);
        Assert.Contains("Cannot convert value to JSON", Assert.Throws<SqlException>(() => Call("json_parse", ("{a", V))).Message, StringComparison.Ordinal);
        Assert.Contains("Invalid JSON path", Assert.Throws<SqlException>(() => Call("json_extract", ("{}", V), ("a.b", V))).Message, StringComparison.Ordinal);
        Assert.Contains("Time zone not supported", Assert.Throws<SqlException>(() => Call("with_timezone", ("2023-07-04 13:05:09", Ts), ("Mars/Base", V))).Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Registered_functions_agree_with_duckdb()
    {
        var cases = new List<(string, Func<string?>)>
        {
            ("md5('hello')", () => Call("to_hex", (Hex(Call("md5", ("hello", SqlType.Varbinary))!), SqlType.Varbinary))!.ToLowerInvariant()),
            ("sha256('hello')", () => Call("to_hex", (Hex(Call("sha256", ("hello", SqlType.Varbinary))!), SqlType.Varbinary))!.ToLowerInvariant()),
            ("sha1('hello')", () => Call("to_hex", (Hex(Call("sha1", ("hello", SqlType.Varbinary))!), SqlType.Varbinary))!.ToLowerInvariant()),
            ("to_base64('hello world'::BLOB)", () => Call("to_base64", ("hello world", SqlType.Varbinary))),
            ("from_base64('aGVsbG8gd29ybGQ=')::VARCHAR", () => System.Text.Encoding.UTF8.GetString(Hex(Call("from_base64", ("aGVsbG8gd29ybGQ=", V))!))),
            ("regexp_replace('abc abc', 'b', 'X', 'g')", () => Call("regexp_replace", ("abc abc", V), ("b", V), ("X", V))),
            ("regexp_extract('a1b22c333', '[0-9]+')", () => Call("regexp_extract", ("a1b22c333", V), ("[0-9]+", V))),
            ("regexp_matches('abc', '^a.c$')", () => Call("regexp_like", ("abc", V), ("^a.c$", V))),
            ("concat('a', 'b', 'c')", () => Call("concat", ("a", V), ("b", V), ("c", V))),
            ("concat_ws('-', 'a', NULL, 'c')", () => Call("concat_ws", ("-", V), ("a", V), (null, V), ("c", V))),
            ("greatest(1.5, 2.5, 0.5)", () => Call("greatest", (1.5, D), (2.5, D), (0.5, D))),
            ("round(2.5::DOUBLE)", () => Call("round", (2.5, D))),
            ("round(-2.5::DOUBLE)", () => Call("round", (-2.5, D))),
            ("round(1234.5678::DOUBLE, 2)", () => Call("round", (1234.5678, D), (2, B))),
            ("round(1234.5678::DOUBLE, -2)", () => Call("round", (1234.5678, D), (-2, B))),
            ("round(1255::BIGINT, -1)", () => Call("round", (1255, B), (-1, B))),
            ("round(12.345::DECIMAL(5,3), 2)", () => Call("round", ("12.345", SqlType.Decimal(5, 3)), (2, I))),
            ("ceil(12.345::DECIMAL(5,3))", () => Call("ceil", ("12.345", SqlType.Decimal(5, 3)))),
            ("floor(-12.345::DECIMAL(5,3))", () => Call("floor", ("-12.345", SqlType.Decimal(5, 3)))),
            ("trunc(-12.789::DOUBLE)", () => Call("truncate", (-12.789, D))),
            ("cbrt(27.0)", () => Call("cbrt", (27.0, D))),
            ("ln(10.0)", () => Call("ln", (10.0, D))),
            ("log2(1024.0)", () => Call("log2", (1024.0, D))),
            ("power(2.0, 10.0)", () => Call("power", (2.0, D), (10.0, D))),
            ("sign(-3.5)", () => Call("sign", (-3.5, D))),
            ("date_trunc('month', TIMESTAMP '2024-05-17 10:11:12')", () => Call("date_trunc", ("month", V), ("2024-05-17 10:11:12", Ts))),
            ("date_trunc('week', DATE '2024-05-19')::DATE", () => Call("date_trunc", ("week", V), ("2024-05-19", Dt))),
            ("date_trunc('quarter', DATE '2024-05-19')::DATE", () => Call("date_trunc", ("quarter", V), ("2024-05-19", Dt))),
            ("date_add(DATE '2024-01-31', INTERVAL 1 MONTH)::DATE", () => Call("date_add", ("month", V), (1, B), ("2024-01-31", Dt))),
            ("TIMESTAMP '2024-03-10 01:30:00' + INTERVAL 90 MINUTE", () => Call("date_add", ("minute", V), (90, B), ("2024-03-10 01:30:00", Ts))),
            ("date_diff('day', DATE '2024-01-01', DATE '2024-03-01')", () => Call("date_diff", ("day", V), ("2024-01-01", Dt), ("2024-03-01", Dt))),
            ("date_diff('second', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-01 01:02:03')", () => Call("date_diff", ("second", V), ("2024-01-01 00:00:00", Ts), ("2024-01-01 01:02:03", Ts))),
            ("year(DATE '2024-05-19')", () => Call("year", ("2024-05-19", Dt))),
            ("quarter(DATE '2024-05-19')", () => Call("quarter", ("2024-05-19", Dt))),
            ("isodow(DATE '2024-05-19')", () => Call("day_of_week", ("2024-05-19", Dt))),
            ("dayofyear(DATE '2024-12-31')", () => Call("day_of_year", ("2024-12-31", Dt))),
            ("week(DATE '2021-01-03')", () => Call("week", ("2021-01-03", Dt))),
            ("isoyear(DATE '2021-01-03')", () => Call("year_of_week", ("2021-01-03", Dt))),
            ("hour(TIMESTAMP '2024-05-19 17:42:01')", () => Call("hour", ("2024-05-19 17:42:01", Ts))),
            ("millisecond(TIMESTAMP '2024-05-19 17:42:01.123')", () => Call("millisecond", ("2024-05-19 17:42:01.123", Ts)) is { } ms ? (long.Parse(ms, System.Globalization.CultureInfo.InvariantCulture) + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) : null),
            ("strftime(TIMESTAMP '2024-05-19 17:42:01', '%Y-%m-%d %H:%M:%S %j')", () => Call("date_format", ("2024-05-19 17:42:01", Ts), ("%Y-%m-%d %H:%i:%S %j", V))),
            ("time_bucket(INTERVAL 15 MINUTE, TIMESTAMP '2024-05-19 17:42:01', TIMESTAMP '1970-01-01')", () => Call("date_bin", (TimeSpan.FromMinutes(15), SqlType.IntervalDayToSecond), ("2024-05-19 17:42:01", Ts))),
            ("time_bucket(INTERVAL 3 MONTH, TIMESTAMP '2024-05-19 17:42:01', TIMESTAMP '1970-01-01')", () => Call("date_bin", (3, SqlType.IntervalYearToMonth), ("2024-05-19 17:42:01", Ts))),
            ("make_timestamp(1700000000123456)", () => Call("to_unixtime", (DateTimeOffset.FromUnixTimeMilliseconds(1700000000123).AddTicks(4560), SqlType.TimestampWithTimeZone)) is { } s ? DateTime.UnixEpoch.AddTicks((long)Math.Round(double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) * 1e7)).ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture) : null),
        };
        DuckDbEval.AssertAgree(cases);
    }

    private static byte[] Hex(string hex) => System.Convert.FromHexString(hex);
}
