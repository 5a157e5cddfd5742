using System.Globalization;
using System.Text;

namespace Lakehouse.Sql.Tests.Differential;

/// <summary>
/// Seeded generator of random but valid queries over the logic-test Parquet files (Logic/TestData:
/// events, users, nums) whose answers must agree with DuckDB. It stays inside the common dialect of
/// Trino and DuckDB; each construct it avoids is a documented difference (spec/sql.md, "Deliberate
/// differences from Trino") and says so where it is avoided.
/// </summary>
public sealed class QueryGenerator
{
    private const string Events = "read_parquet('${DATA}/events.parquet')";
    private const string Users = "read_parquet('${DATA}/users.parquet')";
    private const string Nums = "read_parquet('${DATA}/nums.parquet')";

    private static readonly string[] s_platforms = ["'web'", "'ios'", "'android'", "'tv'", "'none'"];
    private static readonly string[] s_words = ["'sun'", "'rain'", "'snow'", "'wind'", "'fog'"];
    private static readonly string[] s_likePatterns = ["'s%'", "'%n'", "'%ai%'", "'_un%'", "'%o_'", "'w%d'"];
    private static readonly string[] s_timestamps = ["TIMESTAMP '2024-03-01 12:00:00'", "TIMESTAMP '2024-03-02 00:00:00'", "TIMESTAMP '2024-03-03 06:30:00'", "TIMESTAMP '2024-03-04 18:00:00'"];
    private static readonly string[] s_truncUnits = ["'hour'", "'day'", "'month'", "'minute'"];

    private readonly Random _random;

    // The table alias the expressions of the current query refer to (e. for events, u. for users).
    private string _e = string.Empty;

    public QueryGenerator(int seed) => _random = new Random(seed);

    public string Next() => _random.Next(15) switch
    {
        12 => NullSubquery(),
        13 => NumsWindow(),
        14 => LeftJoinAggregate(),
        0 or 1 => Projection(),
        2 or 3 => GroupBy(),
        4 => TopN(),
        5 => Join(),
        6 => Subquery(),
        7 => UnionAll(),
        8 => Window(),
        9 => NumsQuery(),
        10 => UsersQuery(),
        _ => Distinct(),
    };

    private string Projection()
    {
        _e = string.Empty;
        var items = new List<string> { "id" };
        var n = _random.Next(1, 4);
        for (var i = 0; i < n; i++)
        {
            items.Add(AnyExpr(2));
        }

        return $"SELECT {string.Join(", ", items)} FROM {Events} WHERE {Bool(2)}";
    }

    private string GroupBy()
    {
        _e = string.Empty;
        var key = Pick(["platform", "user_id", "likes % 7", "upper(platform)", "substr(text, 1, 3)", "score IS NULL", "date_trunc('day', ts)", "CAST(ts AS date)", "user_id % 3, platform", "extract(hour FROM ts)"]);
        var aggs = new List<string>();
        var n = _random.Next(1, 4);
        for (var i = 0; i < n; i++)
        {
            aggs.Add(Aggregate());
        }

        var sb = new StringBuilder($"SELECT {key}, {string.Join(", ", aggs)} FROM {Events}");
        if (_random.Next(2) == 0)
        {
            sb.Append(" WHERE ").Append(Bool(1));
        }

        sb.Append(" GROUP BY ").Append(key);
        if (_random.Next(3) == 0)
        {
            sb.Append(" HAVING ").Append(Pick(["count(*) > 3", "sum(likes) > 2000", "min(id) < 100", "max(score) > 50 OR count(*) < 5", "count(DISTINCT user_id) >= 2"]));
        }

        return sb.ToString();
    }

    private string Aggregate() => _random.Next(12) switch
    {
        0 => "count(*)",
        1 => "count(" + Pick(["user_id", "platform", "score"]) + ")",
        2 => "sum(" + Int(1) + ")",
        3 => "min(" + AnyExpr(1) + ")",
        4 => "max(" + AnyExpr(1) + ")",
        5 => "avg(" + Pick(["likes", "score", "user_id"]) + ")",
        6 => "count(DISTINCT " + Pick(["user_id", "platform", "likes % 10", "substr(text, 1, 2)"]) + ")",
        7 => "sum(score)",
        // count_if counts true values and is 0 otherwise (Trino); DuckDB's is NULL when no input is true and
        // some are NULL, so the argument is never NULL here.
        8 => "count_if(coalesce(" + Bool(1) + ", false))",
        9 => "bool_and(" + Bool(1) + ")",
        10 => "bool_or(" + Bool(1) + ")",
        _ => "sum(CASE WHEN " + Bool(1) + " THEN 1 ELSE 0 END)",
    };

    private string TopN()
    {
        _e = string.Empty;
        var order = Pick(["likes", "score", "platform", "ts", "user_id", "text", "likes % 10", "length(text)"]);
        var dir = Pick(["ASC", "DESC"]);
        var nulls = Pick(["NULLS FIRST", "NULLS LAST"]);
        var limit = _random.Next(1, 40);
        var offset = _random.Next(3) == 0 ? $" OFFSET {_random.Next(0, 20)}" : string.Empty;

        // id breaks ties so the order is total and LIMIT picks the same rows in both engines.
        return $"SELECT id, {order}, {AnyExpr(1)} FROM {Events} WHERE {Bool(1)} ORDER BY {order} {dir} {nulls}, id {Pick(["ASC", "DESC"])} LIMIT {limit}{offset}";
    }

    private string Join()
    {
        _e = "e.";
        var kind = Pick(["JOIN", "LEFT JOIN"]);
        var on = Pick(["e.user_id = u.user_id", "e.user_id = u.user_id AND u.country IS NOT NULL", "e.user_id + 1 = u.user_id", "e.user_id = u.user_id AND e.likes > 500"]);
        var where = Bool(1);
        if (_random.Next(2) == 0)
        {
            return $"SELECT u.country, count(*), sum(e.likes), count(u.name) FROM {Events} e {kind} {Users} u ON {on} WHERE {where} GROUP BY u.country";
        }

        return $"SELECT e.id, u.name, u.country, u.signup, {AnyExpr(1)} FROM {Events} e {kind} {Users} u ON {on} WHERE {where}";
    }

    private string Subquery()
    {
        _e = "e.";
        var inner = Pick(["country = 'DE'", "country IS NULL", "country IN ('US', 'JP')", "signup > DATE '2024-01-01'", "name LIKE '%1%'", "user_id > 10"]);
        var pred = _random.Next(6) switch
        {
            0 => $"e.user_id IN (SELECT user_id FROM {Users} WHERE {inner})",
            1 => $"e.user_id NOT IN (SELECT user_id FROM {Users} WHERE {inner})",
            2 => $"EXISTS (SELECT 1 FROM {Users} u WHERE u.user_id = e.user_id AND {inner})",
            3 => $"NOT EXISTS (SELECT 1 FROM {Users} u WHERE u.user_id = e.user_id AND {inner})",
            4 => $"e.likes > (SELECT avg(likes) FROM {Events})",
            // A correlated scalar subquery must select one bare aggregate (spec/sql.md, not yet supported otherwise).
            _ => $"e.likes + 300 > (SELECT max(i.likes) FROM {Events} i WHERE i.platform = e.platform)",
        };
        return $"SELECT e.id, {AnyExpr(1)} FROM {Events} e WHERE {pred} AND {Bool(1)}";
    }

    /// <summary>IN/NOT IN/EXISTS against a subquery whose values include NULL (nums.x).</summary>
    private string NullSubquery()
    {
        _e = "e.";
        var key = Pick(["e.likes % 100", "e.user_id - 10", "e.likes % 50 - 10", "CASE WHEN e.score IS NULL THEN NULL ELSE e.likes % 20 END"]);
        var inner = Pick(["true", "n > 3", "x IS NOT NULL", "grp = 'a'", "n < 0"]);
        var pred = _random.Next(4) switch
        {
            0 => $"{key} IN (SELECT x FROM {Nums} WHERE {inner})",
            1 => $"{key} NOT IN (SELECT x FROM {Nums} WHERE {inner})",
            2 => $"NOT ({key} IN (SELECT x FROM {Nums} WHERE {inner}))",
            _ => $"EXISTS (SELECT 1 FROM {Nums} WHERE x = {key} AND {inner})",
        };
        return _random.Next(2) == 0
            ? $"SELECT e.id, {key} FROM {Events} e WHERE {pred}"
            : $"SELECT e.id, {pred} FROM {Events} e WHERE e.id < 60";
    }

    private string NumsWindow()
    {
        _e = string.Empty;
        var part = Pick(["", "PARTITION BY grp ", "PARTITION BY x IS NULL "]);
        var order = Pick(["ORDER BY n", "ORDER BY x NULLS FIRST, n", "ORDER BY amount DESC, n"]);
        var frame = Pick(["", " ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING", " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW", " ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING", " ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING"]);
        var fn = Pick(["sum(amount)", "sum(x)", "min(x)", "max(amount)", "count(x)", "count(*)", "avg(x)", "first_value(x)", "last_value(amount)"]);
        var rank = Pick(["row_number()", "rank()", "dense_rank()", "percent_rank()", "ntile(3)", "lag(x)", "lead(amount, 2)"]);
        return $"SELECT n, {fn} OVER ({part}{order}{frame}), {rank} OVER ({part}{order}) FROM {Nums}";
    }

    private string LeftJoinAggregate()
    {
        _e = "e.";
        var key = Pick(["u.country", "u.name", "e.platform", "u.signup"]);
        var agg = Pick(["count(*)", "count(e.id)", "sum(e.likes)", "max(e.score)", "min(e.ts)", "count(DISTINCT e.platform)", "avg(e.likes)"]);
        var side = _random.Next(2) == 0
            ? $"{Users} u LEFT JOIN {Events} e ON u.user_id = e.user_id AND {Bool(1)}"
            : $"{Events} e LEFT JOIN {Users} u ON u.user_id = e.user_id AND u.country <> 'US'";
        return $"SELECT {key}, {agg} FROM {side} GROUP BY {key}";
    }

    private string UnionAll()
    {
        _e = string.Empty;
        var a = AnyExprOf(_random.Next(3));
        return $"SELECT id, {a.Item1} FROM {Events} WHERE {Bool(1)} UNION ALL SELECT id + 1000, {a.Item2} FROM {Events} WHERE {Bool(1)}";
    }

    private (string, string) AnyExprOf(int kind) => kind switch
    {
        0 => (Int(1), Int(1)),
        1 => (Str(1), Str(1)),
        _ => (Bool(1), Bool(1)),
    };

    private string Window()
    {
        _e = string.Empty;
        var part = Pick(["", "PARTITION BY platform ", "PARTITION BY user_id ", "PARTITION BY likes % 5 "]);
        var fn = _random.Next(10) switch
        {
            0 => $"row_number() OVER ({part}ORDER BY id)",
            1 => $"rank() OVER ({part}ORDER BY likes % 10)",
            2 => $"dense_rank() OVER ({part}ORDER BY likes % 10)",
            3 => $"sum(likes) OVER ({part}ORDER BY id ROWS BETWEEN {_random.Next(0, 4)} PRECEDING AND CURRENT ROW)",
            4 => $"lag(likes, {_random.Next(1, 3)}) OVER ({part}ORDER BY id)",
            5 => $"lead(platform) OVER ({part}ORDER BY id)",
            6 => $"count(*) OVER ({part.TrimEnd()})",
            7 => $"max(score) OVER ({part}ORDER BY id ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)",
            8 => $"first_value(likes) OVER ({part}ORDER BY id)",
            _ => $"sum(likes) OVER ({part}ORDER BY id)",
        };
        return $"SELECT id, {fn} FROM {Events} WHERE {Bool(1)}";
    }

    private string NumsQuery()
    {
        _e = string.Empty;
        var expr = Pick([
            "amount", "amount + 1.5", "amount * 2", "amount - x", "x * n", "-amount", "abs(x)", "coalesce(x, n)", "nullif(grp, 'a')",
            "CASE grp WHEN 'a' THEN amount ELSE 0 END", "greatest(n, coalesce(x, 0))", "least(n, 3)", "amount > 50", "x IS DISTINCT FROM n",
            "CAST(amount AS bigint)", "CAST(n AS decimal(10,2)) + amount", "x % 3", "x BETWEEN 0 AND 50", "grp || CAST(n AS varchar)"]);
        if (_random.Next(2) == 0)
        {
            var agg = Pick(["sum(amount)", "min(amount)", "max(amount)", "count(x)", "sum(x)", "max(x) - min(x)", "count(DISTINCT x % 2)", "sum(amount * n)"]);
            return $"SELECT grp, {agg} FROM {Nums} GROUP BY grp";
        }

        return $"SELECT n, {expr} FROM {Nums} WHERE {Pick(["true", "x > 0", "x IS NULL", "amount < 80", "grp <> 'b'", "NOT (x < 10)"])}";
    }

    private string UsersQuery()
    {
        _e = string.Empty;
        var expr = Pick([
            "signup", "signup > DATE '2024-02-01'", "extract(month FROM signup)", "extract(year FROM signup)",

            // date_trunc of a date is a date in Trino, a timestamp in DuckDB: the cast makes both a date.
            "CAST(date_trunc('month', signup) AS date)",
            "coalesce(country, '??')", "upper(name)", "length(name)", "substr(name, 5)", "strpos(name, '1')", "country = 'DE' OR country IS NULL",
            "CASE WHEN country IS NULL THEN 'unknown' WHEN country IN ('DE', 'FR') THEN 'eu' ELSE 'other' END", "replace(name, 'user', 'u')",
            "lpad(CAST(user_id AS varchar), 4, '0')", "starts_with(name, 'user0')",

            // concat with a NULL argument is NULL in Trino; DuckDB skips NULL arguments: only non-null ones here.
            "concat(name, '-', coalesce(country, ''))"]);
        return $"SELECT user_id, {expr} FROM {Users} WHERE {Pick(["true", "user_id > 5", "country IS NOT NULL", "signup < DATE '2024-01-15'", "name LIKE 'user1%'"])}";
    }

    private string Distinct()
    {
        _e = string.Empty;
        return $"SELECT DISTINCT {Pick(["platform", "user_id % 4", "substr(text, 1, 1)", "platform, likes % 3", "score IS NULL, platform"])} FROM {Events} WHERE {Bool(1)}";
    }

    private string AnyExpr(int depth) => _random.Next(5) switch
    {
        0 or 1 => Int(depth),
        2 => Str(depth),
        3 => Bool(depth),
        _ => Other(),
    };

    private string Other() => _random.Next(6) switch
    {
        0 => _e + "score",
        1 => $"{_e}score * 2.5e0 + {_e}likes",
        2 => $"date_trunc({Pick(s_truncUnits)}, {_e}ts)",
        3 => $"{_e}ts",
        4 => $"CAST({_e}ts AS date)",
        _ => $"coalesce({_e}score, -1e0)",
    };

    /// <summary>A bigint/int expression whose magnitude stays far from overflow (columns are below 1000).</summary>
    private string Int(int depth)
    {
        if (depth <= 0 || _random.Next(3) == 0)
        {
            return _random.Next(6) switch
            {
                0 => _e + "id",
                1 => _e + "user_id",
                2 => _e + "likes",
                3 => _random.Next(-100, 100).ToString(CultureInfo.InvariantCulture),
                4 => $"length({_e}text)",
                _ => $"extract({Pick(["hour", "day", "minute"])} FROM {_e}ts)",
            };
        }

        // Integer "/" is avoided: Trino truncates (7 / 2 = 3), DuckDB returns a double (spec/sql.md).
        return _random.Next(9) switch
        {
            0 => $"({Int(depth - 1)} + {Int(depth - 1)})",
            1 => $"({Int(depth - 1)} - {Int(depth - 1)})",
            2 => $"({Int(depth - 1)} * {_random.Next(-5, 6)})",
            3 => $"({Int(depth - 1)} % {Pick(["3", "7", "-4", "10"])})",
            4 => $"abs({Int(depth - 1)})",
            5 => $"CASE WHEN {Bool(depth - 1)} THEN {Int(depth - 1)} ELSE {Int(depth - 1)} END",
            6 => $"coalesce({_e}user_id, {Int(depth - 1)})",
            7 => $"strpos({Str(depth - 1)}, {Pick(["'n'", "'o'", "'s'"])})",
            // greatest/least are NULL when an argument is (Trino); DuckDB ignores NULL arguments.
            _ => $"{Pick(["greatest", "least"])}(coalesce({Int(depth - 1)}, 0), coalesce({Int(depth - 1)}, 0))",
        };
    }

    private string Str(int depth)
    {
        if (depth <= 0 || _random.Next(3) == 0)
        {
            return _random.Next(4) switch
            {
                0 => _e + "platform",
                1 => _e + "text",
                2 => Pick(s_words),
                _ => $"coalesce({_e}platform, 'none')",
            };
        }

        // upper/lower only see ASCII here (DuckDB maps ß to ẞ, Trino keeps it); substr starts at 1 or
        // later (DuckDB treats start 0 like 1); trim only sees spaces (Trino trims all whitespace).
        return _random.Next(9) switch
        {
            0 => $"upper({Str(depth - 1)})",
            1 => $"lower({Str(depth - 1)})",
            2 => $"substr({Str(depth - 1)}, {_random.Next(1, 4)}, {_random.Next(1, 5)})",
            3 => $"({Str(depth - 1)} || {Str(depth - 1)})",
            4 => $"replace({Str(depth - 1)}, {Pick(s_words)}, 'x')",
            5 => $"trim(' ' || {Str(depth - 1)} || ' ')",
            6 => $"CASE WHEN {Bool(depth - 1)} THEN {Str(depth - 1)} END",
            7 => $"coalesce({Str(depth - 1)}, {Str(depth - 1)})",
            // concat is NULL when an argument is (Trino); DuckDB skips NULL arguments: coalesce keeps both equal.
            _ => $"concat(coalesce({Str(depth - 1)}, ''), '-', coalesce({Str(depth - 1)}, ''))",
        };
    }

    private string Bool(int depth)
    {
        if (depth <= 0 || _random.Next(3) == 0)
        {
            return _random.Next(12) switch
            {
                0 => $"{_e}likes > {_random.Next(0, 1000)}",
                1 => $"{_e}user_id {Pick(["=", "<>", "<", ">=", "<="])} {_random.Next(0, 21)}",
                2 => $"{_e}platform = {Pick(s_platforms)}",
                3 => $"{_e}platform IS NULL",
                4 => $"{_e}score IS NOT NULL",
                5 => $"{_e}score < {_random.Next(0, 100)}.5",
                6 => $"{_e}text LIKE {Pick(s_likePatterns)}",
                7 => $"{_e}ts {Pick(["<", ">="])} {Pick(s_timestamps)}",
                8 => $"{_e}user_id IN ({_random.Next(1, 21)}, {_random.Next(1, 21)}, NULL)",
                9 => $"{_e}likes BETWEEN {_random.Next(0, 500)} AND {_random.Next(400, 1000)}",
                10 => $"{_e}platform IN ('web', 'tv')",
                _ => $"starts_with({_e}text, {Pick(s_words)})",
            };
        }

        return _random.Next(7) switch
        {
            0 => $"({Bool(depth - 1)} AND {Bool(depth - 1)})",
            1 => $"({Bool(depth - 1)} OR {Bool(depth - 1)})",
            2 => $"NOT ({Bool(depth - 1)})",
            3 => $"({Int(depth - 1)} {Pick(["=", "<>", "<", ">"])} {Int(depth - 1)})",
            4 => $"({Str(depth - 1)} {Pick(["=", "<", ">="])} {Str(depth - 1)})",
            5 => $"({Bool(depth - 1)}) IS {Pick(["NULL", "NOT NULL"])}",
            _ => $"coalesce({Bool(depth - 1)}, {Pick(["true", "false"])})",
        };
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
