using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Operators;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>FROM items: tables, table functions, subqueries, joins, UNNEST.</summary>
public sealed partial class Binder
{
    internal (LogicalOperator Plan, Scope Scope) BindRelation(Relation relation, Scope? outer)
    {
        switch (relation)
        {
            case TableReference table:
                return BindTable(table, outer);
            case TableFunctionRelation function:
                return BindSource(SourceKeys.ForFunction(function), Scope.Display(function.Name));
            case AliasedRelation aliased:
                {
                    if (aliased.Relation is UnnestRelation unnest)
                    {
                        return BindUnnest(unnest, SingleRow(), Scope.Empty, aliased.Alias.Value, aliased.ColumnNames.AsSpan().ToArray().Select(c => c.Value).ToArray(), false);
                    }

                    var (plan, scope) = BindRelation(aliased.Relation, outer);
                    return (plan, scope.WithRelation(aliased.Alias.Value, aliased.ColumnNames.AsSpan().ToArray().Select(c => c.Value).ToArray()));
                }

            case SubqueryRelation sub:
                {
                    var (plan, scope) = BindQuery(sub.Query, outer);
                    return (plan, new Scope(scope.Columns.Select(c => c with { Relation = null }).ToArray()));
                }

            case LateralRelation lateral:
                {
                    var (plan, scope) = BindQuery(lateral.Query, outer);
                    return (plan, new Scope(scope.Columns.Select(c => c with { Relation = null }).ToArray()));
                }

            case UnnestRelation unnest:
                return BindUnnest(unnest, SingleRow(), Scope.Empty, null, [], false);
            case Join join:
                return BindJoin(join, outer);
            default:
                throw new SqlException(SqlErrorKind.NotImplemented, $"FROM item {relation.GetType().Name}");
        }
    }

    private (LogicalOperator, Scope) BindTable(TableReference table, Scope? outer)
    {
        if (table.Name.Parts.Count == 1 && table.Version is null && _ctes.TryGetValue(table.Name.Parts[0].Value, out var cte))
        {
            // Inline the CTE; names declared after it are not visible inside it.
            _ctes.Remove(table.Name.Parts[0].Value);
            try
            {
                var (plan, scope) = BindQuery(cte.Query.Query, outer);
                var names = cte.Query.ColumnNames.AsSpan().ToArray().Select(c => c.Value).ToArray();
                return (plan, scope.WithRelation(cte.Query.Name.Value, names));
            }
            finally
            {
                _ctes[table.Name.Parts[0].Value] = cte;
            }
        }

        var key = SourceKeys.ForTable(table, _context.Catalog, _context.Schema);
        return BindSource(key, Scope.Display(table.Name), table.Name.Parts[^1].Value);
    }

    private (LogicalOperator, Scope) BindSource(string key, string display, string? relationName = null)
    {
        if (_context.SourceErrors.TryGetValue(key, out var error))
        {
            throw error;
        }

        if (!_context.Sources.TryGetValue(key, out var source))
        {
            throw new SqlException(SqlErrorKind.Binder, key.StartsWith("fn:", StringComparison.Ordinal)
                ? $"table function \"{display}\" does not exist or its arguments are not constants; available: read_parquet('glob'), read_csv('glob'), read_json('glob'), iceberg_scan('path')"
                : $"table \"{display}\" does not exist");
        }

        var projection = Enumerable.Range(0, source.Columns.Count).ToArray();
        var scope = new Scope(source.Columns.Select(c => new ScopeColumn(relationName, c.Name, c.Type)).ToArray());
        return (new LogicalGet(source, projection), scope);
    }

    private (LogicalOperator, Scope) BindJoin(Join join, Scope? outer)
    {
        var (left, ls) = BindRelation(join.Left, outer);

        // UNNEST on the right of a join is lateral: its expressions see the left columns.
        var right = join.Right;
        string? unnestAlias = null;
        string[] unnestColumns = [];
        if (right is AliasedRelation { Relation: UnnestRelation } ar)
        {
            unnestAlias = ar.Alias.Value;
            unnestColumns = ar.ColumnNames.AsSpan().ToArray().Select(c => c.Value).ToArray();
            right = ar.Relation;
        }

        if (right is UnnestRelation unnest)
        {
            var keepEmpty = join.Type == JoinType.Left;
            if (join.Type is not (JoinType.Cross or JoinType.Implicit or JoinType.Inner or JoinType.Left))
            {
                throw new SqlException(SqlErrorKind.NotImplemented, $"{join.Type} JOIN UNNEST is not supported");
            }

            var (plan, scope) = BindUnnest(unnest, left, ls, unnestAlias, unnestColumns, keepEmpty);
            if (join.Criteria is JoinOn on)
            {
                var cond = BindPredicate(on.Condition, new ExpressionContext(new PlanHolder(plan, scope), "ON"));
                if (!(cond is BoundConstant { Value: true }))
                {
                    if (keepEmpty)
                    {
                        throw new SqlException(SqlErrorKind.NotImplemented, "LEFT JOIN UNNEST … ON with a condition other than true");
                    }

                    plan = new LogicalFilter(plan, cond);
                }
            }

            return (plan, scope);
        }

        var (rightPlan, rs) = BindRelation(right, outer);
        var combined = ls.Append(rs.Columns);
        var leftWidth = ls.Columns.Count;
        var type = join.Type switch
        {
            JoinType.Inner => LogicalJoinType.Inner,
            JoinType.Left => LogicalJoinType.Left,
            JoinType.Right => LogicalJoinType.Right,
            JoinType.Full => LogicalJoinType.Full,
            _ => LogicalJoinType.Cross,
        };

        switch (join.Criteria)
        {
            case null:
                return (new LogicalJoin(left, rightPlan, type == LogicalJoinType.Inner ? LogicalJoinType.Cross : type, [], [], null), combined);
            case JoinOn on:
                {
                    var holder = new PlanHolder(new LogicalJoin(left, rightPlan, LogicalJoinType.Cross, [], [], null), combined);
                    var condition = BindPredicate(on.Condition, new ExpressionContext(holder, "ON"));
                    if (holder.Plan is not LogicalJoin)
                    {
                        throw new SqlException(SqlErrorKind.NotImplemented, "subqueries in JOIN … ON are not supported");
                    }

                    var (lk, rk, rest) = SplitJoinCondition(condition, leftWidth);
                    return (new LogicalJoin(left, rightPlan, type, lk, rk, rest), combined);
                }

            default:
                {
                    string[] names;
                    if (join.Criteria is JoinUsing usingClause)
                    {
                        names = usingClause.Columns.AsSpan().ToArray().Select(c => c.Value).ToArray();
                    }
                    else
                    {
                        var rightNames = rs.Columns.Where(c => !c.Hidden).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
                        names = ls.Columns.Where(c => !c.Hidden && rightNames.Contains(c.Name)).Select(c => c.Name).Distinct().ToArray();
                    }

                    var lkeys = new List<BoundExpression>();
                    var rkeys = new List<BoundExpression>();
                    var keyOutputs = new List<BoundExpression>();
                    var leftIdx = new HashSet<int>();
                    var rightIdx = new HashSet<int>();
                    foreach (var name in names)
                    {
                        var li = ls.Find([name], out _);
                        var ri = rs.Find([name], out _);
                        if (li < 0 || ri < 0)
                        {
                            throw new SqlException(SqlErrorKind.Binder, $"column \"{name}\" in USING is missing from the {(li < 0 ? "left" : "right")} side of the join");
                        }

                        var t = SqlType.CommonSuperType(ls.Columns[li].Type, rs.Columns[ri].Type)
                            ?? throw new SqlException(SqlErrorKind.Binder, $"USING column \"{name}\" has incompatible types {ls.Columns[li].Type} and {rs.Columns[ri].Type}");
                        var lexpr = Coerce(new BoundColumn(li, ls.Columns[li].Type, name), t, "USING");
                        var rexpr = Coerce(new BoundColumn(ri, rs.Columns[ri].Type, name), t, "USING");
                        lkeys.Add(lexpr);
                        rkeys.Add(rexpr);
                        var rshift = Shift(rexpr, leftWidth);
                        keyOutputs.Add(type switch
                        {
                            LogicalJoinType.Right => rshift,
                            LogicalJoinType.Full => BindCoalesce([lexpr, rshift]),
                            _ => lexpr,
                        });
                        leftIdx.Add(li);
                        rightIdx.Add(ri);
                    }

                    var plan = new LogicalJoin(left, rightPlan, type == LogicalJoinType.Cross ? LogicalJoinType.Inner : type, lkeys, rkeys, null);

                    // Output: USING columns once, then the other columns; originals stay reachable qualified.
                    var exprs = new List<BoundExpression>(keyOutputs);
                    var cols = names.Select((n, i) => new ScopeColumn(null, n, keyOutputs[i].Type)).ToList();
                    for (var i = 0; i < combined.Columns.Count; i++)
                    {
                        var c = combined.Columns[i];
                        var isKey = i < leftWidth ? leftIdx.Contains(i) : rightIdx.Contains(i - leftWidth);
                        exprs.Add(new BoundColumn(i, c.Type, c.Name));
                        cols.Add(isKey ? c with { Hidden = true } : c);
                    }

                    return (new LogicalProject(plan, exprs, cols.Select(c => c.Name).ToArray()), new Scope(cols));
                }
        }
    }

    /// <summary>Splits a join condition into equi-join keys (left side = right side) and the rest.</summary>
    internal static (List<BoundExpression> Left, List<BoundExpression> Right, BoundExpression? Residual) SplitJoinCondition(BoundExpression condition, int leftWidth)
    {
        var lk = new List<BoundExpression>();
        var rk = new List<BoundExpression>();
        var rest = new List<BoundExpression>();
        foreach (var c in Conjuncts(condition))
        {
            if (c is BoundOperator { Kind: BoundOperatorKind.Equal } eq && eq.Operands[0].Type.IsComparable)
            {
                var a = eq.Operands[0];
                var b = eq.Operands[1];
                var (aMin, aMax) = ColumnRange(a);
                var (bMin, bMax) = ColumnRange(b);
                if (aMax >= 0 && bMax >= 0)
                {
                    if (aMax < leftWidth && bMin >= leftWidth)
                    {
                        lk.Add(a);
                        rk.Add(Shift(b, -leftWidth));
                        continue;
                    }

                    if (bMax < leftWidth && aMin >= leftWidth)
                    {
                        lk.Add(b);
                        rk.Add(Shift(a, -leftWidth));
                        continue;
                    }
                }
            }

            if (c is BoundConstant { Value: true })
            {
                continue;
            }

            rest.Add(c);
        }

        return (lk, rk, rest.Count == 0 ? null : And(rest));
    }

    private (LogicalOperator, Scope) BindUnnest(UnnestRelation unnest, LogicalOperator input, Scope inputScope, string? alias, string[] columnNames, bool keepEmpty)
    {
        var ctx = new ExpressionContext(new PlanHolder(input, inputScope), "UNNEST");
        var arrays = new List<BoundExpression>();
        var cols = new List<PlanColumn>();
        foreach (var e in unnest.Expressions)
        {
            var bound = BindExpression(e, ctx);
            if (bound.Type.Kind == SqlTypeKind.Unknown)
            {
                bound = BoundConstant.Null(SqlType.Array(SqlType.Integer));
            }

            var types = UnnestOperator.ColumnsOf(bound.Type);
            arrays.Add(bound);
            if (bound.Type.Kind == SqlTypeKind.Array && bound.Type.ElementType!.Kind == SqlTypeKind.Row)
            {
                cols.AddRange(bound.Type.ElementType.Fields.Select((f, i) => new PlanColumn(f.Name ?? $"field{i}", f.Type)));
            }
            else
            {
                cols.AddRange(types.Select((t, i) => new PlanColumn(types.Count == 2 ? (i == 0 ? "key" : "value") : e is ColumnReference cr ? cr.Name.Parts[^1].Value : "unnest", t)));
            }
        }

        var plan = new LogicalUnnest(ctx.Holder.Plan, arrays, cols, unnest.WithOrdinality, keepEmpty);
        var newCols = cols.Select(c => c.Name).ToList();
        if (unnest.WithOrdinality)
        {
            newCols.Add("ordinality");
        }

        if (columnNames.Length > 0)
        {
            if (columnNames.Length != newCols.Count)
            {
                throw new SqlException(SqlErrorKind.Binder, $"UNNEST produces {newCols.Count} columns but {columnNames.Length} column aliases were given");
            }

            newCols = [.. columnNames];
        }

        var types2 = plan.Columns.Skip(ctx.Holder.Plan.Columns.Count).Select(c => c.Type).ToArray();
        var scope = ctx.Holder.Scope.Append(newCols.Select((n, i) => new ScopeColumn(alias, n, types2[i])));
        return (plan, scope);
    }
}
