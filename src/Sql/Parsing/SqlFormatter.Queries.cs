using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

// Queries, query bodies and relations.
public sealed partial class SqlFormatter
{
    private void WriteQuery(Query query)
    {
        if (query.With is { } with)
        {
            WriteWith(with);
            _out.Append(' ');
        }

        // A bare parenthesized body would be unwrapped by the parser; keep its parentheses.
        WriteQueryBody(query.Body);
        if (query.OrderBy is not null)
        {
            _out.Append(' ');
            WriteOrderBy(query.OrderBy);
        }

        // Positional ? parameters are numbered in text order: keep LIMIT first when it was first.
        var limitFirst = query.Limit?.RowCount is Parameter { Style: ParameterStyle.QuestionMark } l
            && query.Offset is Parameter { Style: ParameterStyle.QuestionMark } o && l.Number < o.Number;
        if (query.Offset is not null && !limitFirst)
        {
            WriteOffset(query.Offset);
        }

        if (query.Limit is { } limit)
        {
            _out.Append(' ');
            WriteLimit(limit);
        }

        if (query.Offset is not null && limitFirst)
        {
            WriteOffset(query.Offset);
        }
    }

    private void WriteWith(With with)
    {
        _out.Append(with.Recursive ? "WITH RECURSIVE " : "WITH ");
        WriteList(with.Queries, WriteWithQuery);
    }

    private void WriteWithQuery(WithQuery withQuery)
    {
        WriteIdentifier(withQuery.Name);
        if (!withQuery.ColumnNames.IsEmpty)
        {
            _out.Append(' ');
            WriteIdentifiers(withQuery.ColumnNames);
        }

        _out.Append(" AS (");
        WriteQuery(withQuery.Query);
        _out.Append(')');
    }

    private void WriteLimit(Limit limit)
    {
        if (limit.WithTies)
        {
            _out.Append("FETCH FIRST ");
            WriteExpression(limit.RowCount, 0);
            _out.Append(" ROWS WITH TIES");
        }
        else
        {
            _out.Append("LIMIT ");
            WriteExpression(limit.RowCount, 0);
        }
    }

    private void WriteOffset(Expression offset)
    {
        _out.Append(" OFFSET ");
        WriteExpression(offset, 0);
        _out.Append(" ROWS");
    }

    private static int SetPrecedence(QueryBody body) => body switch
    {
        SetOperation { Operator: SetOperator.Intersect } => 2,
        SetOperation => 1,
        _ => 3,
    };

    private void WriteQueryBody(QueryBody body)
    {
        switch (body)
        {
            case QuerySpecification specification:
                WriteQuerySpecification(specification);
                break;
            case SetOperation setOperation:
            {
                var precedence = SetPrecedence(setOperation);
                WriteSetOperand(setOperation.Left, SetPrecedence(setOperation.Left) < precedence);
                _out.Append(setOperation.Operator switch
                {
                    SetOperator.Union => " UNION ",
                    SetOperator.Intersect => " INTERSECT ",
                    _ => " EXCEPT ",
                });
                if (!setOperation.Distinct)
                {
                    _out.Append("ALL ");
                }

                WriteSetOperand(setOperation.Right, SetPrecedence(setOperation.Right) <= precedence);
                break;
            }

            case Values values:
                _out.Append("VALUES ");
                WriteExpressions(values.Rows);
                break;
            case TableQuery table:
                _out.Append("TABLE ");
                WriteName(table.Name);
                break;
            case ParenthesizedQuery parenthesized:
                _out.Append('(');
                WriteQuery(parenthesized.Query);
                _out.Append(')');
                break;
            default:
                throw new ArgumentException("unknown query body " + body.GetType().Name, nameof(body));
        }
    }

    private void WriteSetOperand(QueryBody body, bool parenthesize)
    {
        if (parenthesize)
        {
            _out.Append('(');
        }

        WriteQueryBody(body);
        if (parenthesize)
        {
            _out.Append(')');
        }
    }

    private void WriteQuerySpecification(QuerySpecification specification)
    {
        _out.Append(specification.Distinct ? "SELECT DISTINCT " : "SELECT ");
        WriteList(specification.Select, WriteSelectItem);
        if (specification.From is not null)
        {
            _out.Append(" FROM ");
            WriteRelation(specification.From);
        }

        WriteWhere(specification.Where);
        if (specification.GroupBy is { } groupBy)
        {
            _out.Append(' ');
            WriteGroupBy(groupBy);
        }

        if (specification.Having is not null)
        {
            _out.Append(" HAVING ");
            WriteExpression(specification.Having, 0);
        }

        if (!specification.Windows.IsEmpty)
        {
            _out.Append(" WINDOW ");
            WriteList(specification.Windows, WriteWindowDefinition);
        }
    }

    private void WriteGroupBy(GroupBy groupBy)
    {
        _out.Append(groupBy.Distinct ? "GROUP BY DISTINCT " : "GROUP BY ");
        WriteList(groupBy.Elements, WriteGroupingElement);
    }

    private void WriteSelectItem(SelectItem item)
    {
        switch (item)
        {
            case AllColumns all:
                if (all.Prefix is not null)
                {
                    WriteName(all.Prefix);
                    _out.Append('.');
                }

                _out.Append('*');
                break;
            case SingleColumn column:
                WriteExpression(column.Expression, 0);
                if (column.Alias is not null)
                {
                    _out.Append(" AS ");
                    WriteIdentifier(column.Alias);
                }

                break;
        }
    }

    private void WriteGroupingElement(GroupingElement element)
    {
        switch (element)
        {
            case SimpleGroupBy simple:
                WriteExpression(simple.Expression, 0);
                break;
            case Rollup rollup:
                _out.Append("ROLLUP (");
                WriteExpressions(rollup.Expressions);
                _out.Append(')');
                break;
            case Cube cube:
                _out.Append("CUBE (");
                WriteExpressions(cube.Expressions);
                _out.Append(')');
                break;
            case GroupingSets sets:
                if (sets.Sets.Count == 1 && sets.Sets[0].IsEmpty)
                {
                    _out.Append("()");
                    break;
                }

                _out.Append("GROUPING SETS (");
                WriteList(sets.Sets, set =>
                {
                    _out.Append('(');
                    WriteExpressions(set);
                    _out.Append(')');
                });
                _out.Append(')');
                break;
        }
    }

    private void WriteRelation(Relation relation)
    {
        switch (relation)
        {
            case TableReference table:
                WriteName(table.Name);
                if (table.Version is { } version)
                {
                    _out.Append(' ');
                    WriteTableVersion(version);
                }

                break;
            case AliasedRelation aliased:
                WriteJoinOperand(aliased.Relation, aliased.Relation is Join or AliasedRelation);
                _out.Append(" AS ");
                WriteIdentifier(aliased.Alias);
                if (!aliased.ColumnNames.IsEmpty)
                {
                    _out.Append(' ');
                    WriteIdentifiers(aliased.ColumnNames);
                }

                break;
            case SubqueryRelation subquery:
                _out.Append('(');
                WriteQuery(subquery.Query);
                _out.Append(')');
                break;
            case LateralRelation lateral:
                _out.Append("LATERAL (");
                WriteQuery(lateral.Query);
                _out.Append(')');
                break;
            case Join join:
                WriteJoin(join);
                break;
            case TableFunctionRelation function:
                WriteName(function.Name);
                _out.Append('(');
                WriteList(function.Arguments, WriteFunctionArgument);
                _out.Append(')');
                break;
            case UnnestRelation unnest:
                _out.Append("UNNEST(");
                WriteExpressions(unnest.Expressions);
                _out.Append(')');
                if (unnest.WithOrdinality)
                {
                    _out.Append(" WITH ORDINALITY");
                }

                break;
            default:
                throw new ArgumentException("unknown relation " + relation.GetType().Name, nameof(relation));
        }
    }

    private void WriteJoin(Join join)
    {
        if (join.Type == JoinType.Implicit)
        {
            WriteRelation(join.Left);
            _out.Append(", ");
            WriteJoinOperand(join.Right, join.Right is Join { Type: JoinType.Implicit });
            return;
        }

        WriteJoinOperand(join.Left, join.Left is Join { Type: JoinType.Implicit });
        if (join.Criteria is NaturalJoin)
        {
            _out.Append(" NATURAL");
        }

        _out.Append(join.Type switch
        {
            JoinType.Cross => " CROSS JOIN ",
            JoinType.Inner => " JOIN ",
            JoinType.Left => " LEFT JOIN ",
            JoinType.Right => " RIGHT JOIN ",
            _ => " FULL JOIN ",
        });
        WriteJoinOperand(join.Right, join.Right is Join);
        if (join.Criteria is JoinOn or JoinUsing)
        {
            _out.Append(' ');
            WriteJoinCriteria(join.Criteria);
        }
    }

    private void WriteJoinCriteria(JoinCriteria criteria)
    {
        switch (criteria)
        {
            case JoinOn on:
                _out.Append("ON ");
                WriteExpression(on.Condition, 0);
                break;
            case JoinUsing joinUsing:
                _out.Append("USING ");
                WriteIdentifiers(joinUsing.Columns);
                break;
            case NaturalJoin:
                _out.Append("NATURAL");
                break;
        }
    }

    private void WriteTableVersion(TableVersion version)
    {
        _out.Append(version.Kind == TableVersionKind.Version ? "FOR VERSION AS OF " : "FOR TIMESTAMP AS OF ");
        WriteExpression(version.Value, PrecedenceConcat);
    }

    private void WriteJoinOperand(Relation relation, bool parenthesize)
    {
        if (parenthesize)
        {
            _out.Append('(');
        }

        WriteRelation(relation);
        if (parenthesize)
        {
            _out.Append(')');
        }
    }
}
