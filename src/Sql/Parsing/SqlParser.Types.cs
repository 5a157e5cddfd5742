using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

public sealed partial class SqlParser
{
    private DataType ParseType()
    {
        Enter();
        var type = ParseTypeCore();
        Leave();
        return type;
    }

    private DataType ParseTypeCore()
    {
        var token = Current;
        if (token.Kind != TokenKind.Identifier && token.Kind != TokenKind.QuotedIdentifier)
        {
            throw SyntaxError("type");
        }

        var next = PeekToken(1);
        if (token.Kind == TokenKind.Identifier)
        {
            switch (token.Text)
            {
                case "array" when next.Kind is TokenKind.LeftParen or TokenKind.Less:
                {
                    _pos++;
                    var angle = Advance().Kind == TokenKind.Less;
                    var element = ParseType();
                    Expect(angle ? TokenKind.Greater : TokenKind.RightParen, angle ? ">" : ")");
                    return new ArrayType(token.Position, element);
                }

                case "map" when next.Kind is TokenKind.LeftParen or TokenKind.Less:
                {
                    _pos++;
                    var angle = Advance().Kind == TokenKind.Less;
                    var key = ParseType();
                    Expect(TokenKind.Comma, ",");
                    var value = ParseType();
                    Expect(angle ? TokenKind.Greater : TokenKind.RightParen, angle ? ">" : ")");
                    return new MapType(token.Position, key, value);
                }

                case "row" when next.Kind == TokenKind.LeftParen:
                {
                    _pos += 2;
                    var fields = new List<RowField>();
                    do
                    {
                        var fieldStart = Position;
                        Identifier? name = null;
                        if (IsIdentifier() && IsIdentifier(1) && !IsKeyword(1, "with") && !IsKeyword(1, "without")
                            && !(IsKeyword("double") && IsKeyword(1, "precision")))
                        {
                            name = ParseIdentifier();
                        }

                        fields.Add(new RowField(fieldStart, name, ParseType()));
                    }
                    while (Accept(TokenKind.Comma));
                    Expect(TokenKind.RightParen, ")");
                    return new RowType(token.Position, SyntaxList.From(fields));
                }

                case "interval":
                {
                    _pos++;
                    var from = ParseIntervalField();
                    IntervalField? to = AcceptKeyword("to") ? ParseIntervalField() : null;
                    return new IntervalType(token.Position, from, to);
                }

                case "time":
                case "timestamp":
                {
                    _pos++;
                    int? precision = null;
                    if (Accept(TokenKind.LeftParen))
                    {
                        precision = ParseIntegerValue();
                        Expect(TokenKind.RightParen, ")");
                    }

                    var withTimeZone = false;
                    if (IsKeyword("with") && IsKeyword(1, "time") && IsKeyword(2, "zone"))
                    {
                        _pos += 3;
                        withTimeZone = true;
                    }
                    else if (IsKeyword("without") && IsKeyword(1, "time") && IsKeyword(2, "zone"))
                    {
                        _pos += 3;
                    }

                    var kind = token.Text == "time" ? DateTimeTypeKind.Time : DateTimeTypeKind.Timestamp;
                    return new DateTimeType(token.Position, kind, precision, withTimeZone);
                }

                case "double":
                    _pos++;
                    AcceptKeyword("precision");
                    return new NamedType(token.Position, "double", default);
            }
        }

        _pos++;
        var typeName = token.Text == "int" && token.Kind == TokenKind.Identifier ? "integer" : token.Text;
        SyntaxList<int> parameters = default;
        if (Accept(TokenKind.LeftParen))
        {
            var list = new List<int> { ParseIntegerValue() };
            while (Accept(TokenKind.Comma))
            {
                list.Add(ParseIntegerValue());
            }

            Expect(TokenKind.RightParen, ")");
            parameters = SyntaxList.From(list);
        }

        return new NamedType(token.Position, typeName, parameters);
    }
}
