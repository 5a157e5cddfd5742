using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>SELECT … FROM … WHERE … GROUP BY … HAVING … window … ORDER BY.</summary>
public sealed partial class Binder
{
    private sealed record SelectEntry(Expression? Syntax, BoundExpression? Direct, string Name, bool HasAlias);

    private (LogicalOperator, Scope) BindQuerySpecification(QuerySpecification spec, OrderBy? orderBy, Scope? outer)
    {
        var (fromPlan, fromScope) = spec.From is null ? (SingleRow(), Scope.Empty) : BindRelation(spec.From, outer);
        var holder = new PlanHolder(fromPlan, fromScope);
        var whereCtx = new ExpressionContext(holder, "WHERE") { Outer = outer };
        if (spec.Where is { } where)
        {
            var predicate = BindPredicate(where, whereCtx);
            holder.Plan = new LogicalFilter(holder.Plan, predicate);
        }

        // Expand the select list.
        var entries = new List<SelectEntry>();
        foreach (var item in spec.Select)
        {
            if (item is AllColumns all)
            {
                var prefix = all.Prefix is null ? null : all.Prefix.Parts[^1].Value;
                var any = false;
                for (var i = 0; i < holder.Scope.Columns.Count; i++)
                {
                    var c = holder.Scope.Columns[i];
                    if (c.Hidden || (prefix is not null && !string.Equals(c.Relation, prefix, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    any = true;
                    entries.Add(new SelectEntry(null, new BoundColumn(i, c.Type, c.Name), c.Name, false));
                }

                if (!any && prefix is not null)
                {
                    throw new SqlException(SqlErrorKind.Binder, $"relation \"{prefix}\" not found for {prefix}.*");
                }
            }
            else if (item is SingleColumn single)
            {
                entries.Add(new SelectEntry(single.Expression, null, single.Alias?.Value ?? DefaultName(single.Expression, entries.Count), single.Alias is not null));
            }
        }

        var orderItems = orderBy?.Items.AsSpan().ToArray() ?? [];

        // Aggregation.
        var aggregateCalls = new List<FunctionCall>();
        foreach (var e in entries)
        {
            if (e.Syntax is not null)
            {
                CollectAggregates(e.Syntax, aggregateCalls);
            }
        }

        if (spec.Having is not null)
        {
            CollectAggregates(spec.Having, aggregateCalls);
        }

        foreach (var o in orderItems)
        {
            CollectAggregates(o.Key, aggregateCalls);
        }

        ExpressionContext ctx = new(holder, "SELECT") { Outer = outer };
        var aggregated = spec.GroupBy is not null || aggregateCalls.Count > 0 || spec.Having is not null;
        if (aggregated)
        {
            ctx = BindAggregation(spec, entries, aggregateCalls, holder, outer);
            if (spec.Having is { } having)
            {
                var havingCtx = new ExpressionContext(ctx.Holder, "HAVING") { Replace = ctx.Replace, Outer = outer };
                var predicate = BindPredicate(having, havingCtx);
                ctx.Holder.Plan = new LogicalFilter(ctx.Holder.Plan, predicate);
            }
        }
        else if (spec.Select.AsSpan().ToArray().OfType<SingleColumn>().Any(s => ContainsGrouping(s.Expression)))
        {
            throw new SqlException(SqlErrorKind.Binder, "grouping() requires GROUP BY");
        }

        // Window functions.
        var windowCalls = new List<FunctionCall>();
        foreach (var e in entries)
        {
            if (e.Syntax is not null)
            {
                CollectWindows(e.Syntax, windowCalls);
            }
        }

        foreach (var o in orderItems)
        {
            CollectWindows(o.Key, windowCalls);
        }

        if (windowCalls.Count > 0)
        {
            ctx = BindWindows(spec, windowCalls, ctx);
        }

        // The select list.
        var exprs = new List<BoundExpression>();
        var names = new List<string>();
        foreach (var e in entries)
        {
            var bound = e.Direct is not null ? MapDirect(e.Direct, ctx) : BindExpression(e.Syntax!, ctx);
            if (bound.Type.Kind == SqlTypeKind.Unknown)
            {
                bound = BoundConstant.Null(SqlType.Unknown);
            }

            exprs.Add(Fold(bound));
            names.Add(e.Name);
        }

        var visibleCount = exprs.Count;

        // ORDER BY keys over the select list (output names and ordinals first) or extra hidden columns.
        var keys = new List<SortKey>();
        foreach (var o in orderItems)
        {
            var index = ResolveOrderKey(o.Key, entries, names);
            if (index < 0)
            {
                if (spec.Distinct)
                {
                    throw new SqlException(SqlErrorKind.Binder, $"for SELECT DISTINCT, ORDER BY expressions must appear in the select list: {o.Key}");
                }

                var bound = Fold(BindExpression(o.Key, new ExpressionContext(ctx.Holder, "ORDER BY") { Replace = ctx.Replace, Outer = outer }));
                var existing = exprs.FindIndex(x => x == bound);
                if (existing >= 0)
                {
                    index = existing;
                }
                else
                {
                    exprs.Add(bound);
                    names.Add($"$order{keys.Count}");
                    index = exprs.Count - 1;
                }
            }

            if (!exprs[index].Type.IsOrderable)
            {
                throw new SqlException(SqlErrorKind.Binder, $"ORDER BY key of type {exprs[index].Type} is not orderable");
            }

            keys.Add(new SortKey(new BoundColumn(index, exprs[index].Type, names[index]), o.Order == SortOrder.Descending, o.Nulls == NullOrder.First));
        }

        LogicalOperator plan = new LogicalProject(ctx.Holder.Plan, exprs, names);
        if (spec.Distinct)
        {
            foreach (var x in exprs)
            {
                if (!x.Type.IsComparable)
                {
                    throw new SqlException(SqlErrorKind.Binder, $"SELECT DISTINCT over type {x.Type}, which is not comparable");
                }
            }

            plan = new LogicalDistinct(plan);
        }

        if (keys.Count > 0)
        {
            plan = new LogicalSort(plan, keys);
        }

        if (exprs.Count > visibleCount)
        {
            plan = new LogicalProject(plan, Enumerable.Range(0, visibleCount).Select(i => (BoundExpression)new BoundColumn(i, exprs[i].Type, names[i])).ToArray(), names.Take(visibleCount).ToArray());
        }

        var scope = new Scope(Enumerable.Range(0, visibleCount).Select(i => new ScopeColumn(null, names[i], exprs[i].Type)).ToArray());
        return (plan, scope);
    }

    /// <summary>A `*`-expanded column seen through the aggregation/window replacements.</summary>
    private static BoundExpression MapDirect(BoundExpression direct, ExpressionContext ctx)
    {
        if (ctx.Replace is null)
        {
            return direct;
        }

        var c = (BoundColumn)direct;
        return ctx.Replace(new ColumnReference(SourcePosition.Start, new QualifiedName(SourcePosition.Start, SyntaxList.Create<Identifier>([new Identifier(SourcePosition.Start, c.Name)])))) ?? direct;
    }

    private static string DefaultName(Expression e, int index) => e switch
    {
        ColumnReference c => c.Name.Parts[^1].Value,
        FieldReference f => f.Field.Value,
        _ => $"_col{index}",
    };

    private static int ResolveOrderKey(Expression key, List<SelectEntry> entries, List<string> names)
    {
        if (key is IntegerLiteral ordinal)
        {
            if (ordinal.Value < 1 || ordinal.Value > entries.Count)
            {
                throw new SqlException(SqlErrorKind.Binder, $"ORDER BY position {ordinal.Value} is not in the select list (1..{entries.Count})");
            }

            return (int)ordinal.Value - 1;
        }

        if (key is ColumnReference { Name.Parts.Count: 1 } c)
        {
            var name = c.Name.Parts[0].Value;
            var matches = Enumerable.Range(0, entries.Count).Where(i => string.Equals(names[i], name, StringComparison.Ordinal) && (entries[i].HasAlias || entries[i].Direct is not null || entries[i].Syntax is ColumnReference)).ToArray();
            if (matches.Length == 1)
            {
                return matches[0];
            }

            if (matches.Length > 1 && matches.Select(i => entries[i].Syntax?.ToString() ?? names[i]).Distinct().Count() > 1)
            {
                throw new SqlException(SqlErrorKind.Binder, $"ORDER BY \"{name}\" is ambiguous: several select items have that name");
            }

            if (matches.Length > 1)
            {
                return matches[0];
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Syntax is { } s && s == key)
            {
                return i;
            }
        }

        return -1;
    }

    private (LogicalOperator, Scope) BindOrderByOutput(LogicalOperator plan, Scope scope, OrderBy orderBy)
    {
        var keys = new List<SortKey>();
        var ctx = new ExpressionContext(new PlanHolder(plan, scope), "ORDER BY");
        foreach (var o in orderBy.Items)
        {
            BoundExpression key;
            if (o.Key is IntegerLiteral ordinal)
            {
                var visible = scope.Columns.Count;
                if (ordinal.Value < 1 || ordinal.Value > visible)
                {
                    throw new SqlException(SqlErrorKind.Binder, $"ORDER BY position {ordinal.Value} is not in the select list (1..{visible})");
                }

                var c = scope.Columns[(int)ordinal.Value - 1];
                key = new BoundColumn((int)ordinal.Value - 1, c.Type, c.Name);
            }
            else
            {
                key = BindExpression(o.Key, ctx);
            }

            keys.Add(new SortKey(key, o.Order == SortOrder.Descending, o.Nulls == NullOrder.First));
        }

        return (new LogicalSort(ctx.Holder.Plan, keys), scope);
    }

    private static void Walk(Node node, Func<Node, bool> visit)
    {
        var stack = new Stack<Node>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n is Query)
            {
                continue;
            }

            if (!visit(n))
            {
                continue;
            }

            foreach (var child in SyntaxTree.Children(n))
            {
                stack.Push(child);
            }
        }
    }

    private void CollectAggregates(Expression e, List<FunctionCall> acc)
    {
        Walk(e, n =>
        {
            if (n is FunctionCall f && f.Over is null && Functions.IsAggregate(Scope.Display(f.Name).ToLowerInvariant()))
            {
                if (!acc.Contains(f))
                {
                    acc.Add(f);
                }

                return false;
            }

            return true;
        });
    }

    private static void CollectWindows(Expression e, List<FunctionCall> acc)
    {
        Walk(e, n =>
        {
            if (n is FunctionCall { Over: not null } f)
            {
                if (!acc.Contains(f))
                {
                    acc.Add(f);
                }

                return false;
            }

            return true;
        });
    }

    private static bool ContainsGrouping(Expression e)
    {
        var found = false;
        Walk(e, n =>
        {
            if (n is FunctionCall f && Scope.Display(f.Name).Equals("grouping", StringComparison.OrdinalIgnoreCase))
            {
                found = true;
            }

            return !found;
        });
        return found;
    }
}
