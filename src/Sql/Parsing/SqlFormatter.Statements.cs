using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

public sealed partial class SqlFormatter
{
    private void WriteStatement(Statement statement)
    {
        switch (statement)
        {
            case Query query:
                WriteQuery(query);
                break;
            case Explain explain:
                _out.Append("EXPLAIN ");
                if (explain.Analyze)
                {
                    _out.Append("ANALYZE ");
                }

                if (explain.Verbose)
                {
                    _out.Append("VERBOSE ");
                }

                if (!explain.Options.IsEmpty)
                {
                    _out.Append('(');
                    WriteList(explain.Options, WriteExplainOption);
                    _out.Append(") ");
                }

                WriteStatement(explain.Statement);
                break;
            case ShowCatalogs showCatalogs:
                _out.Append("SHOW CATALOGS");
                WriteLike(showCatalogs.Pattern);
                break;
            case ShowSchemas showSchemas:
                _out.Append("SHOW SCHEMAS");
                if (showSchemas.Catalog is not null)
                {
                    _out.Append(" FROM ");
                    WriteIdentifier(showSchemas.Catalog);
                }

                WriteLike(showSchemas.Pattern);
                break;
            case ShowTables showTables:
                _out.Append("SHOW TABLES");
                if (showTables.Schema is not null)
                {
                    _out.Append(" FROM ");
                    WriteName(showTables.Schema);
                }

                WriteLike(showTables.Pattern);
                break;
            case ShowColumns showColumns:
                _out.Append("SHOW COLUMNS FROM ");
                WriteName(showColumns.Table);
                WriteLike(showColumns.Pattern);
                break;
            case CreateSchema createSchema:
                _out.Append("CREATE SCHEMA ");
                if (createSchema.IfNotExists)
                {
                    _out.Append("IF NOT EXISTS ");
                }

                WriteName(createSchema.Name);
                WriteWithProperties(createSchema.Properties);
                break;
            case CreateTable createTable:
                _out.Append(createTable.OrReplace ? "CREATE OR REPLACE TABLE " : "CREATE TABLE ");
                if (createTable.IfNotExists)
                {
                    _out.Append("IF NOT EXISTS ");
                }

                WriteName(createTable.Name);
                _out.Append(" (");
                WriteList(createTable.Columns, WriteColumnDefinition);
                _out.Append(')');
                WriteComment(createTable.Comment);
                WriteWithProperties(createTable.Properties);
                break;
            case CreateTableAsSelect ctas:
                _out.Append(ctas.OrReplace ? "CREATE OR REPLACE TABLE " : "CREATE TABLE ");
                if (ctas.IfNotExists)
                {
                    _out.Append("IF NOT EXISTS ");
                }

                WriteName(ctas.Name);
                if (!ctas.ColumnNames.IsEmpty)
                {
                    _out.Append(' ');
                    WriteIdentifiers(ctas.ColumnNames);
                }

                WriteComment(ctas.Comment);
                WriteWithProperties(ctas.Properties);
                _out.Append(" AS ");
                WriteQuery(ctas.Query);
                if (!ctas.WithData)
                {
                    _out.Append(" WITH NO DATA");
                }

                break;
            case Insert insert:
                _out.Append("INSERT INTO ");
                WriteName(insert.Table);
                if (!insert.Columns.IsEmpty)
                {
                    _out.Append(' ');
                    WriteIdentifiers(insert.Columns);
                }

                _out.Append(' ');
                WriteQuery(insert.Query);
                break;
            case DropTable dropTable:
                _out.Append(dropTable.IfExists ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
                WriteName(dropTable.Name);
                break;
            case DropSchema dropSchema:
                _out.Append(dropSchema.IfExists ? "DROP SCHEMA IF EXISTS " : "DROP SCHEMA ");
                WriteName(dropSchema.Name);
                if (dropSchema.Cascade)
                {
                    _out.Append(" CASCADE");
                }

                break;
            case AddColumn addColumn:
                WriteAlterTable(addColumn.Table, addColumn.TableIfExists);
                _out.Append(addColumn.ColumnIfNotExists ? " ADD COLUMN IF NOT EXISTS " : " ADD COLUMN ");
                WriteColumnDefinition(addColumn.Column);
                break;
            case DropColumn dropColumn:
                WriteAlterTable(dropColumn.Table, dropColumn.TableIfExists);
                _out.Append(dropColumn.ColumnIfExists ? " DROP COLUMN IF EXISTS " : " DROP COLUMN ");
                WriteName(dropColumn.Column);
                break;
            case RenameColumn renameColumn:
                WriteAlterTable(renameColumn.Table, renameColumn.TableIfExists);
                _out.Append(renameColumn.ColumnIfExists ? " RENAME COLUMN IF EXISTS " : " RENAME COLUMN ");
                WriteName(renameColumn.Column);
                _out.Append(" TO ");
                WriteIdentifier(renameColumn.NewName);
                break;
            case RenameTable renameTable:
                WriteAlterTable(renameTable.Name, renameTable.IfExists);
                _out.Append(" RENAME TO ");
                WriteName(renameTable.NewName);
                break;
            case SetTableProperties setProperties:
                WriteAlterTable(setProperties.Table, false);
                _out.Append(" SET PROPERTIES ");
                WriteList(setProperties.Properties, WriteProperty);
                break;
            case TableExecute execute:
                WriteAlterTable(execute.Table, false);
                _out.Append(" EXECUTE ");
                WriteIdentifier(execute.Procedure);
                if (!execute.Arguments.IsEmpty)
                {
                    _out.Append('(');
                    WriteList(execute.Arguments, WriteFunctionArgument);
                    _out.Append(')');
                }

                if (execute.Where is not null)
                {
                    _out.Append(" WHERE ");
                    WriteExpression(execute.Where, 0);
                }

                break;
            case Copy copy:
                _out.Append("COPY ");
                if (copy.Query is not null)
                {
                    _out.Append('(');
                    WriteQuery(copy.Query);
                    _out.Append(')');
                }
                else if (copy.Table is not null)
                {
                    WriteName(copy.Table);
                }

                _out.Append(" TO ").Append(FormatString(copy.Target));
                WriteWithProperties(copy.Options);
                break;
            case Update update:
                _out.Append("UPDATE ");
                WriteName(update.Table);
                _out.Append(" SET ");
                WriteList(update.Assignments, WriteAssignment);
                WriteWhere(update.Where);
                break;
            case Delete delete:
                _out.Append("DELETE FROM ");
                WriteName(delete.Table);
                if (delete.Alias is not null)
                {
                    _out.Append(" AS ");
                    WriteIdentifier(delete.Alias);
                }

                WriteWhere(delete.Where);
                break;
            case Merge merge:
                WriteMerge(merge);
                break;
            case Use use:
                _out.Append("USE ");
                if (use.Catalog is not null)
                {
                    WriteIdentifier(use.Catalog);
                    _out.Append('.');
                }

                WriteIdentifier(use.Schema);
                break;
            case SetSession setSession:
                _out.Append("SET SESSION ");
                WriteName(setSession.Name);
                _out.Append(" = ");
                WriteExpression(setSession.Value, 0);
                break;
            case SetTimeZone setTimeZone:
                _out.Append("SET TIME ZONE ");
                if (setTimeZone.Zone is null)
                {
                    _out.Append("LOCAL");
                }
                else
                {
                    WriteExpression(setTimeZone.Zone, 0);
                }

                break;
            case StartTransaction:
                _out.Append("START TRANSACTION");
                break;
            case Commit:
                _out.Append("COMMIT");
                break;
            case Rollback:
                _out.Append("ROLLBACK");
                break;
            case ShowCreateTable showCreateTable:
                _out.Append("SHOW CREATE TABLE ");
                WriteName(showCreateTable.Table);
                break;
            case ResetSession resetSession:
                _out.Append("RESET SESSION ");
                WriteName(resetSession.Name);
                break;
            default:
                throw new ArgumentException("unknown statement node " + statement.GetType().Name, nameof(statement));
        }
    }

    private void WriteAlterTable(QualifiedName table, bool ifExists)
    {
        _out.Append(ifExists ? "ALTER TABLE IF EXISTS " : "ALTER TABLE ");
        WriteName(table);
    }

    private void WriteLike(string? pattern)
    {
        if (pattern is not null)
        {
            _out.Append(" LIKE ").Append(FormatString(pattern));
        }
    }

    private void WriteComment(string? comment)
    {
        if (comment is not null)
        {
            _out.Append(" COMMENT ").Append(FormatString(comment));
        }
    }

    private void WriteWhere(Expression? where)
    {
        if (where is not null)
        {
            _out.Append(" WHERE ");
            WriteExpression(where, 0);
        }
    }

    private void WriteWithProperties(SyntaxList<Property> properties)
    {
        if (!properties.IsEmpty)
        {
            _out.Append(" WITH (");
            WriteList(properties, WriteProperty);
            _out.Append(')');
        }
    }

    private void WriteProperty(Property property)
    {
        WriteIdentifier(property.Name);
        _out.Append(" = ");
        WriteExpression(property.Value, 0);
    }

    private void WriteAssignment(UpdateAssignment assignment)
    {
        WriteIdentifier(assignment.Column);
        _out.Append(" = ");
        WriteExpression(assignment.Value, 0);
    }

    private void WriteColumnDefinition(ColumnDefinition column)
    {
        WriteIdentifier(column.Name);
        _out.Append(' ');
        WriteType(column.Type);
        if (column.NotNull)
        {
            _out.Append(" NOT NULL");
        }

        WriteComment(column.Comment);
        WriteWithProperties(column.Properties);
    }

    private void WriteFunctionArgument(FunctionArgument argument)
    {
        if (argument.Name is not null)
        {
            WriteIdentifier(argument.Name);
            _out.Append(" => ");
        }

        WriteExpression(argument.Value, 0);
    }

    private void WriteMerge(Merge merge)
    {
        _out.Append("MERGE INTO ");
        WriteName(merge.Target);
        if (merge.TargetAlias is not null)
        {
            _out.Append(" AS ");
            WriteIdentifier(merge.TargetAlias);
        }

        _out.Append(" USING ");
        WriteRelation(merge.Source);
        _out.Append(" ON ");
        WriteExpression(merge.Condition, 0);
        foreach (var mergeCase in merge.Cases)
        {
            _out.Append(' ');
            WriteMergeCase(mergeCase);
        }
    }

    private void WriteMergeCase(MergeCase mergeCase)
    {
        _out.Append(mergeCase is MergeInsert ? "WHEN NOT MATCHED" : "WHEN MATCHED");
        var condition = mergeCase switch
        {
            MergeUpdate u => u.Condition,
            MergeDelete d => d.Condition,
            MergeInsert i => i.Condition,
            _ => null,
        };
        if (condition is not null)
        {
            _out.Append(" AND ");
            WriteExpression(condition, 0);
        }

        _out.Append(" THEN ");
        switch (mergeCase)
        {
            case MergeUpdate update:
                _out.Append("UPDATE SET ");
                WriteList(update.Assignments, WriteAssignment);
                break;
            case MergeDelete:
                _out.Append("DELETE");
                break;
            case MergeInsert insert:
                _out.Append("INSERT ");
                if (!insert.Columns.IsEmpty)
                {
                    WriteIdentifiers(insert.Columns);
                    _out.Append(' ');
                }

                _out.Append("VALUES (");
                WriteExpressions(insert.Values);
                _out.Append(')');
                break;
        }
    }

    private void WriteExplainOption(ExplainOption option)
    {
        WriteIdentifier(option.Name);
        _out.Append(' ');
        WriteIdentifier(option.Value);
    }
}
