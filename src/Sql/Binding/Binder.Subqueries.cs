using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>
/// Subqueries in expressions become joins on the plan the expression is bound over: a scalar subquery a
/// cross join with a single-row guard, IN and EXISTS a mark join whose boolean column the expression reads.
/// Correlated subqueries whose WHERE relates inner and outer columns by equalities are decorrelated: the
/// equalities become join keys (EXISTS/IN), or grouping keys of the aggregate joined back (scalar aggregate).
/// </summary>
public sealed partial class Binder
{
    private BoundExpression BindSubquery(Expression e, ExpressionContext ctx)
    {
        var holder = ctx.Holder;
        try
        {
            switch (e)
            {
                case SubqueryExpression sub:
                    {
                        var (plan, scope) = BindQuery(sub.Query, ctx.Scope);
                        var col = SingleColumn(scope, "scalar subquery");
                        return AppendJoin(holder, new LogicalJoin(holder.Plan, new LogicalSingleRow(plan), LogicalJoinType.Cross, [], [], null), col.Type, col.Name);
                    }

                case ExistsExpression exists:
                    {
                        var (plan, _) = BindQuery(exists.Subquery, ctx.Scope);
                        return AppendJoin(holder, new LogicalJoin(holder.Plan, new LogicalLimit(plan, 1, 0), LogicalJoinType.Mark, [], [], null), SqlType.Boolean, "$exists");
                    }

                case InSubqueryExpression inSub:
                    {
                        var value = BindExpression(inSub.Value, ctx);
                        var (plan, scope) = BindQuery(inSub.Subquery, ctx.Scope);
                        var col = SingleColumn(scope, "IN subquery");
                        var t = SqlType.CommonSuperType(value.Type, col.Type) ?? throw Mismatch("IN", value.Type, col.Type);
                        var mark = AppendJoin(holder, new LogicalJoin(holder.Plan, plan, LogicalJoinType.Mark, [Coerce(value, t, "IN")], [Coerce(new BoundColumn(0, col.Type, col.Name), t, "IN")], null, NullAware: true), SqlType.Boolean, "$in");
                        return inSub.Negated ? Not(mark) : mark;
                    }

                case QuantifiedComparison q when q.Operator == BinaryOperator.Equal && q.Quantifier == Quantifier.Any:
                    return BindSubquery(new InSubqueryExpression(q.Position, q.Value, q.Subquery, false), ctx);
                case QuantifiedComparison q when q.Operator == BinaryOperator.NotEqual && q.Quantifier == Quantifier.All:
                    return BindSubquery(new InSubqueryExpression(q.Position, q.Value, q.Subquery, true), ctx);
                default:
                    throw new SqlException(SqlErrorKind.NotImplemented, $"{e} is not supported");
            }
        }
        catch (CorrelatedReferenceException ex)
        {
            return BindCorrelated(e, ctx, ex);
        }
    }

    private static ScopeColumn SingleColumn(Scope scope, string what)
    {
        var visible = scope.Columns.Where(c => !c.Hidden).ToArray();
        if (visible.Length != 1)
        {
            throw new SqlException(SqlErrorKind.Binder, $"{what} must return exactly one column, not {visible.Length}");
        }

        return visible[0];
    }

    private static BoundColumn AppendJoin(PlanHolder holder, LogicalJoin join, SqlType type, string name)
    {
        var index = holder.Plan.Columns.Count;
        holder.Plan = join.Type == LogicalJoinType.Mark ? join : join;
        holder.Scope = holder.Scope.Append(join.Right.Columns.Skip(join.Type == LogicalJoinType.Mark ? join.Right.Columns.Count : 0)
            .Select(c => new ScopeColumn(null, c.Name, c.Type, Hidden: true))
            .Concat(join.Type == LogicalJoinType.Mark ? [new ScopeColumn(null, name, SqlType.Boolean, Hidden: true)] : []));
        return new BoundColumn(index, type, name);
    }

    private BoundExpression BindCorrelated(Expression e, ExpressionContext ctx, CorrelatedReferenceException cause)
    {
        var query = e switch
        {
            SubqueryExpression s => s.Query,
            ExistsExpression x => x.Subquery,
            InSubqueryExpression i => i.Subquery,
            _ => throw cause,
        };
        if (query.Body is not QuerySpecification spec || query.With is not null || spec.GroupBy is not null || spec.Having is not null || !spec.Windows.IsEmpty || spec.From is null || query.Limit is not null || query.Offset is not null)
        {
            throw new SqlException(SqlErrorKind.NotImplemented, $"this correlated subquery cannot be decorrelated (supported: a SELECT with FROM and WHERE equalities to outer columns, without GROUP BY/LIMIT): {cause.Detail}");
        }

        var holder = ctx.Holder;
        var outerScope = holder.Scope;
        var outerWidth = outerScope.Columns.Count;
        var (innerPlan, innerScope) = BindRelation(spec.From, null);
        var innerHolder = new PlanHolder(innerPlan, innerScope);
        var local = new List<BoundExpression>();
        var leftKeys = new List<BoundExpression>();
        var rightKeys = new List<BoundExpression>();
        var residual = new List<BoundExpression>();
        foreach (var conjunct in SplitAnd(spec.Where))
        {
            try
            {
                local.Add(BindPredicate(conjunct, new ExpressionContext(innerHolder, "WHERE") { Outer = outerScope }));
                continue;
            }
            catch (CorrelatedReferenceException)
            {
            }

            var combined = new PlanHolder(SingleRow(), outerScope.Append(innerHolder.Scope.Columns));
            var bound = BindPredicate(conjunct, new ExpressionContext(combined, "WHERE"));
            if (combined.Plan is not LogicalValues)
            {
                throw new SqlException(SqlErrorKind.NotImplemented, "subqueries inside correlated conditions are not supported");
            }

            if (bound is BoundOperator { Kind: BoundOperatorKind.Equal } eq)
            {
                var (aMin, aMax) = ColumnRange(eq.Operands[0]);
                var (bMin, bMax) = ColumnRange(eq.Operands[1]);
                if (aMax >= 0 && bMax >= 0 && aMax < outerWidth && bMin >= outerWidth)
                {
                    leftKeys.Add(eq.Operands[0]);
                    rightKeys.Add(Shift(eq.Operands[1], -outerWidth));
                    continue;
                }

                if (aMax >= 0 && bMax >= 0 && bMax < outerWidth && aMin >= outerWidth)
                {
                    leftKeys.Add(eq.Operands[1]);
                    rightKeys.Add(Shift(eq.Operands[0], -outerWidth));
                    continue;
                }
            }

            residual.Add(bound);
        }

        if (innerHolder.Plan != innerPlan)
        {
            throw new SqlException(SqlErrorKind.NotImplemented, "subqueries inside a correlated subquery are not supported");
        }

        var filtered = local.Count == 0 ? innerPlan : new LogicalFilter(innerPlan, And(local));
        var selectItems = spec.Select.AsSpan().ToArray();
        switch (e)
        {
            case ExistsExpression:
                return AppendJoin(holder, new LogicalJoin(holder.Plan, filtered, LogicalJoinType.Mark, leftKeys, rightKeys, residual.Count == 0 ? null : And(residual)), SqlType.Boolean, "$exists");
            case InSubqueryExpression inSub:
                {
                    if (selectItems is not [SingleColumn item])
                    {
                        throw new SqlException(SqlErrorKind.Binder, "IN subquery must return exactly one column");
                    }

                    var value = BindExpression(inSub.Value, ctx);
                    var inner = BindExpression(item.Expression, new ExpressionContext(new PlanHolder(filtered, innerScope), "SELECT"));
                    var t = SqlType.CommonSuperType(value.Type, inner.Type) ?? throw Mismatch("IN", value.Type, inner.Type);
                    var mark = AppendJoin(holder, new LogicalJoin(holder.Plan, filtered, LogicalJoinType.Mark, [Coerce(value, t, "IN"), .. leftKeys], [Coerce(inner, t, "IN"), .. rightKeys], residual.Count == 0 ? null : And(residual), NullAware: true), SqlType.Boolean, "$in");
                    return inSub.Negated ? Not(mark) : mark;
                }

            default:
                {
                    if (selectItems is not [SingleColumn { Expression: FunctionCall { Over: null } call }] || !Functions.IsAggregate(Scope.Display(call.Name)) || residual.Count > 0 || leftKeys.Count == 0)
                    {
                        throw new SqlException(SqlErrorKind.NotImplemented, "a correlated scalar subquery must select one aggregate and relate to the outer query by equalities only");
                    }

                    var name = Scope.Display(call.Name).ToLowerInvariant();
                    var innerCtx = new ExpressionContext(new PlanHolder(filtered, innerScope), "SELECT");
                    var args = call.Star ? [] : call.Arguments.AsSpan().ToArray().Select(a => BindExpression(a, innerCtx)).ToArray();
                    var function = Functions.ResolveAggregate(name, args.Select(a => a.Type).ToArray(), call.Distinct);
                    var filter = call.Filter is null ? null : BindPredicate(call.Filter, innerCtx);
                    var agg = new LogicalAggregate(filtered, rightKeys, rightKeys.Select((_, i) => $"$key{i}").ToArray(), [new BoundAggregate(function, args.Select((a, i) => Coerce(a, function.ArgumentTypes[i], name)).ToArray(), call.Distinct, filter)]);
                    var keys = rightKeys.Select((k, i) => (BoundExpression)new BoundColumn(i, k.Type, $"$key{i}")).ToArray();
                    var index = holder.Plan.Columns.Count + rightKeys.Count;
                    holder.Plan = new LogicalJoin(holder.Plan, agg, LogicalJoinType.Left, leftKeys, keys, null);
                    holder.Scope = holder.Scope.Append(agg.Columns.Select(c => new ScopeColumn(null, c.Name, c.Type, Hidden: true)));
                    BoundExpression result = new BoundColumn(index, function.ReturnType, name);
                    if (name is "count" or "count_if" or "approx_distinct")
                    {
                        result = BindCoalesce([result, new BoundConstant(SqlType.BigInt, 0L)]);
                    }

                    return result;
                }
        }
    }

    private static IEnumerable<Expression> SplitAnd(Expression? e)
    {
        if (e is null)
        {
            yield break;
        }

        if (e is BinaryExpression { Operator: BinaryOperator.And } and)
        {
            foreach (var x in SplitAnd(and.Left))
            {
                yield return x;
            }

            foreach (var x in SplitAnd(and.Right))
            {
                yield return x;
            }
        }
        else
        {
            yield return e;
        }
    }
}
