using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Xunit;

namespace Lakehouse.Sql.Tests.Parsing;

/// <summary>
/// Builds random syntax trees directly (so every operator nests under every other), formats them and requires
/// the parser to give back the same tree: checks that the formatter's parentheses and the parser's precedence
/// agree everywhere.
/// </summary>
public class GeneratedTreeTests
{
    private static readonly SourcePosition s_at = SourcePosition.Start;

    private static readonly BinaryOperator[] s_binary = Enum.GetValues<BinaryOperator>();

    private static int Seed(int defaultSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("LAKEHOUSE_FUZZ_SEED"), out var seed) ? seed : defaultSeed;

    [Fact]
    public void RandomExpressionTreesRoundTrip()
    {
        var random = new Random(Seed(12345));
        for (var i = 0; i < 5_000; i++)
        {
            var tree = RandomExpression(random, 4);
            foreach (var full in new[] { false, true })
            {
                var text = SqlFormatter.Format(tree, full);
                Expression again;
                try
                {
                    again = SqlParser.ParseExpression(text);
                }
                catch (ParserException e)
                {
                    throw new Xunit.Sdk.XunitException($"does not parse: {text}\n{e.Message}");
                }

                if (!tree.Equals(again))
                {
                    throw new Xunit.Sdk.XunitException($"tree changed\nformatted: {text}\nreparsed:  {SqlFormatter.Format(again, fullyParenthesized: true)}\nexpected:  {SqlFormatter.Format(tree, fullyParenthesized: true)}");
                }
            }
        }
    }

    [Fact]
    public void RandomQueryTreesRoundTrip()
    {
        var random = new Random(Seed(777));
        for (var i = 0; i < 1_000; i++)
        {
            var query = RandomQuery(random, 3);
            var text = SqlFormatter.Format(query);
            Statement again;
            try
            {
                again = SqlParser.Parse(text);
            }
            catch (ParserException e)
            {
                throw new Xunit.Sdk.XunitException($"does not parse: {text}\n{e.Message}");
            }

            if (!query.Equals(again))
            {
                throw new Xunit.Sdk.XunitException($"tree changed\nformatted: {text}\nreparsed:  {SqlFormatter.Format(again)}");
            }
        }
    }

    private static Identifier Name(Random random) => new(s_at, random.Next(8) switch
    {
        0 => "select",
        1 => "Mixed Case",
        2 => "date",
        3 => "interval",
        4 => "all",
        _ => "c" + random.Next(5),
    });

    private static ColumnReference Column(Random random) =>
        new(s_at, new QualifiedName(s_at, random.Next(3) == 0 ? [Name(random), Name(random)] : [Name(random)]));

    private static Expression Leaf(Random random) => random.Next(12) switch
    {
        0 => new IntegerLiteral(s_at, random.Next(-5, 100)),
        1 => new DecimalLiteral(s_at, random.Next(2) == 0 ? "1.50" : "-0.5"),
        2 => new DoubleLiteral(s_at, random.Next(2) == 0 ? 1e10 : -2.5),
        3 => new StringLiteral(s_at, random.Next(2) == 0 ? "it's" : ""),
        4 => new BooleanLiteral(s_at, random.Next(2) == 0),
        5 => new NullLiteral(s_at),
        6 => new TypedLiteral(s_at, new NamedType(s_at, "date", default), "2024-01-01"),
        7 => new IntervalLiteral(s_at, "3", random.Next(2) == 0, IntervalField.Day, null),
        8 => new CurrentValueExpression(s_at, CurrentValue.Timestamp, null),
        _ => Column(random),
    };

    private static SyntaxList<Expression> List(Random random, int depth, int min = 1) =>
        SyntaxList.From(Enumerable.Range(0, random.Next(min, 4)).Select(_ => RandomExpression(random, depth)).ToList());

    private static Expression RandomExpression(Random random, int depth)
    {
        if (depth <= 0 || random.Next(5) == 0)
        {
            return Leaf(random);
        }

        var d = depth - 1;
        return random.Next(22) switch
        {
            0 or 1 or 2 or 3 => new BinaryExpression(s_at, s_binary[random.Next(s_binary.Length)], RandomExpression(random, d), RandomExpression(random, d)),
            4 => Unary(random, RandomExpression(random, d)),
            5 => new BetweenExpression(s_at, RandomExpression(random, d), RandomExpression(random, d), RandomExpression(random, d), random.Next(2) == 0),
            6 => new InListExpression(s_at, RandomExpression(random, d), List(random, d), random.Next(2) == 0),
            7 => new LikeExpression(s_at, RandomExpression(random, d), RandomExpression(random, d), random.Next(2) == 0 ? null : Leaf(random), random.Next(2) == 0, random.Next(2) == 0),
            8 => new IsNullExpression(s_at, RandomExpression(random, d), random.Next(2) == 0),
            9 => new CastExpression(s_at, RandomExpression(random, d), new ArrayType(s_at, new NamedType(s_at, "bigint", default)), random.Next(2) == 0),
            10 => new CaseExpression(s_at, random.Next(2) == 0 ? null : RandomExpression(random, d), [new WhenClause(s_at, RandomExpression(random, d), RandomExpression(random, d))], random.Next(2) == 0 ? null : RandomExpression(random, d)),
            11 => new ArrayConstructor(s_at, List(random, d, 0)),
            12 => new RowConstructor(s_at, List(random, d)),
            13 => new SubscriptExpression(s_at, RandomExpression(random, d), RandomExpression(random, d)),
            14 => new FieldReference(s_at, RandomExpression(random, d), Name(random)),
            15 => new AtTimeZoneExpression(s_at, RandomExpression(random, d), RandomExpression(random, d)),
            16 => new FunctionCall(s_at, new QualifiedName(s_at, [Name(random)]), random.Next(3) == 0, List(random, d), false, null,
                random.Next(3) == 0 ? RandomExpression(random, d) : null, NullTreatment.Unspecified, null),
            17 => new LambdaExpression(s_at, [new Identifier(s_at, "x")], RandomExpression(random, d)),
            18 => new ExtractExpression(s_at, new Identifier(s_at, "year"), RandomExpression(random, d)),
            19 => new SubqueryExpression(s_at, RandomQuery(random, d / 2)),
            20 => new ExistsExpression(s_at, RandomQuery(random, d / 2)),
            _ => new InSubqueryExpression(s_at, RandomExpression(random, d), RandomQuery(random, d / 2), random.Next(2) == 0),
        };
    }

    // The parser folds a minus into a numeric literal, so the generator does the same.
    private static Expression Unary(Random random, Expression operand)
    {
        var op = (UnaryOperator)random.Next(3);
        return op == UnaryOperator.Minus && operand is IntegerLiteral or DecimalLiteral or DoubleLiteral
            ? new UnaryExpression(s_at, UnaryOperator.Plus, operand)
            : new UnaryExpression(s_at, op, operand);
    }

    private static Query RandomQuery(Random random, int depth)
    {
        var body = RandomBody(random, depth);
        OrderBy? orderBy = random.Next(3) == 0
            ? new OrderBy(s_at, [new SortItem(s_at, RandomExpression(random, 1), (SortOrder)random.Next(3), (NullOrder)random.Next(3))])
            : null;
        Limit? limit = random.Next(3) == 0 ? new Limit(s_at, new IntegerLiteral(s_at, random.Next(100)), false) : null;
        Expression? offset = random.Next(5) == 0 ? new IntegerLiteral(s_at, random.Next(10)) : null;
        With? with = depth > 0 && random.Next(5) == 0
            ? new With(s_at, random.Next(4) == 0, [new WithQuery(s_at, Name(random), random.Next(2) == 0 ? [Name(random)] : default, RandomQuery(random, depth - 1))])
            : null;
        if (body is ParenthesizedQuery parenthesized && orderBy is null && limit is null && offset is null && with is null)
        {
            // The parser reads "(query)" with nothing around it as that query.
            return parenthesized.Query;
        }

        return new Query(s_at, with, body, orderBy, offset, limit);
    }

    private static QueryBody RandomBody(Random random, int depth)
    {
        if (depth > 0 && random.Next(3) == 0)
        {
            var left = RandomBody(random, depth - 1);
            var right = RandomBody(random, depth - 1);
            return new SetOperation(s_at, (SetOperator)random.Next(3), random.Next(2) == 0, left, right);
        }

        if (random.Next(10) == 0)
        {
            return random.Next(2) == 0
                ? new Values(s_at, [RandomExpression(random, 1), new RowConstructor(s_at, [Leaf(random), Leaf(random)])])
                : new TableQuery(s_at, new QualifiedName(s_at, [Name(random)]));
        }

        if (depth > 0 && random.Next(6) == 0)
        {
            // Only parenthesized queries that carry ORDER BY/LIMIT survive parsing as such.
            var inner = RandomQuery(random, depth - 1);
            return new ParenthesizedQuery(s_at, inner with { Limit = new Limit(s_at, new IntegerLiteral(s_at, 1), false) });
        }

        var select = new SingleColumn(s_at, RandomExpression(random, 2), random.Next(2) == 0 ? Name(random) : null);
        return new QuerySpecification(s_at, random.Next(4) == 0, [select], RandomRelation(random, depth), random.Next(2) == 0 ? RandomExpression(random, 2) : null,
            random.Next(3) == 0 ? new GroupBy(s_at, false, [new SimpleGroupBy(s_at, Column(random))]) : null, null, default);
    }

    private static Relation? RandomRelation(Random random, int depth)
    {
        Relation Primary()
        {
            Relation relation = random.Next(7) switch
            {
                0 when depth > 0 => new SubqueryRelation(s_at, RandomQuery(random, depth - 1)),
                1 => new UnnestRelation(s_at, [Column(random)], random.Next(2) == 0),
                2 => new TableFunctionRelation(s_at, new QualifiedName(s_at, [new Identifier(s_at, "read_parquet")]), [new FunctionArgument(s_at, random.Next(2) == 0 ? null : Name(random), new StringLiteral(s_at, "x"))]),
                3 when depth > 0 => new LateralRelation(s_at, RandomQuery(random, depth - 1)),
                4 => new TableReference(s_at, new QualifiedName(s_at, [Name(random)]), new TableVersion(s_at, (TableVersionKind)random.Next(2), RandomExpression(random, 1))),
                _ => new TableReference(s_at, new QualifiedName(s_at, [Name(random)]), null),
            };
            if (random.Next(2) == 0 || relation is SubqueryRelation or LateralRelation)
            {
                relation = new AliasedRelation(s_at, relation, Name(random), random.Next(3) == 0 ? [Name(random)] : default);
            }

            return random.Next(6) == 0 ? new AliasedRelation(s_at, relation, Name(random), default) : relation;
        }

        if (random.Next(4) == 0)
        {
            return null;
        }

        var result = Primary();
        for (var i = random.Next(3); i > 0; i--)
        {
            var type = (JoinType)random.Next(6);
            JoinCriteria? criteria = type is JoinType.Cross or JoinType.Implicit ? null : new JoinOn(s_at, RandomExpression(random, 1));
            var right = random.Next(4) == 0
                ? new Join(s_at, JoinType.Inner, Primary(), Primary(), new JoinUsing(s_at, [Name(random)]))
                : Primary();
            result = new Join(s_at, type, result, right, criteria);
        }

        return result;
    }
}
