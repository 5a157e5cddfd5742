using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>
/// Resolves a parsed statement into a logical plan: names against scopes (joins, subqueries, CTEs), types
/// with Trino's implicit coercions, GROUP BY/HAVING/window/ORDER BY forms, and subqueries as joins.
/// Errors are <see cref="SqlErrorKind.Binder"/> exceptions naming what was not found or did not match.
/// </summary>
public sealed partial class Binder
{
    private readonly BinderContext _context;
    private readonly Dictionary<string, (WithQuery Query, Dictionary<string, WithQuery> Scope)> _ctes = new(StringComparer.Ordinal);
    private int _depth;

    public Binder(BinderContext context) => _context = context;

    public FunctionRegistry Functions => _context.Functions;

    /// <summary>Types of the parameters seen (prepare); unknown where the context did not say.</summary>
    public List<SqlType> ParameterTypes { get; } = [];

    /// <summary>Binds a query into a plan and the output column names.</summary>
    public (LogicalOperator Plan, IReadOnlyList<string> Names) BindStatementQuery(Query query)
    {
        var (plan, scope) = BindQuery(query, null);
        return (plan, scope.Columns.Where(c => !c.Hidden).Select(c => c.Name).ToArray());
    }

    internal (LogicalOperator Plan, Scope Scope) BindQuery(Query query, Scope? outer)
    {
        if (++_depth > 200)
        {
            throw new SqlException(SqlErrorKind.Binder, "query is nested too deeply");
        }

        var saved = new Dictionary<string, (WithQuery, Dictionary<string, WithQuery>)>(_ctes, StringComparer.Ordinal);
        try
        {
            if (query.With is { } with)
            {
                if (with.Recursive)
                {
                    throw new SqlException(SqlErrorKind.NotImplemented, "WITH RECURSIVE is not supported");
                }

                foreach (var cte in with.Queries)
                {
                    _ctes[cte.Name.Value] = (cte, []);
                }
            }

            LogicalOperator plan;
            Scope scope;
            if (query.Body is QuerySpecification spec)
            {
                (plan, scope) = BindQuerySpecification(spec, query.OrderBy, outer);
            }
            else
            {
                (plan, scope) = BindQueryBody(query.Body, outer);
                if (query.OrderBy is { } orderBy)
                {
                    (plan, scope) = BindOrderByOutput(plan, scope, orderBy);
                }
            }

            var offset = query.Offset is null ? 0 : ConstantCount(query.Offset, "OFFSET");
            long? limit = query.Limit is null ? null : ConstantCount(query.Limit.RowCount, "LIMIT");
            if (query.Limit is { WithTies: true })
            {
                throw new SqlException(SqlErrorKind.NotImplemented, "FETCH FIRST … WITH TIES is not supported");
            }

            if (offset > 0 || limit is not null)
            {
                plan = new LogicalLimit(plan, limit, offset);
            }

            return (plan, scope);
        }
        finally
        {
            _ctes.Clear();
            foreach (var (k, v) in saved)
            {
                _ctes[k] = v;
            }

            _depth--;
        }
    }

    private long ConstantCount(Expression e, string clause)
    {
        var bound = Fold(BindExpression(e, new ExpressionContext(new PlanHolder(SingleRow(), Scope.Empty), clause)));
        if (bound is BoundConstant { Value: not null } k && k.Type.IsInteger)
        {
            var v = Convert.ToInt64(k.Value, System.Globalization.CultureInfo.InvariantCulture);
            if (v < 0)
            {
                throw new SqlException(SqlErrorKind.Binder, $"{clause} must not be negative: {v}");
            }

            return v;
        }

        throw new SqlException(SqlErrorKind.Binder, $"{clause} must be a non-negative integer constant");
    }

    private (LogicalOperator, Scope) BindQueryBody(QueryBody body, Scope? outer)
    {
        switch (body)
        {
            case QuerySpecification spec:
                return BindQuerySpecification(spec, null, outer);
            case ParenthesizedQuery p:
                return BindQuery(p.Query, outer);
            case Values values:
                return BindValues(values);
            case TableQuery t:
                return BindRelation(new TableReference(t.Position, t.Name, null), outer);
            case SetOperation set:
                return BindSetOperation(set, outer);
            default:
                throw new SqlException(SqlErrorKind.NotImplemented, $"query form {body.GetType().Name}");
        }
    }

    private (LogicalOperator, Scope) BindSetOperation(SetOperation set, Scope? outer)
    {
        var (left, ls) = BindQueryBody(set.Left, outer);
        var (right, rs) = BindQueryBody(set.Right, outer);
        var lcols = ls.Columns.Where(c => !c.Hidden).ToArray();
        var rcols = rs.Columns.Where(c => !c.Hidden).ToArray();
        if (lcols.Length != rcols.Length)
        {
            throw new SqlException(SqlErrorKind.Binder, $"{set.Operator.ToString().ToUpperInvariant()} query has a different number of columns: {lcols.Length} and {rcols.Length}");
        }

        var types = new SqlType[lcols.Length];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = SqlType.CommonSuperType(lcols[i].Type, rcols[i].Type)
                ?? throw new SqlException(SqlErrorKind.Binder, $"column {i + 1} of {set.Operator.ToString().ToUpperInvariant()} has incompatible types {lcols[i].Type} and {rcols[i].Type}");
            if (!types[i].IsComparable && !(set.Operator == SetOperator.Union && !set.Distinct))
            {
                throw new SqlException(SqlErrorKind.Binder, $"column {i + 1} of type {types[i]} is not comparable, so it cannot be used in {set.Operator.ToString().ToUpperInvariant()}");
            }
        }

        left = CastOutputs(left, ls, types);
        right = CastOutputs(right, rs, types);
        var scope = new Scope(lcols.Select((c, i) => new ScopeColumn(null, c.Name, types[i])).ToArray());
        return (new LogicalSetOperation(set.Operator, !set.Distinct, left, right), scope);
    }

    /// <summary>Projects the visible columns of a plan, cast to <paramref name="types"/>.</summary>
    private LogicalOperator CastOutputs(LogicalOperator plan, Scope scope, SqlType[] types)
    {
        var exprs = new List<BoundExpression>();
        var names = new List<string>();
        var k = 0;
        var identity = plan.Columns.Count == types.Length;
        for (var i = 0; i < scope.Columns.Count; i++)
        {
            var c = scope.Columns[i];
            if (c.Hidden)
            {
                continue;
            }

            var col = new BoundColumn(i, c.Type, c.Name);
            identity &= i == k && c.Type == types[k];
            exprs.Add(Coerce(col, types[k], "set operation"));
            names.Add(c.Name);
            k++;
        }

        return identity ? plan : new LogicalProject(plan, exprs, names);
    }

    private (LogicalOperator, Scope) BindValues(Values values)
    {
        var rows = new List<IReadOnlyList<BoundExpression>>();
        var ctx = new ExpressionContext(new PlanHolder(SingleRow(), Scope.Empty), "VALUES");
        foreach (var row in values.Rows)
        {
            var items = row is RowConstructor rc ? rc.Fields.AsSpan().ToArray() : [row];
            rows.Add(items.Select(e => BindExpression(e, ctx)).ToArray());
        }

        var width = rows[0].Count;
        if (rows.Any(r => r.Count != width))
        {
            throw new SqlException(SqlErrorKind.Binder, "VALUES rows must all have the same number of columns");
        }

        var types = new SqlType[width];
        for (var c = 0; c < width; c++)
        {
            var t = rows[0][c].Type;
            foreach (var r in rows)
            {
                t = SqlType.CommonSuperType(t, r[c].Type) ?? throw new SqlException(SqlErrorKind.Binder, $"VALUES column {c + 1} mixes incompatible types {t} and {r[c].Type}");
            }

            // An all-NULL column stays unknown (Trino), so a set operation or INSERT can coerce it to its type.
            types[c] = t;
        }

        var coerced = rows.Select(r => (IReadOnlyList<BoundExpression>)r.Select((e, c) => Fold(Coerce(e, types[c], "VALUES"))).ToArray()).ToArray();
        var columns = types.Select((t, c) => new PlanColumn($"_col{c}", t)).ToArray();
        return (new LogicalValues(columns, coerced), new Scope(columns.Select(c => new ScopeColumn(null, c.Name, c.Type)).ToArray()));
    }

    /// <summary>A one-row, no-column relation (SELECT without FROM).</summary>
    internal static LogicalValues SingleRow() => new([], [Array.Empty<BoundExpression>()]);
}
