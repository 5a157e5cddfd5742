using System.Globalization;
using System.Runtime.CompilerServices;
using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

// Expression precedence, lowest first (as Trino):
//   OR < AND < NOT < predicates (comparison, IS, BETWEEN, IN, LIKE; not associative)
//   < || < + - < * / % < unary + - < AT TIME ZONE < postfix ([ ], .field, ::type) < primary
public sealed partial class SqlParser
{
    private Expression ParseExpression()
    {
        Enter();
        var result = ParseOr();
        Leave();
        return result;
    }

    private SyntaxList<Expression> ParseExpressionList()
    {
        var items = new List<Expression> { ParseExpression() };
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseExpression());
        }

        return SyntaxList.From(items);
    }

    private Expression ParseOr()
    {
        var left = ParseAnd();
        var chain = 0;
        while (IsKeyword("or"))
        {
            var op = Advance();
            Enter();
            chain++;
            left = new BinaryExpression(op.Position, BinaryOperator.Or, left, ParseAnd());
        }

        Leave(chain);
        return left;
    }

    private Expression ParseAnd()
    {
        var left = ParseNot();
        var chain = 0;
        while (IsKeyword("and"))
        {
            var op = Advance();
            Enter();
            chain++;
            left = new BinaryExpression(op.Position, BinaryOperator.And, left, ParseNot());
        }

        Leave(chain);
        return left;
    }

    private Expression ParseNot()
    {
        if (IsKeyword("not"))
        {
            var op = Advance();
            Enter();
            var operand = ParseNot();
            Leave();
            return new UnaryExpression(op.Position, UnaryOperator.Not, operand);
        }

        return ParsePredicate();
    }

    private static BinaryOperator? ComparisonOperator(TokenKind kind) => kind switch
    {
        TokenKind.Equal => BinaryOperator.Equal,
        TokenKind.NotEqual => BinaryOperator.NotEqual,
        TokenKind.Less => BinaryOperator.LessThan,
        TokenKind.LessEqual => BinaryOperator.LessThanOrEqual,
        TokenKind.Greater => BinaryOperator.GreaterThan,
        TokenKind.GreaterEqual => BinaryOperator.GreaterThanOrEqual,
        _ => null,
    };

    /// <summary>A value expression followed by at most one predicate.</summary>
    private Expression ParsePredicate()
    {
        var value = ParseValueExpression();
        var token = Current;
        if (ComparisonOperator(token.Kind) is { } comparison)
        {
            _pos++;
            if ((IsKeyword("all") || IsKeyword("any") || IsKeyword("some")) && PeekToken(1).Kind == TokenKind.LeftParen)
            {
                var quantifier = Advance().Text switch
                {
                    "all" => Quantifier.All,
                    "any" => Quantifier.Any,
                    _ => Quantifier.Some,
                };
                Expect(TokenKind.LeftParen, "(");
                var subquery = ParseQuery();
                Expect(TokenKind.RightParen, ")");
                return new QuantifiedComparison(token.Position, comparison, quantifier, value, subquery);
            }

            return new BinaryExpression(token.Position, comparison, value, ParseValueExpression());
        }

        if (token.Is("is"))
        {
            _pos++;
            var negated = AcceptKeyword("not");
            if (AcceptKeyword("null"))
            {
                return new IsNullExpression(token.Position, value, negated);
            }

            if (AcceptKeyword("distinct"))
            {
                ExpectKeyword("from");
                var op = negated ? BinaryOperator.IsNotDistinctFrom : BinaryOperator.IsDistinctFrom;
                return new BinaryExpression(token.Position, op, value, ParseValueExpression());
            }

            throw SyntaxError("NULL or DISTINCT FROM");
        }

        var not = token.Is("not");
        var keyword = not ? PeekToken(1) : token;
        if (keyword.Is("between"))
        {
            _pos += not ? 2 : 1;
            var low = ParseValueExpression();
            ExpectKeyword("and");
            var high = ParseValueExpression();
            return new BetweenExpression(token.Position, value, low, high, not);
        }

        if (keyword.Is("in"))
        {
            _pos += not ? 2 : 1;
            Expect(TokenKind.LeftParen, "(");
            if (IsQueryStart(Current))
            {
                var subquery = ParseQuery();
                Expect(TokenKind.RightParen, ")");
                return new InSubqueryExpression(token.Position, value, subquery, not);
            }

            // "IN ((SELECT …))" is a list holding one scalar subquery; "IN ((SELECT …) UNION …)" is a subquery.
            if (Check(TokenKind.LeftParen) && StartsQueryAfterParens(0))
            {
                var list = Try(ParseInListRest);
                if (list is not null)
                {
                    return new InListExpression(token.Position, value, list.Value, not);
                }

                var subquery = ParseQuery();
                Expect(TokenKind.RightParen, ")");
                return new InSubqueryExpression(token.Position, value, subquery, not);
            }

            var values = ParseExpressionList();
            Expect(TokenKind.RightParen, ")");
            return new InListExpression(token.Position, value, values, not);
        }

        if (keyword.Is("like") || keyword.Is("ilike"))
        {
            _pos += not ? 2 : 1;
            var pattern = ParseValueExpression();
            Expression? escape = AcceptKeyword("escape") ? ParseValueExpression() : null;
            return new LikeExpression(token.Position, value, pattern, escape, not, keyword.Is("ilike"));
        }

        if (not)
        {
            throw SyntaxError(PeekToken(1), "BETWEEN, IN or LIKE");
        }

        return value;
    }

    private StrongBox<SyntaxList<Expression>> ParseInListRest()
    {
        var values = ParseExpressionList();
        Expect(TokenKind.RightParen, ")");
        return new StrongBox<SyntaxList<Expression>>(values);
    }

    private static int BinaryPrecedence(TokenKind kind) => kind switch
    {
        TokenKind.Concat => 1,
        TokenKind.Plus or TokenKind.Minus => 2,
        TokenKind.Star or TokenKind.Slash or TokenKind.Percent => 3,
        _ => 0,
    };

    private Expression ParseValueExpression() => ParseBinary(1);

    // Precedence climbing over the left-associative binary operators.
    private Expression ParseBinary(int minPrecedence)
    {
        var left = ParseUnary();
        var chain = 0;
        while (true)
        {
            var token = Current;
            var precedence = BinaryPrecedence(token.Kind);
            if (precedence == 0 || precedence < minPrecedence)
            {
                break;
            }

            _pos++;
            Enter();
            chain++;
            var right = ParseBinary(precedence + 1);
            var op = token.Kind switch
            {
                TokenKind.Concat => BinaryOperator.Concatenate,
                TokenKind.Plus => BinaryOperator.Add,
                TokenKind.Minus => BinaryOperator.Subtract,
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Modulo,
            };
            left = new BinaryExpression(token.Position, op, left, right);
        }

        Leave(chain);
        return left;
    }

    private Expression ParseUnary()
    {
        var token = Current;
        if (token.Kind is TokenKind.Minus or TokenKind.Plus)
        {
            _pos++;
            Enter();
            var operand = ParseUnary();
            Leave();
            if (token.Kind == TokenKind.Minus)
            {
                return Negate(token.Position, operand);
            }

            return new UnaryExpression(token.Position, UnaryOperator.Plus, operand);
        }

        return ParseAtTimeZone();
    }

    // A minus directly applied to a numeric literal is folded into the literal (so -9223372036854775808 is a bigint).
    private static Expression Negate(SourcePosition position, Expression operand) => operand switch
    {
        IntegerLiteral integer when integer.Value != long.MinValue => new IntegerLiteral(position, -integer.Value),
        DecimalLiteral decimalLiteral => MakeExactNumber(position, decimalLiteral.Value.StartsWith('-') ? decimalLiteral.Value[1..] : "-" + decimalLiteral.Value),
        DoubleLiteral doubleLiteral => new DoubleLiteral(position, -doubleLiteral.Value),
        _ => new UnaryExpression(position, UnaryOperator.Minus, operand),
    };

    /// <summary>An integer literal when the text is an integer that fits in a bigint, a decimal literal otherwise.</summary>
    private static Literal MakeExactNumber(SourcePosition position, string text)
    {
        if (!text.Contains('.', StringComparison.Ordinal)
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return new IntegerLiteral(position, value);
        }

        return new DecimalLiteral(position, text);
    }

    private Expression ParseAtTimeZone()
    {
        var value = ParsePostfix();
        var chain = 0;
        while (IsKeyword("at") && IsKeyword(1, "time") && IsKeyword(2, "zone"))
        {
            var at = Advance();
            _pos += 2;
            Enter();
            chain++;
            value = new AtTimeZoneExpression(at.Position, value, ParsePostfix());
        }

        Leave(chain);
        return value;
    }

    private Expression ParsePostfix()
    {
        var value = ParsePrimary();
        var chain = 0;
        while (true)
        {
            var token = Current;
            if (token.Kind == TokenKind.LeftBracket)
            {
                _pos++;
                Enter();
                chain++;
                var index = ParseExpression();
                Expect(TokenKind.RightBracket, "]");
                value = new SubscriptExpression(token.Position, value, index);
            }
            else if (token.Kind == TokenKind.Dot && IsIdentifier(1))
            {
                _pos++;
                Enter();
                chain++;
                value = new FieldReference(token.Position, value, ParseIdentifier());
            }
            else if (token.Kind == TokenKind.DoubleColon)
            {
                _pos++;
                Enter();
                chain++;
                value = new CastExpression(token.Position, value, ParseType(), false);
            }
            else
            {
                break;
            }
        }

        Leave(chain);
        return value;
    }

    private Expression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Integer:
            case TokenKind.Decimal:
                _pos++;
                if (token.Kind == TokenKind.Decimal || token.Text.Length > 18)
                {
                    var literal = MakeExactNumber(token.Position, token.Text);
                    if (literal is DecimalLiteral && DigitCount(token.Text) > 38)
                    {
                        throw Error(token, "numeric literal has more than 38 digits");
                    }

                    return literal;
                }

                return new IntegerLiteral(token.Position, long.Parse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture));
            case TokenKind.Double:
                _pos++;
                if (!double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsInfinity(d))
                {
                    throw Error(token, "double literal out of range");
                }

                return new DoubleLiteral(token.Position, d);
            case TokenKind.String:
                _pos++;
                return new StringLiteral(token.Position, token.Text);
            case TokenKind.BinaryString:
                _pos++;
                return new BinaryLiteral(token.Position, token.Text);
            case TokenKind.QuestionMark:
                _pos++;
                return new Parameter(token.Position, ++_parameterCount, ParameterStyle.QuestionMark);
            case TokenKind.DollarParameter:
                _pos++;
                return new Parameter(token.Position, int.Parse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture), ParameterStyle.Dollar);
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.QuotedIdentifier:
                return ParseNameExpression();
            case TokenKind.Identifier:
                return ParseKeywordOrName(token);
            default:
                throw SyntaxError("expression");
        }
    }

    private static int DigitCount(string text)
    {
        var count = 0;
        var leading = true;
        foreach (var c in text)
        {
            if (c == '0' && leading)
            {
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                leading = false;
                count++;
            }
        }

        return count;
    }

    // Nesting is counted by ParseExpression/ParseQuery inside, so a parenthesis costs one level.
    private Expression ParseParenthesized()
    {
        var open = Current;
        if (IsQueryStart(PeekToken(1)))
        {
            return ParseSubqueryExpression();
        }

        if (PeekToken(1).Kind == TokenKind.LeftParen && StartsQueryAfterParens(1))
        {
            var subquery = Try(ParseSubqueryExpression);
            if (subquery is not null)
            {
                return subquery;
            }
        }

        _pos++;
        // () -> body
        if (Check(TokenKind.RightParen) && PeekToken(1).Kind == TokenKind.Arrow)
        {
            _pos += 2;
            return new LambdaExpression(open.Position, default, ParseExpression());
        }

        var first = ParseExpression();
        if (Accept(TokenKind.RightParen))
        {
            if (Check(TokenKind.Arrow) && first is ColumnReference { Name.Parts.Count: 1 } single)
            {
                _pos++;
                return new LambdaExpression(open.Position, [single.Name.Parts[0]], ParseExpression());
            }

            return first;
        }

        var items = new List<Expression> { first };
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseExpression());
        }

        Expect(TokenKind.RightParen, ")");
        if (Check(TokenKind.Arrow) && items.TrueForAll(e => e is ColumnReference { Name.Parts.Count: 1 }))
        {
            _pos++;
            var parameters = items.ConvertAll(e => ((ColumnReference)e).Name.Parts[0]);
            return new LambdaExpression(open.Position, SyntaxList.From(parameters), ParseExpression());
        }

        return new RowConstructor(open.Position, SyntaxList.From(items));
    }

    private SubqueryExpression ParseSubqueryExpression()
    {
        var start = Position;
        return new SubqueryExpression(start, ParseParenthesizedQuery());
    }

    private Expression ParseKeywordOrName(Token token)
    {
        var next = PeekToken(1);
        switch (token.Text)
        {
            case "null":
                _pos++;
                return new NullLiteral(token.Position);
            case "true":
            case "false":
                _pos++;
                return new BooleanLiteral(token.Position, token.Text == "true");
            case "case":
                return ParseCase();
            case "cast":
            case "try_cast" when next.Kind == TokenKind.LeftParen:
                return ParseCast();
            case "exists" when next.Kind == TokenKind.LeftParen:
            {
                _pos += 2;
                var query = ParseQuery();
                Expect(TokenKind.RightParen, ")");
                return new ExistsExpression(token.Position, query);
            }

            case "array" when next.Kind == TokenKind.LeftBracket:
            {
                _pos += 2;
                var elements = Check(TokenKind.RightBracket) ? default : ParseExpressionList();
                Expect(TokenKind.RightBracket, "]");
                return new ArrayConstructor(token.Position, elements);
            }

            case "row" when next.Kind == TokenKind.LeftParen:
            {
                _pos += 2;
                var fields = ParseExpressionList();
                Expect(TokenKind.RightParen, ")");
                return new RowConstructor(token.Position, fields);
            }

            case "interval" when next.Kind is TokenKind.String or TokenKind.Plus or TokenKind.Minus:
                return ParseIntervalLiteral();
            case "current_date":
                _pos++;
                return new CurrentValueExpression(token.Position, CurrentValue.Date, null);
            case "current_time":
            case "current_timestamp":
            case "localtime":
            case "localtimestamp":
            {
                _pos++;
                int? precision = null;
                if (Accept(TokenKind.LeftParen))
                {
                    precision = ParseIntegerValue();
                    Expect(TokenKind.RightParen, ")");
                }

                var kind = token.Text switch
                {
                    "current_time" => CurrentValue.Time,
                    "current_timestamp" => CurrentValue.Timestamp,
                    "localtime" => CurrentValue.LocalTime,
                    _ => CurrentValue.LocalTimestamp,
                };
                return new CurrentValueExpression(token.Position, kind, precision);
            }

            case "current_user":
                _pos++;
                return new CurrentValueExpression(token.Position, CurrentValue.User, null);
            case "current_catalog":
                _pos++;
                return new CurrentValueExpression(token.Position, CurrentValue.Catalog, null);
            case "current_schema":
                _pos++;
                return new CurrentValueExpression(token.Position, CurrentValue.Schema, null);
            case "extract" when next.Kind == TokenKind.LeftParen:
            {
                _pos += 2;
                var field = ParseIdentifier();
                ExpectKeyword("from");
                var value = ParseValueExpression();
                Expect(TokenKind.RightParen, ")");
                return new ExtractExpression(token.Position, field, value);
            }

            case "trim" when next.Kind == TokenKind.LeftParen:
                return ParseTrim();
            case "grouping" when next.Kind == TokenKind.LeftParen:
            {
                _pos += 2;
                var arguments = Check(TokenKind.RightParen) ? default : ParseExpressionList();
                Expect(TokenKind.RightParen, ")");
                var name = new QualifiedName(token.Position, [new Identifier(token.Position, "grouping")]);
                return new FunctionCall(token.Position, name, false, arguments, false, null, null, NullTreatment.Unspecified, null);
            }
        }

        if (next.Kind == TokenKind.String && !Keywords.IsReserved(token.Text))
        {
            // type 'literal': DATE '…', TIMESTAMP '…', DECIMAL '…', UUID '…'
            _pos++;
            var type = SimpleType(token);
            return new TypedLiteral(token.Position, type, Advance().Text);
        }

        if ((token.Is("timestamp") || token.Is("time")) && IsKeyword(1, "with") && IsKeyword(2, "time") && IsKeyword(3, "zone")
            && PeekToken(4).Kind == TokenKind.String)
        {
            _pos += 4;
            var kind = token.Is("time") ? DateTimeTypeKind.Time : DateTimeTypeKind.Timestamp;
            return new TypedLiteral(token.Position, new DateTimeType(token.Position, kind, null, true), Advance().Text);
        }

        if (Keywords.IsReserved(token.Text))
        {
            if (next.Kind == TokenKind.LeftParen && Keywords.ReservedFunctionNames.Contains(token.Text))
            {
                _pos++;
                var functionName = new QualifiedName(token.Position, [new Identifier(token.Position, token.Text)]);
                return ParseFunctionCall(token.Position, functionName);
            }

            throw SyntaxError("expression");
        }

        return ParseNameExpression();
    }

    private DataType SimpleType(Token token) => token.Text switch
    {
        "timestamp" => new DateTimeType(token.Position, DateTimeTypeKind.Timestamp, null, false),
        "time" => new DateTimeType(token.Position, DateTimeTypeKind.Time, null, false),
        "int" => new NamedType(token.Position, "integer", default),
        _ => new NamedType(token.Position, token.Text, default),
    };

    /// <summary>A name: a column reference, a function call, or a lambda x -> body.</summary>
    private Expression ParseNameExpression()
    {
        var start = Position;
        if (PeekToken(1).Kind == TokenKind.Arrow)
        {
            var parameter = ParseIdentifier();
            _pos++;
            return new LambdaExpression(start, [parameter], ParseExpression());
        }

        var name = ParseQualifiedName();
        if (Check(TokenKind.LeftParen))
        {
            return ParseFunctionCall(start, name);
        }

        return new ColumnReference(start, name);
    }

    private CaseExpression ParseCase()
    {
        var start = Advance().Position;
        Expression? operand = IsKeyword("when") ? null : ParseExpression();
        var whens = new List<WhenClause>();
        while (IsKeyword("when"))
        {
            var when = Advance();
            var condition = ParseExpression();
            ExpectKeyword("then");
            whens.Add(new WhenClause(when.Position, condition, ParseExpression()));
        }

        if (whens.Count == 0)
        {
            throw SyntaxError("WHEN");
        }

        Expression? elseValue = AcceptKeyword("else") ? ParseExpression() : null;
        ExpectKeyword("end");
        return new CaseExpression(start, operand, SyntaxList.From(whens), elseValue);
    }

    private CastExpression ParseCast()
    {
        var token = Advance();
        Expect(TokenKind.LeftParen, "(");
        var value = ParseExpression();
        ExpectKeyword("as");
        var type = ParseType();
        Expect(TokenKind.RightParen, ")");
        return new CastExpression(token.Position, value, type, token.Is("try_cast"));
    }

    private IntervalLiteral ParseIntervalLiteral()
    {
        var start = Advance().Position;
        var negative = false;
        if (Accept(TokenKind.Minus))
        {
            negative = true;
        }
        else
        {
            Accept(TokenKind.Plus);
        }

        var value = ParseStringValue();
        var from = ParseIntervalField();
        IntervalField? to = null;
        if (AcceptKeyword("to"))
        {
            to = ParseIntervalField();
        }

        return new IntervalLiteral(start, value, negative, from, to);
    }

    private IntervalField ParseIntervalField()
    {
        IntervalField? field = Current.Kind != TokenKind.Identifier ? null : Current.Text switch
        {
            "year" => IntervalField.Year,
            "month" => IntervalField.Month,
            "week" => IntervalField.Week,
            "day" => IntervalField.Day,
            "hour" => IntervalField.Hour,
            "minute" => IntervalField.Minute,
            "second" => IntervalField.Second,
            _ => null,
        };
        if (field is null)
        {
            throw SyntaxError("YEAR, MONTH, WEEK, DAY, HOUR, MINUTE or SECOND");
        }

        _pos++;
        return field.Value;
    }
}
