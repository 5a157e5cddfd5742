using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

// Function calls, window specifications and the special-syntax functions (TRIM).
public sealed partial class SqlParser
{
    private Expression ParseFunctionCall(SourcePosition start, QualifiedName name)
    {
        Expect(TokenKind.LeftParen, "(");
        var simpleName = name.Parts.Count == 1 ? name.Parts[0].Value : null;
        var distinct = false;
        var star = false;
        SyntaxList<Expression> arguments = default;
        OrderBy? orderBy = null;
        if (simpleName == "position" && !Check(TokenKind.RightParen))
        {
            // POSITION(substring IN string)
            var save = _pos;
            var needle = ParseValueExpression();
            if (AcceptKeyword("in"))
            {
                var haystack = ParseValueExpression();
                Expect(TokenKind.RightParen, ")");
                return new FunctionCall(start, name, false, [needle, haystack], false, null, null, NullTreatment.Unspecified, null);
            }

            _pos = save;
        }

        if (Check(TokenKind.Star) && PeekToken(1).Kind == TokenKind.RightParen)
        {
            _pos += 2;
            star = true;
        }
        else if (Accept(TokenKind.RightParen))
        {
        }
        else
        {
            if (AcceptKeyword("distinct"))
            {
                distinct = true;
            }
            else
            {
                AcceptKeyword("all");
            }

            var items = new List<Expression> { ParseExpression() };
            if (simpleName == "substring" && IsKeyword("from"))
            {
                // SUBSTRING(string FROM start [FOR length])
                _pos++;
                items.Add(ParseExpression());
                if (AcceptKeyword("for"))
                {
                    items.Add(ParseExpression());
                }
            }

            while (Accept(TokenKind.Comma))
            {
                items.Add(ParseExpression());
            }

            if (IsKeyword("order"))
            {
                orderBy = ParseOrderBy();
            }

            Expect(TokenKind.RightParen, ")");
            arguments = SyntaxList.From(items);
        }

        // WITHIN GROUP (ORDER BY …), as for listagg
        if (orderBy is null && IsKeyword("within") && IsKeyword(1, "group"))
        {
            _pos += 2;
            Expect(TokenKind.LeftParen, "(");
            orderBy = ParseOrderBy();
            Expect(TokenKind.RightParen, ")");
        }

        Expression? filter = null;
        if (IsKeyword("filter") && PeekToken(1).Kind == TokenKind.LeftParen)
        {
            _pos += 2;
            ExpectKeyword("where");
            filter = ParseExpression();
            Expect(TokenKind.RightParen, ")");
        }

        var nullTreatment = NullTreatment.Unspecified;
        if ((IsKeyword("ignore") || IsKeyword("respect")) && IsKeyword(1, "nulls"))
        {
            nullTreatment = Advance().Is("ignore") ? NullTreatment.IgnoreNulls : NullTreatment.RespectNulls;
            _pos++;
            if (!IsKeyword("over"))
            {
                throw SyntaxError("OVER");
            }

            if (PeekToken(1).Kind != TokenKind.LeftParen && !IsIdentifier(1))
            {
                throw SyntaxError(PeekToken(1), "window");
            }
        }

        Window? over = null;
        if (IsKeyword("over") && (PeekToken(1).Kind == TokenKind.LeftParen || IsIdentifier(1)))
        {
            var overToken = Advance();
            if (Accept(TokenKind.LeftParen))
            {
                over = ParseWindowSpecification(overToken.Position);
            }
            else
            {
                var windowName = ParseIdentifier();
                over = new WindowReference(windowName.Position, windowName);
            }
        }

        return new FunctionCall(start, name, distinct, arguments, star, orderBy, filter, nullTreatment, over);
    }

    /// <summary>The inside of OVER ( … ) after '(' up to and including ')'.</summary>
    private WindowSpecification ParseWindowSpecification(SourcePosition start)
    {
        Identifier? baseWindow = null;
        if (IsIdentifier() && !IsKeyword("partition") && !IsKeyword("order") && !IsKeyword("rows") && !IsKeyword("range") && !IsKeyword("groups"))
        {
            baseWindow = ParseIdentifier();
        }

        SyntaxList<Expression> partitionBy = default;
        if (AcceptKeyword("partition"))
        {
            ExpectKeyword("by");
            partitionBy = ParseExpressionList();
        }

        OrderBy? orderBy = IsKeyword("order") ? ParseOrderBy() : null;
        WindowFrame? frame = null;
        if (IsKeyword("rows") || IsKeyword("range") || IsKeyword("groups"))
        {
            var unitToken = Advance();
            var unit = unitToken.Text switch
            {
                "rows" => FrameUnit.Rows,
                "range" => FrameUnit.Range,
                _ => FrameUnit.Groups,
            };
            if (AcceptKeyword("between"))
            {
                var lower = ParseFrameBound();
                ExpectKeyword("and");
                var upper = ParseFrameBound();
                frame = new WindowFrame(unitToken.Position, unit, lower, upper);
            }
            else
            {
                frame = new WindowFrame(unitToken.Position, unit, ParseFrameBound(), null);
            }
        }

        Expect(TokenKind.RightParen, ")");
        return new WindowSpecification(start, baseWindow, partitionBy, orderBy, frame);
    }

    private FrameBound ParseFrameBound()
    {
        var start = Position;
        if (AcceptKeyword("unbounded"))
        {
            if (AcceptKeyword("preceding"))
            {
                return new FrameBound(start, FrameBoundKind.UnboundedPreceding, null);
            }

            ExpectKeyword("following");
            return new FrameBound(start, FrameBoundKind.UnboundedFollowing, null);
        }

        if (AcceptKeywords("current", "row"))
        {
            return new FrameBound(start, FrameBoundKind.CurrentRow, null);
        }

        var offset = ParseValueExpression();
        if (AcceptKeyword("preceding"))
        {
            return new FrameBound(start, FrameBoundKind.Preceding, offset);
        }

        ExpectKeyword("following");
        return new FrameBound(start, FrameBoundKind.Following, offset);
    }

    // TRIM([BOTH|LEADING|TRAILING] [characters] FROM string) or trim(string[, characters]).
    private FunctionCall ParseTrim()
    {
        var token = Advance();
        Expect(TokenKind.LeftParen, "(");
        var function = "trim";
        var sawSpecification = false;
        if (IsKeyword("both") || IsKeyword("leading") || IsKeyword("trailing"))
        {
            var which = Advance().Text;
            function = which switch
            {
                "leading" => "ltrim",
                "trailing" => "rtrim",
                _ => "trim",
            };
            sawSpecification = true;
        }

        Expression? characters = null;
        Expression value;
        if (AcceptKeyword("from"))
        {
            value = ParseExpression();
        }
        else
        {
            var first = ParseValueExpression();
            if (AcceptKeyword("from"))
            {
                characters = first;
                value = ParseExpression();
            }
            else if (sawSpecification)
            {
                throw SyntaxError("FROM");
            }
            else
            {
                var items = new List<Expression> { first };
                while (Accept(TokenKind.Comma))
                {
                    items.Add(ParseExpression());
                }

                Expect(TokenKind.RightParen, ")");
                var plainName = new QualifiedName(token.Position, [new Identifier(token.Position, "trim")]);
                return new FunctionCall(token.Position, plainName, false, SyntaxList.From(items), false, null, null, NullTreatment.Unspecified, null);
            }
        }

        Expect(TokenKind.RightParen, ")");
        var name = new QualifiedName(token.Position, [new Identifier(token.Position, function)]);
        SyntaxList<Expression> arguments = characters is null ? [value] : [value, characters];
        return new FunctionCall(token.Position, name, false, arguments, false, null, null, NullTreatment.Unspecified, null);
    }
}
