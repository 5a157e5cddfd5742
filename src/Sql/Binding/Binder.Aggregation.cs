using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Parsing;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>GROUP BY (expressions, ordinals, aliases, GROUPING SETS, ROLLUP, CUBE), aggregates and grouping().</summary>
public sealed partial class Binder
{
    private ExpressionContext BindAggregation(QuerySpecification spec, List<SelectEntry> entries, List<FunctionCall> aggregateCalls, PlanHolder holder, Scope? outer)
    {
        var preCtx = new ExpressionContext(holder, "GROUP BY") { Outer = outer };

        // Resolve grouping elements into syntax sets.
        var groupSyntax = new List<Expression>();
        int IndexOf(Expression e)
        {
            var resolved = ResolveGroupKey(e, entries, holder.Scope);
            var i = groupSyntax.IndexOf(resolved);
            if (i < 0)
            {
                groupSyntax.Add(resolved);
                i = groupSyntax.Count - 1;
            }

            return i;
        }

        List<List<int>> sets = [[]];
        var usesSets = false;
        if (spec.GroupBy is { } groupBy)
        {
            foreach (var element in groupBy.Elements)
            {
                List<List<int>> elementSets;
                switch (element)
                {
                    case SimpleGroupBy simple:
                        elementSets = [[IndexOf(simple.Expression)]];
                        break;
                    case Rollup rollup:
                        {
                            usesSets = true;
                            var items = rollup.Expressions.AsSpan().ToArray().Select(IndexOf).ToList();
                            elementSets = [];
                            for (var k = items.Count; k >= 0; k--)
                            {
                                elementSets.Add(items.Take(k).ToList());
                            }

                            break;
                        }

                    case Cube cube:
                        {
                            usesSets = true;
                            var items = cube.Expressions.AsSpan().ToArray().Select(IndexOf).ToList();
                            elementSets = [];
                            for (var mask = (1 << items.Count) - 1; mask >= 0; mask--)
                            {
                                elementSets.Add(items.Where((_, i) => (mask & (1 << (items.Count - 1 - i))) != 0).ToList());
                            }

                            break;
                        }

                    case GroupingSets gs:
                        usesSets = true;
                        elementSets = gs.Sets.AsSpan().ToArray().Select(s => s.AsSpan().ToArray().Select(IndexOf).ToList()).ToList();
                        break;
                    default:
                        throw new SqlException(SqlErrorKind.NotImplemented, $"grouping element {element.GetType().Name}");
                }

                sets = sets.SelectMany(s => elementSets.Select(e => s.Concat(e).Distinct().ToList())).ToList();
            }

            if (groupBy.Distinct)
            {
                sets = sets.DistinctBy(s => string.Join(",", s.Order())).ToList();
            }
        }

        var groups = groupSyntax.Select(g => Fold(BindExpression(g, preCtx))).ToArray();
        foreach (var g in groups)
        {
            if (!g.Type.IsComparable)
            {
                throw new SqlException(SqlErrorKind.Binder, $"GROUP BY expression of type {g.Type} is not comparable");
            }
        }

        var groupNames = groupSyntax.Select((g, i) => DefaultName(g, i)).ToArray();

        // Aggregates.
        var aggregates = new List<BoundAggregate>();
        foreach (var call in aggregateCalls)
        {
            var name = Scope.Display(call.Name).ToLowerInvariant();
            var argCtx = new ExpressionContext(holder, $"argument of {name}") { Outer = outer };
            foreach (var a in call.Arguments)
            {
                var nested = new List<FunctionCall>();
                CollectAggregates(a, nested);
                if (nested.Count > 0)
                {
                    throw new SqlException(SqlErrorKind.Binder, $"cannot nest aggregate functions: {nested[0]} inside {name}");
                }
            }

            var args = call.Star ? [] : call.Arguments.AsSpan().ToArray().Select(a => BindExpression(a, argCtx)).ToArray();

            var function = Functions.ResolveAggregate(name, args.Select(a => a.Type).ToArray(), call.Distinct);
            var coerced = args.Select((a, i) => Fold(Coerce(a, function.ArgumentTypes[i], name))).ToArray();
            var filter = call.Filter is null ? null : BindPredicate(call.Filter, new ExpressionContext(holder, "FILTER") { Outer = outer });
            if (call.OrderBy is not null)
            {
                throw new SqlException(SqlErrorKind.NotImplemented, $"ORDER BY inside {name}(…) is not supported");
            }

            aggregates.Add(new BoundAggregate(function, coerced, call.Distinct, filter));
        }

        var aggregate = new LogicalAggregate(holder.Plan, groups, groupNames, aggregates, usesSets ? sets.Select(s => (IReadOnlyList<int>)s.Order().ToArray()).ToArray() : null);
        var columns = new List<ScopeColumn>();
        for (var g = 0; g < groups.Length; g++)
        {
            columns.Add(new ScopeColumn(null, groupNames[g], groups[g].Type, Hidden: true));
        }

        for (var a = 0; a < aggregates.Count; a++)
        {
            columns.Add(new ScopeColumn(null, $"$agg{a}", aggregates[a].Function.ReturnType, Hidden: true));
        }

        if (usesSets)
        {
            columns.Add(new ScopeColumn(null, "$grouping_id", SqlType.BigInt, Hidden: true));
        }

        var post = new PlanHolder(aggregate, new Scope(columns));
        var groupingIdIndex = groups.Length + aggregates.Count;
        BoundExpression? Replace(Expression e)
        {
            if (e is FunctionCall { Over: null } f)
            {
                var i = aggregateCalls.IndexOf(f);
                if (i >= 0)
                {
                    return new BoundColumn(groups.Length + i, aggregates[i].Function.ReturnType, $"agg{i}");
                }

                if (Scope.Display(f.Name).Equals("grouping", StringComparison.OrdinalIgnoreCase))
                {
                    return BindGrouping(f, groupSyntax, entries, holder.Scope, usesSets ? groupingIdIndex : -1);
                }
            }

            var g = groupSyntax.IndexOf(e);
            if (g >= 0)
            {
                return new BoundColumn(g, groups[g].Type, groupNames[g]);
            }

            if (e is ColumnReference c)
            {
                BoundExpression bound;
                try
                {
                    bound = BindExpression(c, preCtx);
                }
                catch (CorrelatedReferenceException)
                {
                    throw;
                }

                for (var k = 0; k < groups.Length; k++)
                {
                    if (groups[k] == bound)
                    {
                        return new BoundColumn(k, groups[k].Type, groupNames[k]);
                    }
                }

                throw new SqlException(SqlErrorKind.Binder, $"column \"{Scope.Display(c.Name)}\" must appear in the GROUP BY clause or be used in an aggregate function");
            }

            return null;
        }

        return new ExpressionContext(post, "SELECT") { Replace = Replace, Outer = outer };
    }

    /// <summary>A GROUP BY item: ordinal → select item, a name that is only a select alias → that item, else itself.</summary>
    private static Expression ResolveGroupKey(Expression e, List<SelectEntry> entries, Scope fromScope)
    {
        if (e is IntegerLiteral ordinal)
        {
            if (ordinal.Value < 1 || ordinal.Value > entries.Count)
            {
                throw new SqlException(SqlErrorKind.Binder, $"GROUP BY position {ordinal.Value} is not in the select list (1..{entries.Count})");
            }

            var entry = entries[(int)ordinal.Value - 1];
            return entry.Syntax ?? new ColumnReference(SourcePosition.Start, new QualifiedName(SourcePosition.Start, SyntaxList.Create<Identifier>([new Identifier(SourcePosition.Start, entry.Name)])));
        }

        if (e is ColumnReference { Name.Parts.Count: 1 } c && fromScope.Find([c.Name.Parts[0].Value], out _) < 0)
        {
            foreach (var entry in entries)
            {
                if (entry.HasAlias && entry.Name == c.Name.Parts[0].Value && entry.Syntax is not null)
                {
                    return entry.Syntax;
                }
            }
        }

        return e;
    }

    private static BoundExpression BindGrouping(FunctionCall f, List<Expression> groupSyntax, List<SelectEntry> entries, Scope fromScope, int groupingIdIndex)
    {
        var args = f.Arguments.AsSpan().ToArray();
        if (args.Length == 0)
        {
            throw new SqlException(SqlErrorKind.Binder, "grouping() needs at least one argument");
        }

        if (groupingIdIndex < 0)
        {
            return new BoundConstant(SqlType.BigInt, 0L);
        }

        var n = groupSyntax.Count;
        BoundExpression? result = null;
        var gid = new BoundColumn(groupingIdIndex, SqlType.BigInt, "$grouping_id");
        for (var i = 0; i < args.Length; i++)
        {
            var g = groupSyntax.IndexOf(ResolveGroupKey(args[i], entries, fromScope));
            if (g < 0)
            {
                throw new SqlException(SqlErrorKind.Binder, $"argument {args[i]} of grouping() is not a GROUP BY expression");
            }

            // bit = (gid / 2^(n-1-g)) % 2, weighted by 2^(k-1-i)
            BoundExpression bit = new BoundOperator(BoundOperatorKind.Modulo, [new BoundOperator(BoundOperatorKind.Divide, [gid, new BoundConstant(SqlType.BigInt, 1L << (n - 1 - g))], SqlType.BigInt), new BoundConstant(SqlType.BigInt, 2L)], SqlType.BigInt);
            if (args.Length - 1 - i > 0)
            {
                bit = new BoundOperator(BoundOperatorKind.Multiply, [bit, new BoundConstant(SqlType.BigInt, 1L << (args.Length - 1 - i))], SqlType.BigInt);
            }

            result = result is null ? bit : new BoundOperator(BoundOperatorKind.Add, [result, bit], SqlType.BigInt);
        }

        return result!;
    }
}
