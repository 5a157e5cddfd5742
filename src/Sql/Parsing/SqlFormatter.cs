using System.Globalization;
using System.Text;
using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Parsing;

/// <summary>
/// Prints any syntax node as canonical SQL on one line: keywords upper case, identifiers quoted only when
/// needed, parentheses only where precedence requires them (or around every compound expression with
/// <c>fullyParenthesized</c>, which tests use to check precedence). Parsing the output gives a tree equal to
/// the input tree.
/// </summary>
public sealed partial class SqlFormatter
{
    private const int PrecedenceOr = 1;
    private const int PrecedenceAnd = 2;
    private const int PrecedenceNot = 3;
    private const int PrecedencePredicate = 4;
    private const int PrecedenceConcat = 5;
    private const int PrecedenceAdditive = 6;
    private const int PrecedenceMultiplicative = 7;
    private const int PrecedenceUnary = 8;
    private const int PrecedenceAtTimeZone = 9;
    private const int PrecedencePrimary = 10;

    private readonly StringBuilder _out = new();
    private readonly bool _fullyParenthesized;

    private SqlFormatter(bool fullyParenthesized)
    {
        _fullyParenthesized = fullyParenthesized;
    }

    public static string Format(Node node, bool fullyParenthesized = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        var formatter = new SqlFormatter(fullyParenthesized);
        formatter.Write(node);
        return formatter._out.ToString();
    }

    /// <summary>An identifier as SQL: bare when it is a plain lower-case word that is not a keyword, quoted otherwise.</summary>
    public static string FormatIdentifier(string value)
    {
        if (IsPlainWord(value) && !Keywords.QuoteWhenIdentifier.Contains(value))
        {
            return value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A string literal with quotes doubled.</summary>
    public static string FormatString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static bool IsPlainWord(string value)
    {
        if (value.Length == 0 || !(char.IsAsciiLetterLower(value[0]) || value[0] == '_'))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private void Write(Node node)
    {
        switch (node)
        {
            case Expression expression:
                WriteExpression(expression, 0);
                break;
            case Statement statement:
                WriteStatement(statement);
                break;
            case QueryBody body:
                WriteQueryBody(body);
                break;
            case Relation relation:
                WriteRelation(relation);
                break;
            case DataType type:
                WriteType(type);
                break;
            case Identifier identifier:
                WriteIdentifier(identifier);
                break;
            case QualifiedName name:
                WriteName(name);
                break;
            case SelectItem item:
                WriteSelectItem(item);
                break;
            case SortItem sortItem:
                WriteSortItem(sortItem);
                break;
            case OrderBy orderBy:
                WriteOrderBy(orderBy);
                break;
            case GroupingElement element:
                WriteGroupingElement(element);
                break;
            case WindowSpecification specification:
                _out.Append('(');
                WriteWindowSpecification(specification);
                _out.Append(')');
                break;
            case Property property:
                WriteProperty(property);
                break;
            case ColumnDefinition column:
                WriteColumnDefinition(column);
                break;
            case WhenClause whenClause:
                WriteWhen(whenClause);
                break;
            case GroupBy groupBy:
                WriteGroupBy(groupBy);
                break;
            case With with:
                WriteWith(with);
                break;
            case WithQuery withQuery:
                WriteWithQuery(withQuery);
                break;
            case Limit limit:
                WriteLimit(limit);
                break;
            case TableVersion version:
                WriteTableVersion(version);
                break;
            case WindowFrame frame:
                WriteWindowFrame(frame);
                break;
            case FrameBound bound:
                WriteFrameBound(bound);
                break;
            case WindowDefinition definition:
                WriteWindowDefinition(definition);
                break;
            case WindowReference reference:
                WriteIdentifier(reference.Name);
                break;
            case ExplainOption option:
                WriteExplainOption(option);
                break;
            case UpdateAssignment assignment:
                WriteAssignment(assignment);
                break;
            case FunctionArgument argument:
                WriteFunctionArgument(argument);
                break;
            case RowField field:
                WriteRowField(field);
                break;
            case JoinCriteria criteria:
                WriteJoinCriteria(criteria);
                break;
            case MergeCase mergeCase:
                WriteMergeCase(mergeCase);
                break;
            default:
                throw new ArgumentException("unknown node " + node.GetType().Name, nameof(node));
        }
    }

    private void WriteIdentifier(Identifier identifier) => _out.Append(FormatIdentifier(identifier.Value));

    private void WriteName(QualifiedName name)
    {
        for (var i = 0; i < name.Parts.Count; i++)
        {
            if (i > 0)
            {
                _out.Append('.');
            }

            WriteIdentifier(name.Parts[i]);
        }
    }

    private void WriteIdentifiers(SyntaxList<Identifier> identifiers)
    {
        _out.Append('(');
        for (var i = 0; i < identifiers.Count; i++)
        {
            if (i > 0)
            {
                _out.Append(", ");
            }

            WriteIdentifier(identifiers[i]);
        }

        _out.Append(')');
    }

    private void WriteList<T>(SyntaxList<T> items, Action<T> write)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _out.Append(", ");
            }

            write(items[i]);
        }
    }

    private void WriteExpressions(SyntaxList<Expression> expressions) => WriteList(expressions, e => WriteExpression(e, 0));

    private void WriteType(DataType type)
    {
        switch (type)
        {
            case NamedType named:
                // Type names are not keywords except the ones that start special type syntax.
                _out.Append(IsPlainWord(named.Name) && !Keywords.IsReserved(named.Name) && named.Name is not ("interval" or "time" or "timestamp")
                    ? named.Name
                    : FormatIdentifier(named.Name));
                if (!named.Parameters.IsEmpty)
                {
                    _out.Append('(');
                    WriteList(named.Parameters, p => _out.Append(p.ToString(CultureInfo.InvariantCulture)));
                    _out.Append(')');
                }

                break;
            case ArrayType array:
                _out.Append("array(");
                WriteType(array.ElementType);
                _out.Append(')');
                break;
            case MapType map:
                _out.Append("map(");
                WriteType(map.KeyType);
                _out.Append(", ");
                WriteType(map.ValueType);
                _out.Append(')');
                break;
            case RowType row:
                _out.Append("row(");
                WriteList(row.Fields, WriteRowField);
                _out.Append(')');
                break;
            case DateTimeType dateTime:
                _out.Append(dateTime.Kind == DateTimeTypeKind.Time ? "time" : "timestamp");
                if (dateTime.Precision is { } precision)
                {
                    _out.Append('(').Append(precision.ToString(CultureInfo.InvariantCulture)).Append(')');
                }

                if (dateTime.WithTimeZone)
                {
                    _out.Append(" with time zone");
                }

                break;
            case IntervalType interval:
                _out.Append("interval ").Append(FieldName(interval.From).ToLowerInvariant());
                if (interval.To is { } to)
                {
                    _out.Append(" to ").Append(FieldName(to).ToLowerInvariant());
                }

                break;
            default:
                throw new ArgumentException("unknown type node " + type.GetType().Name, nameof(type));
        }
    }

    private void WriteRowField(RowField field)
    {
        if (field.Name is not null)
        {
            WriteIdentifier(field.Name);
            _out.Append(' ');
        }

        WriteType(field.Type);
    }

    private static string FieldName(IntervalField field) => field switch
    {
        IntervalField.Year => "YEAR",
        IntervalField.Month => "MONTH",
        IntervalField.Week => "WEEK",
        IntervalField.Day => "DAY",
        IntervalField.Hour => "HOUR",
        IntervalField.Minute => "MINUTE",
        _ => "SECOND",
    };
}
