using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

public sealed partial class SqlParser
{
    /// <summary>FROM a, b JOIN c …: comma-separated items folded into implicit joins (JOIN binds tighter).</summary>
    private Relation ParseFromList()
    {
        var left = ParseJoinedRelation();
        var chain = 0;
        while (Check(TokenKind.Comma))
        {
            var comma = Advance();
            Enter();
            chain++;
            var right = ParseJoinedRelation();
            left = new Join(comma.Position, JoinType.Implicit, left, right, null);
        }

        Leave(chain);
        return left;
    }

    private Relation ParseJoinedRelation()
    {
        var left = ParseAliasedRelation();
        var chain = 0;
        while (true)
        {
            var start = Position;
            JoinType type;
            var natural = AcceptKeyword("natural");
            if (!natural && AcceptKeywords("cross", "join"))
            {
                Enter();
                chain++;
                left = new Join(start, JoinType.Cross, left, ParseAliasedRelation(), null);
                continue;
            }

            if (AcceptKeyword("join"))
            {
                type = JoinType.Inner;
            }
            else if (AcceptKeyword("inner"))
            {
                ExpectKeyword("join");
                type = JoinType.Inner;
            }
            else if (IsKeyword("left") || IsKeyword("right") || IsKeyword("full"))
            {
                var word = Advance().Text;
                AcceptKeyword("outer");
                ExpectKeyword("join");
                type = word switch
                {
                    "left" => JoinType.Left,
                    "right" => JoinType.Right,
                    _ => JoinType.Full,
                };
            }
            else if (natural)
            {
                throw SyntaxError("JOIN");
            }
            else
            {
                break;
            }

            Enter();
            chain++;
            var right = ParseAliasedRelation();
            JoinCriteria? criteria;
            if (natural)
            {
                criteria = new NaturalJoin(start);
            }
            else if (IsKeyword("on"))
            {
                var on = Advance();
                criteria = new JoinOn(on.Position, ParseExpression());
            }
            else if (IsKeyword("using"))
            {
                var usingToken = Advance();
                criteria = new JoinUsing(usingToken.Position, ParseIdentifierList());
            }
            else
            {
                throw SyntaxError("ON or USING");
            }

            left = new Join(start, type, left, right, criteria);
        }

        Leave(chain);
        return left;
    }

    private Relation ParseAliasedRelation()
    {
        var start = Position;
        var relation = ParseRelationPrimary();
        var alias = ParseOptionalAlias();
        if (alias is null)
        {
            return relation;
        }

        var columns = Check(TokenKind.LeftParen) ? ParseIdentifierList() : default;
        return new AliasedRelation(start, relation, alias, columns);
    }

    private Relation ParseRelationPrimary()
    {
        var token = Current;
        if (token.Kind == TokenKind.LeftParen)
        {
            Enter();
            Relation result;
            if (IsQueryStart(PeekToken(1)))
            {
                result = ParseSubqueryRelation();
            }
            else if (PeekToken(1).Kind == TokenKind.LeftParen && StartsQueryAfterParens(1))
            {
                result = Try(ParseSubqueryRelation) ?? ParseParenthesizedRelation();
            }
            else
            {
                result = ParseParenthesizedRelation();
            }

            Leave();
            return result;
        }

        if (token.Is("lateral"))
        {
            _pos++;
            if (Check(TokenKind.LeftParen))
            {
                var open = Advance();
                Enter();
                var query = ParseQuery();
                Leave();
                Expect(TokenKind.RightParen, ")");
                return new LateralRelation(open.Position, query);
            }

            // LATERAL UNNEST(…) / LATERAL f(…): those are lateral anyway.
            return ParseRelationPrimary();
        }

        if (token.Is("unnest"))
        {
            _pos++;
            Expect(TokenKind.LeftParen, "(");
            var expressions = ParseExpressionList();
            Expect(TokenKind.RightParen, ")");
            var ordinality = false;
            if (IsKeyword("with") && IsKeyword(1, "ordinality"))
            {
                _pos += 2;
                ordinality = true;
            }

            return new UnnestRelation(token.Position, expressions, ordinality);
        }

        if (token.Is("table") && PeekToken(1).Kind == TokenKind.LeftParen)
        {
            // TABLE(f(…))
            _pos += 2;
            var name = ParseQualifiedName();
            Expect(TokenKind.LeftParen, "(");
            var arguments = ParseFunctionArguments();
            Expect(TokenKind.RightParen, ")");
            return new TableFunctionRelation(token.Position, name, arguments);
        }

        var qualifiedName = ParseQualifiedName();
        if (Accept(TokenKind.LeftParen))
        {
            return new TableFunctionRelation(token.Position, qualifiedName, ParseFunctionArguments());
        }

        TableVersion? version = null;
        if (IsKeyword("for"))
        {
            var forToken = Advance();
            TableVersionKind kind;
            if (AcceptKeyword("version") || AcceptKeyword("system_version"))
            {
                kind = TableVersionKind.Version;
            }
            else if (AcceptKeyword("timestamp") || AcceptKeyword("system_time"))
            {
                kind = TableVersionKind.Timestamp;
            }
            else
            {
                throw SyntaxError("VERSION or TIMESTAMP");
            }

            ExpectKeyword("as");
            ExpectKeyword("of");
            version = new TableVersion(forToken.Position, kind, ParseValueExpression());
        }

        return new TableReference(token.Position, qualifiedName, version);
    }

    private SubqueryRelation ParseSubqueryRelation()
    {
        var start = Position;
        return new SubqueryRelation(start, ParseParenthesizedQuery());
    }

    private Relation ParseParenthesizedRelation()
    {
        Advance();
        var relation = ParseFromList();
        Expect(TokenKind.RightParen, ")");
        return relation;
    }

    /// <summary>Arguments after '(' up to and including ')': [name =>] expression, ….</summary>
    private SyntaxList<FunctionArgument> ParseFunctionArguments()
    {
        var arguments = new List<FunctionArgument>();
        if (!Check(TokenKind.RightParen))
        {
            do
            {
                var start = Position;
                Identifier? name = null;
                if (IsIdentifier() && PeekToken(1).Kind == TokenKind.FatArrow)
                {
                    name = ParseIdentifier();
                    _pos++;
                }

                arguments.Add(new FunctionArgument(start, name, ParseExpression()));
            }
            while (Accept(TokenKind.Comma));
        }

        Expect(TokenKind.RightParen, ")");
        return SyntaxList.From(arguments);
    }
}
