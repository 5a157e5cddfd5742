using System.Text;
using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

/// <summary>
/// Seeded fuzzing: random token streams, mutated corpus statements and random characters must produce a tree
/// or a <see cref="ParserException"/>, never another exception; every tree they produce must round-trip
/// through the formatter.
/// </summary>
public class ParserFuzzTests
{
    private static readonly string[] s_vocabulary =
    [
        "SELECT", "DISTINCT", "ALL", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "LIMIT", "OFFSET", "FETCH", "FIRST",
        "ROWS", "ONLY", "UNION", "INTERSECT", "EXCEPT", "WITH", "RECURSIVE", "AS", "JOIN", "LEFT", "RIGHT", "FULL", "OUTER",
        "INNER", "CROSS", "NATURAL", "ON", "USING", "AND", "OR", "NOT", "IN", "IS", "NULL", "TRUE", "FALSE", "BETWEEN", "LIKE",
        "ILIKE", "ESCAPE", "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "TRY_CAST", "EXISTS", "ARRAY", "ROW",
        "INTERVAL", "DAY", "TO", "SECOND", "DATE", "TIMESTAMP", "TIME", "ZONE", "AT", "OVER", "PARTITION", "RANGE", "PRECEDING",
        "FOLLOWING", "UNBOUNDED", "CURRENT", "FILTER", "VALUES", "TABLE", "UNNEST", "ORDINALITY", "LATERAL", "FOR", "VERSION",
        "OF", "ROLLUP", "CUBE", "GROUPING", "SETS", "EXTRACT", "POSITION", "SUBSTRING", "TRIM", "BOTH", "INSERT", "INTO",
        "CREATE", "DROP", "ALTER", "ADD", "COLUMN", "RENAME", "SET", "PROPERTIES", "SCHEMA", "IF", "EXPLAIN", "ANALYZE", "SHOW",
        "TABLES", "COPY", "UPDATE", "DELETE", "MERGE", "MATCHED", "USE", "WINDOW", "IGNORE", "NULLS", "ASC", "DESC",
        "a", "b", "t", "x", "count", "sum", "f", "\"q\"", "\"t$snapshots\"", "bigint", "varchar", "decimal", "map", "double",
        "precision", "1", "0", "42", "1.5", "2e3", "'s'", "''", "X'AB'", "U&'\\0041'", "?", "$1",
        "(", ")", "(", ")", "[", "]", ",", ",", ".", "*", "+", "-", "/", "%", "||", "=", "<>", "!=", "<", "<=", ">", ">=",
        "::", "->", "=>", ";",
    ];

    // LAKEHOUSE_FUZZ_SEED and LAKEHOUSE_FUZZ_SCALE let a developer run longer campaigns with other seeds.
    private static int Scale => int.TryParse(Environment.GetEnvironmentVariable("LAKEHOUSE_FUZZ_SCALE"), out var scale) && scale > 0 ? scale : 1;

    private static int Seed(int defaultSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("LAKEHOUSE_FUZZ_SEED"), out var seed) ? seed : defaultSeed;

    [Fact]
    public void RandomTokenStreams()
    {
        var random = new Random(Seed(20240501));
        var parsed = 0;
        for (var iteration = 0; iteration < 20_000 * Scale; iteration++)
        {
            var length = random.Next(1, 30);
            var builder = new StringBuilder();
            // Half of the streams start like a query so that they get further into the grammar.
            if (random.Next(2) == 0)
            {
                builder.Append("SELECT ");
            }

            for (var i = 0; i < length; i++)
            {
                builder.Append(s_vocabulary[random.Next(s_vocabulary.Length)]).Append(' ');
            }

            parsed += Check(builder.ToString()) ? 1 : 0;
        }

        Assert.True(parsed > 0);
    }

    [Fact]
    public void MutatedCorpusStatements()
    {
        var random = new Random(Seed(7));
        var parsed = 0;
        for (var iteration = 0; iteration < 12_000 * Scale; iteration++)
        {
            var sql = SqlCorpus.Statements[random.Next(SqlCorpus.Statements.Length)];
            var tokens = SqlLexer.Tokenize(sql).Where(t => t.Kind != TokenKind.EndOfInput).Select(t => sql.Substring(t.Position.Offset, t.Length)).ToList();
            var mutations = random.Next(1, 4);
            for (var m = 0; m < mutations && tokens.Count > 1; m++)
            {
                var at = random.Next(tokens.Count);
                switch (random.Next(6))
                {
                    case 0:
                        tokens.RemoveAt(at);
                        break;
                    case 1:
                        tokens.Insert(at, tokens[random.Next(tokens.Count)]);
                        break;
                    case 2:
                        tokens.Insert(at, s_vocabulary[random.Next(s_vocabulary.Length)]);
                        break;
                    case 3:
                        var other = random.Next(tokens.Count);
                        (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                        break;
                    case 4:
                        tokens[at] = s_vocabulary[random.Next(s_vocabulary.Length)];
                        break;
                    default:
                        tokens.RemoveRange(at, tokens.Count - at);
                        break;
                }
            }

            parsed += Check(string.Join(' ', tokens)) ? 1 : 0;
        }

        Assert.True(parsed > 0);
    }

    // Openers that nest: each one raises the parser's depth by at least one level.
    private static readonly string[] s_openers = ["(", "NOT ", "-(", "CASE WHEN ", "CAST(", "ARRAY[", "coalesce(", "(SELECT ", "x IN (", "EXISTS (SELECT "];

    [Fact]
    public void DeeplyNestedRandomStreams()
    {
        // Random openers nested up to 3000 deep, then random tokens and some closers: a tree or a clean
        // ParserException ("too deeply nested" past the limit), never a stack overflow.
        var random = new Random(Seed(31337));
        var tooDeep = 0;
        for (var iteration = 0; iteration < 300 * Scale; iteration++)
        {
            var depth = random.Next(1, 3000);
            var builder = new StringBuilder("SELECT ");
            for (var i = 0; i < depth; i++)
            {
                builder.Append(s_openers[random.Next(s_openers.Length)]);
            }

            for (var i = random.Next(0, 10); i > 0; i--)
            {
                builder.Append(s_vocabulary[random.Next(s_vocabulary.Length)]).Append(' ');
            }

            builder.Append(')', random.Next(0, depth + 1));
            try
            {
                SqlParser.ParseScript(builder.ToString());
            }
            catch (ParserException e)
            {
                tooDeep += e.Message.Contains("too deeply nested", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(tooDeep > 0);
    }

    [Fact]
    public async Task DeeplyNestedValidExpressionsRunThroughTheEngine()
    {
        // Valid expressions just under the parser's nesting limit must bind, plan and execute without
        // exhausting the stack (binder, optimizer and evaluator recurse over the tree too).
        var random = new Random(Seed(4242));
        var session = new SqlEngine(new SqlEngineOptions()).CreateSession();
        var answered = 0;
        for (var iteration = 0; iteration < 8; iteration++)
        {
            var depth = random.Next(150, 500);
            var expr = "1";
            for (var i = 0; i < depth; i++)
            {
                expr = random.Next(4) switch
                {
                    0 => $"({expr} + 1)",
                    1 => $"abs({expr})",
                    2 => $"CASE WHEN true THEN {expr} END",
                    _ => $"coalesce({expr}, 0)",
                };
            }

            try
            {
                var batches = await session.QueryAsync($"SELECT {expr}");
                Assert.Single(batches[0].Schema.Fields);
                answered++;
            }
            catch (SqlException e)
            {
                Assert.Contains("too deeply nested", e.Message, StringComparison.Ordinal);
            }
        }

        Assert.True(answered > 0);
    }

    [Fact]
    public void CharacterLevelMutations()
    {
        var random = new Random(Seed(99));
        const string Alphabet = "abcXYZ019 _.,;:()[]'\"$?*+-/%|=<>!&\\\n\t#@`{}U";
        for (var iteration = 0; iteration < 10_000; iteration++)
        {
            var chars = SqlCorpus.Statements[random.Next(SqlCorpus.Statements.Length)].ToCharArray().ToList();
            var mutations = random.Next(1, 5);
            for (var m = 0; m < mutations && chars.Count > 0; m++)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0:
                        chars.RemoveAt(at);
                        break;
                    case 1:
                        chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                        break;
                    default:
                        chars[at] = Alphabet[random.Next(Alphabet.Length)];
                        break;
                }
            }

            Check(new string([.. chars]));
        }

        for (var iteration = 0; iteration < 5_000; iteration++)
        {
            var length = random.Next(0, 40);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : Alphabet[random.Next(Alphabet.Length)];
            }

            Check(new string(chars));
        }
    }

    [Fact]
    public void TruncatedStatementsFailCleanly()
    {
        foreach (var sql in SqlCorpus.Statements)
        {
            for (var length = 0; length < sql.Length; length++)
            {
                Check(sql[..length]);
            }
        }
    }

    /// <summary>Parses; true when a tree came out (and it round-tripped), false on a ParserException.</summary>
    private static bool Check(string sql)
    {
        IReadOnlyList<Statement> statements;
        try
        {
            statements = SqlParser.ParseScript(sql);
        }
        catch (ParserException)
        {
            return false;
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{e.GetType().Name} instead of ParserException for: {sql}\n{e}");
        }

        foreach (var statement in statements)
        {
            string text;
            try
            {
                text = SqlFormatter.Format(statement);
                var again = SqlParser.Parse(text);
                if (!statement.Equals(again))
                {
                    throw new Xunit.Sdk.XunitException($"round trip changed the tree\ninput:     {sql}\nformatted: {text}\nagain:     {SqlFormatter.Format(again)}");
                }

                var full = SqlParser.Parse(SqlFormatter.Format(statement, fullyParenthesized: true));
                if (!statement.Equals(full))
                {
                    throw new Xunit.Sdk.XunitException($"fully parenthesized round trip changed the tree\ninput: {sql}\nfull:  {SqlFormatter.Format(statement, true)}");
                }
            }
            catch (ParserException e)
            {
                throw new Xunit.Sdk.XunitException($"formatted text does not parse\ninput: {sql}\nformatted: {SqlFormatter.Format(statement)}\n{e.Message}");
            }
        }

        return true;
    }
}
