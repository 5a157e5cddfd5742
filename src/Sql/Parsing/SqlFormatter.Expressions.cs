using System.Globalization;
using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

public sealed partial class SqlFormatter
{
    private static int Precedence(Expression expression) => expression switch
    {
        BinaryExpression binary => binary.Operator switch
        {
            BinaryOperator.Or => PrecedenceOr,
            BinaryOperator.And => PrecedenceAnd,
            BinaryOperator.Concatenate => PrecedenceConcat,
            BinaryOperator.Add or BinaryOperator.Subtract => PrecedenceAdditive,
            BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => PrecedenceMultiplicative,
            _ => PrecedencePredicate,
        },
        UnaryExpression { Operator: UnaryOperator.Not } => PrecedenceNot,
        UnaryExpression => PrecedenceUnary,
        BetweenExpression or InListExpression or InSubqueryExpression or LikeExpression or IsNullExpression
            or QuantifiedComparison => PrecedencePredicate,
        AtTimeZoneExpression => PrecedenceAtTimeZone,
        IntegerLiteral { Value: < 0 } => PrecedenceUnary,
        DecimalLiteral d when d.Value.StartsWith('-') => PrecedenceUnary,
        DoubleLiteral d when double.IsNegative(d.Value) || !double.IsFinite(d.Value) => PrecedenceUnary,
        LambdaExpression => 0,
        _ => PrecedencePrimary,
    };

    private void WriteExpression(Expression expression, int minPrecedence)
    {
        var precedence = Precedence(expression);
        var parenthesize = _fullyParenthesized ? precedence < PrecedencePrimary : precedence < minPrecedence;
        if (parenthesize)
        {
            _out.Append('(');
        }

        WriteExpressionCore(expression);
        if (parenthesize)
        {
            _out.Append(')');
        }
    }

    private void WriteExpressionCore(Expression expression)
    {
        switch (expression)
        {
            case NullLiteral:
                _out.Append("NULL");
                break;
            case BooleanLiteral boolean:
                _out.Append(boolean.Value ? "TRUE" : "FALSE");
                break;
            case StringLiteral s:
                _out.Append(FormatString(s.Value));
                break;
            case BinaryLiteral binary:
                _out.Append("X'").Append(binary.Hex).Append('\'');
                break;
            case IntegerLiteral integer:
                _out.Append(integer.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case DecimalLiteral decimalLiteral:
                _out.Append(decimalLiteral.Value);
                break;
            case DoubleLiteral d:
                WriteDouble(d.Value);
                break;
            case TypedLiteral typed:
                WriteTypedLiteral(typed);
                break;
            case IntervalLiteral interval:
                _out.Append("INTERVAL ");
                if (interval.Negative)
                {
                    _out.Append('-');
                }

                _out.Append(FormatString(interval.Value)).Append(' ').Append(FieldName(interval.From));
                if (interval.To is { } to)
                {
                    _out.Append(" TO ").Append(FieldName(to));
                }

                break;
            case Parameter parameter:
                _out.Append(parameter.Style == ParameterStyle.QuestionMark ? "?" : "$" + parameter.Number.ToString(CultureInfo.InvariantCulture));
                break;
            case ColumnReference column:
                WriteName(column.Name);
                break;
            case FieldReference field:
                if (field.Base is ColumnReference or Literal)
                {
                    _out.Append('(');
                    WriteExpression(field.Base, 0);
                    _out.Append(')');
                }
                else
                {
                    WriteExpression(field.Base, PrecedencePrimary);
                }

                _out.Append('.');
                WriteIdentifier(field.Field);
                break;
            case SubscriptExpression subscript:
                WriteExpression(subscript.Base, PrecedencePrimary);
                _out.Append('[');
                WriteExpression(subscript.Index, 0);
                _out.Append(']');
                break;
            case UnaryExpression unary:
                WriteUnary(unary);
                break;
            case BinaryExpression binary:
                WriteBinary(binary);
                break;
            case BetweenExpression between:
                WriteExpression(between.Value, PrecedenceConcat);
                _out.Append(between.Negated ? " NOT BETWEEN " : " BETWEEN ");
                WriteExpression(between.Low, PrecedenceConcat);
                _out.Append(" AND ");
                WriteExpression(between.High, PrecedenceConcat);
                break;
            case InListExpression inList:
                WriteExpression(inList.Value, PrecedenceConcat);
                _out.Append(inList.Negated ? " NOT IN (" : " IN (");
                WriteExpressions(inList.Values);
                _out.Append(')');
                break;
            case InSubqueryExpression inSubquery:
                WriteExpression(inSubquery.Value, PrecedenceConcat);
                _out.Append(inSubquery.Negated ? " NOT IN (" : " IN (");
                WriteQuery(inSubquery.Subquery);
                _out.Append(')');
                break;
            case LikeExpression like:
                WriteExpression(like.Value, PrecedenceConcat);
                _out.Append(like.Negated ? " NOT" : "").Append(like.CaseInsensitive ? " ILIKE " : " LIKE ");
                WriteExpression(like.Pattern, PrecedenceConcat);
                if (like.Escape is not null)
                {
                    _out.Append(" ESCAPE ");
                    WriteExpression(like.Escape, PrecedenceConcat);
                }

                break;
            case IsNullExpression isNull:
                WriteExpression(isNull.Value, PrecedenceConcat);
                _out.Append(isNull.Negated ? " IS NOT NULL" : " IS NULL");
                break;
            case ExistsExpression exists:
                _out.Append("EXISTS (");
                WriteQuery(exists.Subquery);
                _out.Append(')');
                break;
            case SubqueryExpression subquery:
                _out.Append('(');
                WriteQuery(subquery.Query);
                _out.Append(')');
                break;
            case QuantifiedComparison quantified:
                WriteExpression(quantified.Value, PrecedenceConcat);
                _out.Append(' ').Append(OperatorText(quantified.Operator)).Append(' ');
                _out.Append(quantified.Quantifier switch
                {
                    Quantifier.All => "ALL",
                    Quantifier.Any => "ANY",
                    _ => "SOME",
                });
                _out.Append(" (");
                WriteQuery(quantified.Subquery);
                _out.Append(')');
                break;
            case CastExpression cast:
                _out.Append(cast.IsTry ? "TRY_CAST(" : "CAST(");
                WriteExpression(cast.Value, 0);
                _out.Append(" AS ");
                WriteType(cast.Type);
                _out.Append(')');
                break;
            case CaseExpression caseExpression:
                WriteCase(caseExpression);
                break;
            case ArrayConstructor array:
                _out.Append("ARRAY[");
                WriteExpressions(array.Elements);
                _out.Append(']');
                break;
            case RowConstructor row:
                _out.Append(row.Fields.Count >= 2 ? "(" : "ROW(");
                WriteExpressions(row.Fields);
                _out.Append(')');
                break;
            case AtTimeZoneExpression atTimeZone:
                WriteExpression(atTimeZone.Value, PrecedenceAtTimeZone);
                _out.Append(" AT TIME ZONE ");
                WriteExpression(atTimeZone.Zone, PrecedencePrimary);
                break;
            case ExtractExpression extract:
                _out.Append("EXTRACT(");
                WriteIdentifier(extract.Field);
                _out.Append(" FROM ");
                WriteExpression(extract.Value, PrecedenceConcat);
                _out.Append(')');
                break;
            case CurrentValueExpression current:
                _out.Append(current.Kind switch
                {
                    CurrentValue.Date => "CURRENT_DATE",
                    CurrentValue.Time => "CURRENT_TIME",
                    CurrentValue.Timestamp => "CURRENT_TIMESTAMP",
                    CurrentValue.LocalTime => "LOCALTIME",
                    CurrentValue.LocalTimestamp => "LOCALTIMESTAMP",
                    CurrentValue.User => "CURRENT_USER",
                    CurrentValue.Catalog => "CURRENT_CATALOG",
                    _ => "CURRENT_SCHEMA",
                });
                if (current.Precision is { } precision)
                {
                    _out.Append('(').Append(precision.ToString(CultureInfo.InvariantCulture)).Append(')');
                }

                break;
            case FunctionCall call:
                WriteFunctionCall(call);
                break;
            case LambdaExpression lambda:
                if (lambda.Parameters.Count == 1)
                {
                    WriteIdentifier(lambda.Parameters[0]);
                }
                else
                {
                    WriteIdentifiersOrEmpty(lambda.Parameters);
                }

                _out.Append(" -> ");
                WriteExpression(lambda.Body, 0);
                break;
            default:
                throw new ArgumentException("unknown expression node " + expression.GetType().Name, nameof(expression));
        }
    }

    private void WriteIdentifiersOrEmpty(SyntaxList<Identifier> identifiers)
    {
        if (identifiers.IsEmpty)
        {
            _out.Append("()");
        }
        else
        {
            WriteIdentifiers(identifiers);
        }
    }

    private void WriteDouble(double value)
    {
        if (double.IsNaN(value))
        {
            _out.Append("nan()");
            return;
        }

        if (double.IsInfinity(value))
        {
            _out.Append(value > 0 ? "infinity()" : "-infinity()");
            return;
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        _out.Append(text);
        if (!text.Contains('E', StringComparison.Ordinal))
        {
            _out.Append("E0");
        }
    }

    private void WriteTypedLiteral(TypedLiteral typed)
    {
        switch (typed.Type)
        {
            case DateTimeType { Precision: null } dateTime:
                _out.Append(dateTime.Kind == DateTimeTypeKind.Time ? "TIME" : "TIMESTAMP");
                if (dateTime.WithTimeZone)
                {
                    _out.Append(" WITH TIME ZONE");
                }

                break;
            case NamedType { Parameters.IsEmpty: true } named when IsPlainWord(named.Name) && !Keywords.IsReserved(named.Name):
                _out.Append(named.Name.ToUpperInvariant());
                break;
            default:
                // Not expressible as type 'value'; a cast means the same.
                _out.Append("CAST(").Append(FormatString(typed.Value)).Append(" AS ");
                WriteType(typed.Type);
                _out.Append(')');
                return;
        }

        _out.Append(' ').Append(FormatString(typed.Value));
    }

    private void WriteUnary(UnaryExpression unary)
    {
        if (unary.Operator == UnaryOperator.Not)
        {
            _out.Append("NOT ");
            WriteExpression(unary.Operand, PrecedenceNot);
            return;
        }

        _out.Append(unary.Operator == UnaryOperator.Minus ? '-' : '+');
        var mark = _out.Length;
        WriteExpression(unary.Operand, PrecedenceUnary);
        // Never print "--" (a comment) or "+-" ambiguities: separate a sign from an operand that starts with one.
        if (_out.Length > mark && _out[mark] is '-' or '+')
        {
            _out.Insert(mark, ' ');
        }
    }

    private static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "OR",
        BinaryOperator.And => "AND",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "<>",
        BinaryOperator.LessThan => "<",
        BinaryOperator.LessThanOrEqual => "<=",
        BinaryOperator.GreaterThan => ">",
        BinaryOperator.GreaterThanOrEqual => ">=",
        BinaryOperator.IsDistinctFrom => "IS DISTINCT FROM",
        BinaryOperator.IsNotDistinctFrom => "IS NOT DISTINCT FROM",
        BinaryOperator.Concatenate => "||",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };

    private void WriteBinary(BinaryExpression binary)
    {
        var precedence = Precedence(binary);
        int left, right;
        if (precedence == PrecedencePredicate)
        {
            // Comparisons are not associative: both sides are value expressions.
            left = right = PrecedenceConcat;
        }
        else
        {
            left = precedence;
            right = precedence + 1;
        }

        WriteExpression(binary.Left, left);
        _out.Append(' ').Append(OperatorText(binary.Operator)).Append(' ');
        WriteExpression(binary.Right, right);
    }

    private void WriteCase(CaseExpression caseExpression)
    {
        _out.Append("CASE");
        if (caseExpression.Operand is not null)
        {
            _out.Append(' ');
            WriteExpression(caseExpression.Operand, 0);
        }

        foreach (var when in caseExpression.WhenClauses)
        {
            _out.Append(' ');
            WriteWhen(when);
        }

        if (caseExpression.Else is not null)
        {
            _out.Append(" ELSE ");
            WriteExpression(caseExpression.Else, 0);
        }

        _out.Append(" END");
    }

    private void WriteWhen(WhenClause when)
    {
        _out.Append("WHEN ");
        WriteExpression(when.Condition, 0);
        _out.Append(" THEN ");
        WriteExpression(when.Result, 0);
    }

    private void WriteFunctionName(QualifiedName name)
    {
        if (name.Parts.Count == 1)
        {
            var value = name.Parts[0].Value;
            if (Keywords.ReservedFunctionNames.Contains(value))
            {
                _out.Append(value);
                return;
            }

            if (IsPlainWord(value) && !Keywords.IsReserved(value) && value is not ("row" or "try_cast" or "all" or "any" or "some"))
            {
                _out.Append(value);
                return;
            }
        }

        WriteName(name);
    }

    private void WriteFunctionCall(FunctionCall call)
    {
        WriteFunctionName(call.Name);
        _out.Append('(');
        if (call.Star)
        {
            _out.Append('*');
        }
        else
        {
            if (call.Distinct)
            {
                _out.Append("DISTINCT ");
            }

            WriteExpressions(call.Arguments);
            if (call.OrderBy is not null)
            {
                _out.Append(' ');
                WriteOrderBy(call.OrderBy);
            }
        }

        _out.Append(')');
        if (call.Filter is not null)
        {
            _out.Append(" FILTER (WHERE ");
            WriteExpression(call.Filter, 0);
            _out.Append(')');
        }

        if (call.NullTreatment != NullTreatment.Unspecified)
        {
            _out.Append(call.NullTreatment == NullTreatment.IgnoreNulls ? " IGNORE NULLS" : " RESPECT NULLS");
        }

        switch (call.Over)
        {
            case WindowReference reference:
                _out.Append(" OVER ");
                WriteIdentifier(reference.Name);
                break;
            case WindowSpecification specification:
                _out.Append(" OVER (");
                WriteWindowSpecification(specification);
                _out.Append(')');
                break;
        }
    }

    private void WriteWindowSpecification(WindowSpecification specification)
    {
        var mark = _out.Length;
        void Separate()
        {
            if (_out.Length > mark)
            {
                _out.Append(' ');
            }
        }

        if (specification.BaseWindow is not null)
        {
            WriteIdentifier(specification.BaseWindow);
        }

        if (!specification.PartitionBy.IsEmpty)
        {
            Separate();
            _out.Append("PARTITION BY ");
            WriteExpressions(specification.PartitionBy);
        }

        if (specification.OrderBy is not null)
        {
            Separate();
            WriteOrderBy(specification.OrderBy);
        }

        if (specification.Frame is { } frame)
        {
            Separate();
            WriteWindowFrame(frame);
        }
    }

    private void WriteWindowFrame(WindowFrame frame)
    {
        _out.Append(frame.Unit switch
        {
            FrameUnit.Rows => "ROWS ",
            FrameUnit.Range => "RANGE ",
            _ => "GROUPS ",
        });
        if (frame.End is null)
        {
            WriteFrameBound(frame.Start);
        }
        else
        {
            _out.Append("BETWEEN ");
            WriteFrameBound(frame.Start);
            _out.Append(" AND ");
            WriteFrameBound(frame.End);
        }
    }

    private void WriteWindowDefinition(WindowDefinition window)
    {
        WriteIdentifier(window.Name);
        _out.Append(" AS (");
        WriteWindowSpecification(window.Specification);
        _out.Append(')');
    }

    private void WriteFrameBound(FrameBound bound)
    {
        switch (bound.Kind)
        {
            case FrameBoundKind.UnboundedPreceding:
                _out.Append("UNBOUNDED PRECEDING");
                break;
            case FrameBoundKind.UnboundedFollowing:
                _out.Append("UNBOUNDED FOLLOWING");
                break;
            case FrameBoundKind.CurrentRow:
                _out.Append("CURRENT ROW");
                break;
            default:
                if (bound.Offset is not null)
                {
                    WriteExpression(bound.Offset, PrecedenceConcat);
                }

                _out.Append(bound.Kind == FrameBoundKind.Preceding ? " PRECEDING" : " FOLLOWING");
                break;
        }
    }

    private void WriteOrderBy(OrderBy orderBy)
    {
        _out.Append("ORDER BY ");
        WriteList(orderBy.Items, WriteSortItem);
    }

    private void WriteSortItem(SortItem item)
    {
        WriteExpression(item.Key, 0);
        if (item.Order != SortOrder.Unspecified)
        {
            _out.Append(item.Order == SortOrder.Ascending ? " ASC" : " DESC");
        }

        if (item.Nulls != NullOrder.Unspecified)
        {
            _out.Append(item.Nulls == NullOrder.First ? " NULLS FIRST" : " NULLS LAST");
        }
    }
}
