using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

public sealed partial class SqlParser
{
    private Statement ParseStatement()
    {
        var token = Current;
        if (token.Kind == TokenKind.LeftParen || IsQueryStart(token))
        {
            return ParseQuery();
        }

        if (token.Kind != TokenKind.Identifier)
        {
            throw SyntaxError();
        }

        return token.Text switch
        {
            "explain" => ParseExplain(),
            "show" => ParseShow(),
            "describe" or "desc" => ParseDescribe(),
            "create" => ParseCreate(),
            "insert" => ParseInsert(),
            "drop" => ParseDrop(),
            "alter" => ParseAlter(),
            "copy" => ParseCopy(),
            "update" => ParseUpdate(),
            "delete" => ParseDelete(),
            "merge" => ParseMerge(),
            "use" => ParseUse(),
            "set" => IsKeyword(1, "time") ? ParseSetTimeZone() : ParseSetSession(),
            "reset" => ParseResetSession(),
            "start" => ParseStartTransaction(),
            "begin" => ParseBegin(),
            "commit" => new Commit(ParseTransactionEnd()),
            "rollback" => new Rollback(ParseTransactionEnd()),
            _ => throw SyntaxError(),
        };
    }

    private Explain ParseExplain()
    {
        var start = Advance().Position;
        var analyze = AcceptKeyword("analyze");
        var verbose = AcceptKeyword("verbose");
        var options = new List<ExplainOption>();
        // EXPLAIN (FORMAT TEXT, TYPE LOGICAL) …, distinguished from EXPLAIN (SELECT …) by "word word".
        if (Check(TokenKind.LeftParen) && IsIdentifier(1) && IsIdentifier(2) && !IsQueryStart(PeekToken(1)))
        {
            _pos++;
            do
            {
                var optionStart = Position;
                var name = ParseIdentifier();
                var value = ParseIdentifier();
                options.Add(new ExplainOption(optionStart, name, value));
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RightParen, ")");
        }

        Enter();
        var statement = ParseStatement();
        Leave();
        return new Explain(start, statement, analyze, verbose, SyntaxList.From(options));
    }

    private string? ParseLikePattern()
    {
        if (!AcceptKeyword("like"))
        {
            return null;
        }

        return ParseStringValue();
    }

    private Statement ParseShow()
    {
        var start = Advance().Position;
        if (AcceptKeyword("catalogs"))
        {
            return new ShowCatalogs(start, ParseLikePattern());
        }

        if (AcceptKeyword("schemas"))
        {
            Identifier? catalog = null;
            if (AcceptKeyword("from") || AcceptKeyword("in"))
            {
                catalog = ParseIdentifier();
            }

            return new ShowSchemas(start, catalog, ParseLikePattern());
        }

        if (AcceptKeyword("tables"))
        {
            QualifiedName? schema = null;
            if (AcceptKeyword("from") || AcceptKeyword("in"))
            {
                schema = ParseQualifiedName();
            }

            return new ShowTables(start, schema, ParseLikePattern());
        }

        if (IsKeyword("create") && IsKeyword(1, "table"))
        {
            _pos += 2;
            return new ShowCreateTable(start, ParseQualifiedName());
        }

        if (AcceptKeyword("columns"))
        {
            if (!AcceptKeyword("from") && !AcceptKeyword("in"))
            {
                throw SyntaxError("FROM");
            }

            var table = ParseQualifiedName();
            return new ShowColumns(start, table, ParseLikePattern());
        }

        throw SyntaxError("CATALOGS, SCHEMAS, TABLES, COLUMNS or CREATE TABLE");
    }

    private ShowColumns ParseDescribe()
    {
        var start = Advance().Position;
        return new ShowColumns(start, ParseQualifiedName(), null);
    }

    private Statement ParseCreate()
    {
        var start = Advance().Position;
        var orReplace = AcceptKeywords("or", "replace");
        if (!orReplace && AcceptKeyword("schema"))
        {
            var ifNotExists = ParseIfNotExists();
            var name = ParseQualifiedName();
            return new CreateSchema(start, name, ifNotExists, ParseWithProperties());
        }

        if (!AcceptKeyword("table"))
        {
            throw SyntaxError(orReplace ? "TABLE" : "SCHEMA or TABLE");
        }

        var tableIfNotExists = ParseIfNotExists();
        var tableName = ParseQualifiedName();

        // (name type, …) defines columns; (a, b) before AS names the columns of CREATE TABLE AS.
        if (Check(TokenKind.LeftParen) && !(IsIdentifier(1) && PeekToken(2).Kind is TokenKind.Comma or TokenKind.RightParen))
        {
            Expect(TokenKind.LeftParen, "(");
            var columns = new List<ColumnDefinition>();
            do
            {
                columns.Add(ParseColumnDefinition());
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RightParen, ")");
            var comment = ParseComment();
            var properties = ParseWithProperties();
            return new CreateTable(start, tableName, SyntaxList.From(columns), tableIfNotExists, orReplace, comment, properties);
        }

        var columnNames = Check(TokenKind.LeftParen) ? ParseIdentifierList() : default;
        var ctasComment = ParseComment();
        var ctasProperties = ParseWithProperties();
        ExpectKeyword("as");
        Query query;
        if (Check(TokenKind.LeftParen) && !StartsQueryAfterParens(1))
        {
            throw SyntaxError(PeekToken(1), "query");
        }

        query = ParseQuery();
        var withData = true;
        if (IsKeyword("with") && (IsKeyword(1, "data") || (IsKeyword(1, "no") && IsKeyword(2, "data"))))
        {
            _pos++;
            withData = !AcceptKeyword("no");
            ExpectKeyword("data");
        }

        return new CreateTableAsSelect(start, tableName, columnNames, query, tableIfNotExists, orReplace, ctasComment, ctasProperties, withData);
    }

    private ColumnDefinition ParseColumnDefinition()
    {
        var start = Position;
        var name = ParseIdentifier();
        var type = ParseType();
        var notNull = false;
        if (AcceptKeywords("not", "null"))
        {
            notNull = true;
        }
        else
        {
            AcceptKeyword("null");
        }

        var comment = ParseComment();
        var properties = ParseWithProperties();
        return new ColumnDefinition(start, name, type, notNull, comment, properties);
    }

    private string? ParseComment() => AcceptKeyword("comment") ? ParseStringValue() : null;

    private bool ParseIfNotExists()
    {
        if (!AcceptKeyword("if"))
        {
            return false;
        }

        ExpectKeyword("not");
        ExpectKeyword("exists");
        return true;
    }

    private bool ParseIfExists()
    {
        if (!AcceptKeyword("if"))
        {
            return false;
        }

        ExpectKeyword("exists");
        return true;
    }

    /// <summary>[WITH (name = value, …)].</summary>
    private SyntaxList<Property> ParseWithProperties()
    {
        if (!(IsKeyword("with") && PeekToken(1).Kind == TokenKind.LeftParen))
        {
            return default;
        }

        _pos++;
        return ParsePropertyList();
    }

    private SyntaxList<Property> ParsePropertyList()
    {
        Expect(TokenKind.LeftParen, "(");
        var properties = new List<Property>();
        do
        {
            properties.Add(ParseProperty(requireEquals: true));
        }
        while (Accept(TokenKind.Comma));
        Expect(TokenKind.RightParen, ")");
        return SyntaxList.From(properties);
    }

    private Property ParseProperty(bool requireEquals)
    {
        var start = Position;
        var name = ParseIdentifier();
        if (requireEquals)
        {
            Expect(TokenKind.Equal, "=");
        }
        else
        {
            Accept(TokenKind.Equal);
        }

        return new Property(start, name, ParseExpression());
    }

    private Insert ParseInsert()
    {
        var start = Advance().Position;
        ExpectKeyword("into");
        var table = ParseQualifiedName();
        SyntaxList<Identifier> columns = default;
        if (Check(TokenKind.LeftParen) && !StartsQueryAfterParens(1))
        {
            columns = ParseIdentifierList();
        }

        return new Insert(start, table, columns, ParseQuery());
    }

    private Statement ParseDrop()
    {
        var start = Advance().Position;
        if (AcceptKeyword("schema"))
        {
            var schemaIfExists = ParseIfExists();
            var schema = ParseQualifiedName();
            var cascade = AcceptKeyword("cascade");
            if (!cascade)
            {
                AcceptKeyword("restrict");
            }

            return new DropSchema(start, schema, schemaIfExists, cascade);
        }

        ExpectKeyword("table");
        var ifExists = ParseIfExists();
        return new DropTable(start, ParseQualifiedName(), ifExists);
    }

    private Statement ParseAlter()
    {
        var start = Advance().Position;
        ExpectKeyword("table");
        var tableIfExists = ParseIfExists();
        var table = ParseQualifiedName();
        if (AcceptKeyword("add"))
        {
            ExpectKeyword("column");
            var ifNotExists = ParseIfNotExists();
            return new AddColumn(start, table, ParseColumnDefinition(), tableIfExists, ifNotExists);
        }

        if (AcceptKeyword("drop"))
        {
            ExpectKeyword("column");
            var ifExists = ParseIfExists();
            return new DropColumn(start, table, ParseQualifiedName(), tableIfExists, ifExists);
        }

        if (AcceptKeyword("rename"))
        {
            if (AcceptKeyword("to"))
            {
                return new RenameTable(start, table, ParseQualifiedName(), tableIfExists);
            }

            ExpectKeyword("column");
            var ifExists = ParseIfExists();
            var column = ParseQualifiedName();
            ExpectKeyword("to");
            return new RenameColumn(start, table, column, ParseIdentifier(), tableIfExists, ifExists);
        }

        if (AcceptKeyword("set"))
        {
            ExpectKeyword("properties");
            var properties = new List<Property>();
            do
            {
                properties.Add(ParseProperty(requireEquals: true));
            }
            while (Accept(TokenKind.Comma));
            return new SetTableProperties(start, table, SyntaxList.From(properties));
        }

        if (AcceptKeyword("execute"))
        {
            var procedure = ParseIdentifier();
            SyntaxList<FunctionArgument> arguments = default;
            if (Accept(TokenKind.LeftParen))
            {
                arguments = ParseFunctionArguments();
            }

            Expression? where = AcceptKeyword("where") ? ParseExpression() : null;
            return new TableExecute(start, table, procedure, arguments, where);
        }

        throw SyntaxError("ADD, DROP, RENAME, SET or EXECUTE");
    }

    private Copy ParseCopy()
    {
        var start = Advance().Position;
        QualifiedName? table = null;
        Query? query = null;
        if (Check(TokenKind.LeftParen))
        {
            _pos++;
            Enter();
            query = ParseQuery();
            Leave();
            Expect(TokenKind.RightParen, ")");
        }
        else
        {
            table = ParseQualifiedName();
        }

        ExpectKeyword("to");
        var target = ParseStringValue();
        SyntaxList<Property> options = default;
        if (IsKeyword("with") && PeekToken(1).Kind == TokenKind.LeftParen)
        {
            _pos++;
        }

        if (Accept(TokenKind.LeftParen))
        {
            var list = new List<Property>();
            do
            {
                list.Add(ParseProperty(requireEquals: false));
            }
            while (Accept(TokenKind.Comma));
            Expect(TokenKind.RightParen, ")");
            options = SyntaxList.From(list);
        }

        return new Copy(start, table, query, target, options);
    }

    private Update ParseUpdate()
    {
        var start = Advance().Position;
        var table = ParseQualifiedName();
        ExpectKeyword("set");
        var assignments = ParseAssignments();
        Expression? where = AcceptKeyword("where") ? ParseExpression() : null;
        return new Update(start, table, assignments, where);
    }

    private SyntaxList<UpdateAssignment> ParseAssignments()
    {
        var assignments = new List<UpdateAssignment>();
        do
        {
            var start = Position;
            var column = ParseIdentifier();
            Expect(TokenKind.Equal, "=");
            assignments.Add(new UpdateAssignment(start, column, ParseExpression()));
        }
        while (Accept(TokenKind.Comma));
        return SyntaxList.From(assignments);
    }

    private Delete ParseDelete()
    {
        var start = Advance().Position;
        ExpectKeyword("from");
        var table = ParseQualifiedName();
        var alias = ParseOptionalAlias();
        Expression? where = AcceptKeyword("where") ? ParseExpression() : null;
        return new Delete(start, table, alias, where);
    }

    private Merge ParseMerge()
    {
        var start = Advance().Position;
        ExpectKeyword("into");
        var target = ParseQualifiedName();
        var alias = ParseOptionalAlias();
        ExpectKeyword("using");
        var source = ParseAliasedRelation();
        ExpectKeyword("on");
        var condition = ParseExpression();
        var cases = new List<MergeCase>();
        while (IsKeyword("when"))
        {
            var caseStart = Advance().Position;
            var matched = !AcceptKeyword("not");
            ExpectKeyword("matched");
            Expression? caseCondition = AcceptKeyword("and") ? ParseExpression() : null;
            ExpectKeyword("then");
            if (matched)
            {
                if (AcceptKeyword("delete"))
                {
                    cases.Add(new MergeDelete(caseStart, caseCondition));
                    continue;
                }

                if (!AcceptKeyword("update"))
                {
                    throw SyntaxError("UPDATE or DELETE");
                }

                ExpectKeyword("set");
                cases.Add(new MergeUpdate(caseStart, caseCondition, ParseAssignments()));
            }
            else
            {
                ExpectKeyword("insert");
                var columns = Check(TokenKind.LeftParen) ? ParseIdentifierList() : default;
                ExpectKeyword("values");
                Expect(TokenKind.LeftParen, "(");
                var values = ParseExpressionList();
                Expect(TokenKind.RightParen, ")");
                cases.Add(new MergeInsert(caseStart, caseCondition, columns, values));
            }
        }

        if (cases.Count == 0)
        {
            throw SyntaxError("WHEN");
        }

        return new Merge(start, target, alias, source, condition, SyntaxList.From(cases));
    }

    private Use ParseUse()
    {
        var start = Advance().Position;
        var first = ParseIdentifier();
        if (Accept(TokenKind.Dot))
        {
            return new Use(start, first, ParseIdentifier());
        }

        return new Use(start, null, first);
    }

    private SetSession ParseSetSession()
    {
        var start = Advance().Position;
        ExpectKeyword("session");
        var name = ParseQualifiedName();
        Expect(TokenKind.Equal, "=");
        return new SetSession(start, name, ParseExpression());
    }

    private SetTimeZone ParseSetTimeZone()
    {
        var start = Advance().Position;
        ExpectKeyword("time");
        ExpectKeyword("zone");
        return new SetTimeZone(start, AcceptKeyword("local") ? null : ParseExpression());
    }

    private StartTransaction ParseStartTransaction()
    {
        var start = Advance().Position;
        ExpectKeyword("transaction");
        return new StartTransaction(start);
    }

    private StartTransaction ParseBegin()
    {
        var start = Advance().Position;
        if (!AcceptKeyword("transaction"))
        {
            AcceptKeyword("work");
        }

        return new StartTransaction(start);
    }

    /// <summary>COMMIT|ROLLBACK [WORK]; returns the keyword's position.</summary>
    private SourcePosition ParseTransactionEnd()
    {
        var start = Advance().Position;
        AcceptKeyword("work");
        return start;
    }

    private ResetSession ParseResetSession()
    {
        var start = Advance().Position;
        ExpectKeyword("session");
        return new ResetSession(start, ParseQualifiedName());
    }
}
