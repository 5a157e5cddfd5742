using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

public sealed partial class SqlParser
{
    private Query ParseQuery()
    {
        Enter();
        var start = Position;
        With? with = null;
        if (IsKeyword("with"))
        {
            with = ParseWith();
        }

        var body = ParseSetOperation(0);
        OrderBy? orderBy = null;
        if (IsKeyword("order"))
        {
            orderBy = ParseOrderBy();
        }

        Expression? offset = null;
        Limit? limit = null;
        // Trino order is OFFSET then LIMIT/FETCH; LIMIT n OFFSET m is accepted as well.
        if (IsKeyword("offset"))
        {
            offset = ParseOffset();
        }

        if (IsKeyword("limit") || IsKeyword("fetch"))
        {
            limit = ParseLimit();
            if (offset is null && IsKeyword("offset"))
            {
                offset = ParseOffset();
            }
        }

        Leave();
        // A parenthesized query with nothing around it is that query.
        if (with is null && orderBy is null && offset is null && limit is null && body is ParenthesizedQuery parenthesized)
        {
            return parenthesized.Query;
        }

        return new Query(start, with, body, orderBy, offset, limit);
    }

    private With ParseWith()
    {
        var start = Advance().Position;
        var recursive = AcceptKeyword("recursive");
        var queries = new List<WithQuery>();
        do
        {
            var queryStart = Position;
            var name = ParseIdentifier();
            var columns = Check(TokenKind.LeftParen) ? ParseIdentifierList() : default;
            ExpectKeyword("as");
            AcceptKeyword("materialized");
            Expect(TokenKind.LeftParen, "(");
            var query = ParseQuery();
            Expect(TokenKind.RightParen, ")");
            queries.Add(new WithQuery(queryStart, name, columns, query));
        }
        while (Accept(TokenKind.Comma));
        return new With(start, recursive, SyntaxList.From(queries));
    }

    private Expression ParseOffset()
    {
        Advance();
        var value = ParseRowCount();
        if (!AcceptKeyword("rows"))
        {
            AcceptKeyword("row");
        }

        return value;
    }

    /// <summary>LIMIT n | LIMIT ALL (null: no limit) | FETCH FIRST|NEXT [n] ROW|ROWS ONLY|WITH TIES.</summary>
    private Limit? ParseLimit()
    {
        var start = Advance().Position;
        if (_tokens[_pos - 1].Is("limit"))
        {
            return AcceptKeyword("all") ? null : new Limit(start, ParseRowCount(), false);
        }

        if (!AcceptKeyword("first") && !AcceptKeyword("next"))
        {
            throw SyntaxError("FIRST or NEXT");
        }

        Expression count = Check(TokenKind.Integer) || Check(TokenKind.QuestionMark) || Check(TokenKind.DollarParameter)
            ? ParseRowCount()
            : new IntegerLiteral(Position, 1);
        if (!AcceptKeyword("rows") && !AcceptKeyword("row"))
        {
            throw SyntaxError("ROWS");
        }

        if (AcceptKeyword("only"))
        {
            return new Limit(start, count, false);
        }

        ExpectKeyword("with");
        ExpectKeyword("ties");
        return new Limit(start, count, true);
    }

    /// <summary>A row count: an integer literal or a parameter (as Trino).</summary>
    private Expression ParseRowCount()
    {
        var token = Current;
        if (token.Kind is TokenKind.Integer or TokenKind.QuestionMark or TokenKind.DollarParameter)
        {
            return ParsePrimary();
        }

        throw SyntaxError("integer or parameter");
    }

    // Set operations: INTERSECT binds tighter than UNION and EXCEPT; all are left-associative.
    private QueryBody ParseSetOperation(int level)
    {
        var left = level == 0 ? ParseSetOperation(1) : ParseQueryPrimary();
        var chain = 0;
        while (true)
        {
            var token = Current;
            SetOperator op;
            if (level == 0 && token.Is("union"))
            {
                op = SetOperator.Union;
            }
            else if (level == 0 && token.Is("except"))
            {
                op = SetOperator.Except;
            }
            else if (level == 1 && token.Is("intersect"))
            {
                op = SetOperator.Intersect;
            }
            else
            {
                break;
            }

            _pos++;
            var distinct = true;
            if (AcceptKeyword("all"))
            {
                distinct = false;
            }
            else
            {
                AcceptKeyword("distinct");
            }

            Enter();
            chain++;
            var right = level == 0 ? ParseSetOperation(1) : ParseQueryPrimary();
            left = new SetOperation(token.Position, op, distinct, left, right);
        }

        Leave(chain);
        return left;
    }

    private QueryBody ParseQueryPrimary()
    {
        var token = Current;
        if (token.Is("select"))
        {
            return ParseQuerySpecification();
        }

        if (token.Is("values"))
        {
            _pos++;
            return new Values(token.Position, ParseExpressionList());
        }

        if (token.Is("table"))
        {
            _pos++;
            return new TableQuery(token.Position, ParseQualifiedName());
        }

        if (token.Kind == TokenKind.LeftParen)
        {
            var query = ParseParenthesizedQuery();
            if (query.With is null && query.OrderBy is null && query.Offset is null && query.Limit is null)
            {
                return query.Body;
            }

            return new ParenthesizedQuery(token.Position, query);
        }

        throw SyntaxError("SELECT, VALUES, TABLE or (");
    }

    private QuerySpecification ParseQuerySpecification()
    {
        var start = Advance().Position;
        var distinct = false;
        if (AcceptKeyword("distinct"))
        {
            distinct = true;
        }
        else
        {
            AcceptKeyword("all");
        }

        var select = new List<SelectItem>();
        do
        {
            select.Add(ParseSelectItem());
        }
        while (Accept(TokenKind.Comma));

        Relation? from = null;
        if (AcceptKeyword("from"))
        {
            from = ParseFromList();
        }

        Expression? where = AcceptKeyword("where") ? ParseExpression() : null;
        GroupBy? groupBy = null;
        if (IsKeyword("group"))
        {
            groupBy = ParseGroupBy();
        }

        Expression? having = AcceptKeyword("having") ? ParseExpression() : null;
        var windows = new List<WindowDefinition>();
        if (IsKeyword("window") && IsIdentifier(1) && IsKeyword(2, "as"))
        {
            _pos++;
            do
            {
                var windowStart = Position;
                var name = ParseIdentifier();
                ExpectKeyword("as");
                Expect(TokenKind.LeftParen, "(");
                var specification = ParseWindowSpecification(windowStart);
                windows.Add(new WindowDefinition(windowStart, name, specification));
            }
            while (Accept(TokenKind.Comma));
        }

        return new QuerySpecification(start, distinct, SyntaxList.From(select), from, where, groupBy, having, SyntaxList.From(windows));
    }

    private SelectItem ParseSelectItem()
    {
        var start = Position;
        if (Accept(TokenKind.Star))
        {
            return new AllColumns(start, null);
        }

        // prefix.* : identifiers separated by dots and ending in .*
        if (IsIdentifier())
        {
            var i = 0;
            while (IsIdentifier(i) && PeekToken(i + 1).Kind == TokenKind.Dot)
            {
                if (PeekToken(i + 2).Kind == TokenKind.Star)
                {
                    var parts = new List<Identifier>();
                    for (var k = 0; k <= i; k += 2)
                    {
                        parts.Add(ParseIdentifier());
                        _pos++;
                    }

                    _pos++;
                    return new AllColumns(start, new QualifiedName(start, SyntaxList.From(parts)));
                }

                i += 2;
            }
        }

        var expression = ParseExpression();
        return new SingleColumn(start, expression, ParseOptionalAlias());
    }

    /// <summary>[AS] alias, where an alias without AS must not start the next clause.</summary>
    private Identifier? ParseOptionalAlias()
    {
        if (AcceptKeyword("as"))
        {
            return ParseIdentifier();
        }

        if (Current.Kind == TokenKind.QuotedIdentifier)
        {
            return ParseIdentifier();
        }

        if (Current.Kind == TokenKind.Identifier && !Keywords.IsReserved(Current.Text))
        {
            // WINDOW starts the WINDOW clause only when "name AS" follows.
            var startsClause = Current.Is("window")
                ? IsIdentifier(1) && IsKeyword(2, "as")
                : Keywords.NotImplicitAlias.Contains(Current.Text);
            if (!startsClause)
            {
                return ParseIdentifier();
            }
        }

        return null;
    }

    private GroupBy ParseGroupBy()
    {
        var start = Advance().Position;
        ExpectKeyword("by");
        var distinct = false;
        if (AcceptKeyword("distinct"))
        {
            distinct = true;
        }
        else
        {
            AcceptKeyword("all");
        }

        var elements = new List<GroupingElement>();
        do
        {
            elements.Add(ParseGroupingElement());
        }
        while (Accept(TokenKind.Comma));
        return new GroupBy(start, distinct, SyntaxList.From(elements));
    }

    private GroupingElement ParseGroupingElement()
    {
        var start = Position;
        if ((IsKeyword("rollup") || IsKeyword("cube")) && PeekToken(1).Kind == TokenKind.LeftParen)
        {
            var isRollup = Advance().Is("rollup");
            _pos++;
            var expressions = Check(TokenKind.RightParen) ? default : ParseExpressionList();
            Expect(TokenKind.RightParen, ")");
            return isRollup ? new Rollup(start, expressions) : new Cube(start, expressions);
        }

        if (IsKeyword("grouping") && IsKeyword(1, "sets"))
        {
            _pos += 2;
            Expect(TokenKind.LeftParen, "(");
            var sets = new List<SyntaxList<Expression>>();
            do
            {
                sets.Add(ParseGroupingSet());
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RightParen, ")");
            return new GroupingSets(start, SyntaxList.From(sets));
        }

        if (Check(TokenKind.LeftParen) && PeekToken(1).Kind == TokenKind.RightParen)
        {
            _pos += 2;
            return new GroupingSets(start, [default]);
        }

        return new SimpleGroupBy(start, ParseExpression());
    }

    // A grouping set is (a, b), () or a single expression.
    private SyntaxList<Expression> ParseGroupingSet()
    {
        if (Check(TokenKind.LeftParen) && !StartsQueryAfterParens(1))
        {
            var save = _pos;
            _pos++;
            if (Accept(TokenKind.RightParen))
            {
                return default;
            }

            _pos = save;
            var expression = ParseExpression();
            return expression is RowConstructor { Position.Offset: var offset } row && offset == _tokens[save].Position.Offset && _sql[offset] == '('
                ? row.Fields
                : [expression];
        }

        return [ParseExpression()];
    }

    private OrderBy ParseOrderBy()
    {
        var start = Advance().Position;
        ExpectKeyword("by");
        var items = new List<SortItem>();
        do
        {
            var itemStart = Position;
            var key = ParseExpression();
            var order = SortOrder.Unspecified;
            if (AcceptKeyword("asc"))
            {
                order = SortOrder.Ascending;
            }
            else if (AcceptKeyword("desc"))
            {
                order = SortOrder.Descending;
            }

            var nulls = NullOrder.Unspecified;
            if (AcceptKeyword("nulls"))
            {
                if (AcceptKeyword("first"))
                {
                    nulls = NullOrder.First;
                }
                else if (AcceptKeyword("last"))
                {
                    nulls = NullOrder.Last;
                }
                else
                {
                    throw SyntaxError("FIRST or LAST");
                }
            }

            items.Add(new SortItem(itemStart, key, order, nulls));
        }
        while (Accept(TokenKind.Comma));
        return new OrderBy(start, SyntaxList.From(items));
    }
}
