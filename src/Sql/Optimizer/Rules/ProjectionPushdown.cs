using Lakehouse.Sql.Binding;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Optimizer.Rules;

/// <summary>
/// Removes columns nobody reads: top-down, each operator asks its inputs only for the columns its output
/// and expressions need; scans then read only those columns from Parquet/Iceberg.
/// </summary>
public static class ProjectionPushdown
{
    public static LogicalOperator Apply(LogicalOperator plan)
    {
        var all = Enumerable.Repeat(true, plan.Columns.Count).ToArray();
        return Prune(plan, all).Node;
    }

    private static void Mark(BoundExpression? e, bool[] required)
    {
        if (e is null)
        {
            return;
        }

        if (e is BoundColumn c)
        {
            required[c.Index] = true;
        }

        foreach (var child in e.Children)
        {
            Mark(child, required);
        }
    }

    private static BoundExpression Remap(BoundExpression e, int[] map) =>
        Binder.Rewrite(e, x => x is BoundColumn c ? c with { Index = map[c.Index] } : null);

    private static (LogicalOperator Node, int[] Map) Identity(LogicalOperator node)
    {
        var children = node.Children.Select(c => Prune(c, Enumerable.Repeat(true, c.Columns.Count).ToArray()).Node).ToArray();
        var result = children.Length == 0 ? node : node.WithChildren(children);
        return (result, Enumerable.Range(0, node.Columns.Count).ToArray());
    }

    private static (LogicalOperator Node, int[] Map) Prune(LogicalOperator node, bool[] required)
    {
        switch (node)
        {
            case LogicalGet get:
                {
                    var keep = (bool[])required.Clone();
                    Mark(get.Filter, keep);
                    var map = new int[get.Projection.Count];
                    var projection = new List<int>();
                    for (var i = 0; i < map.Length; i++)
                    {
                        map[i] = keep[i] ? projection.Count : -1;
                        if (keep[i])
                        {
                            projection.Add(get.Projection[i]);
                        }
                    }

                    return (get with { Projection = projection, Filter = get.Filter is null ? null : Remap(get.Filter, map) }, map);
                }

            case LogicalProject project:
                {
                    var childRequired = new bool[project.Input.Columns.Count];
                    var kept = new List<int>();
                    for (var i = 0; i < project.Expressions.Count; i++)
                    {
                        if (required[i])
                        {
                            kept.Add(i);
                            Mark(project.Expressions[i], childRequired);
                        }
                    }

                    var (child, childMap) = Prune(project.Input, childRequired);
                    var map = Enumerable.Repeat(-1, project.Expressions.Count).ToArray();
                    for (var k = 0; k < kept.Count; k++)
                    {
                        map[kept[k]] = k;
                    }

                    return (new LogicalProject(child, kept.Select(i => Remap(project.Expressions[i], childMap)).ToArray(), kept.Select(i => project.Names[i]).ToArray()), map);
                }

            case LogicalFilter filter:
                {
                    var childRequired = (bool[])required.Clone();
                    Mark(filter.Predicate, childRequired);
                    var (child, map) = Prune(filter.Input, childRequired);
                    return (new LogicalFilter(child, Remap(filter.Predicate, map)), map);
                }

            case LogicalSort sort:
                {
                    var childRequired = (bool[])required.Clone();
                    foreach (var k in sort.Keys)
                    {
                        Mark(k.Expression, childRequired);
                    }

                    var (child, map) = Prune(sort.Input, childRequired);
                    return (sort with { Input = child, Keys = sort.Keys.Select(k => k with { Expression = Remap(k.Expression, map) }).ToArray() }, map);
                }

            case LogicalLimit limit:
                {
                    var (child, map) = Prune(limit.Input, required);
                    return (limit with { Input = child }, map);
                }

            case LogicalAggregate aggregate:
                {
                    var childRequired = new bool[aggregate.Input.Columns.Count];
                    foreach (var g in aggregate.Groups)
                    {
                        Mark(g, childRequired);
                    }

                    foreach (var a in aggregate.Aggregates)
                    {
                        foreach (var arg in a.Arguments)
                        {
                            Mark(arg, childRequired);
                        }

                        Mark(a.Filter, childRequired);
                    }

                    var (child, map) = Prune(aggregate.Input, childRequired);
                    return (aggregate with
                    {
                        Input = child,
                        Groups = aggregate.Groups.Select(g => Remap(g, map)).ToArray(),
                        Aggregates = aggregate.Aggregates.Select(a => a with { Arguments = a.Arguments.Select(x => Remap(x, map)).ToArray(), Filter = a.Filter is null ? null : Remap(a.Filter, map) }).ToArray(),
                    }, Enumerable.Range(0, aggregate.Columns.Count).ToArray());
                }

            case LogicalJoin join:
                {
                    var leftWidth = join.Left.Columns.Count;
                    var rightWidth = join.Right.Columns.Count;
                    var combined = new bool[leftWidth + rightWidth];
                    var outputsRight = join.Type is not (LogicalJoinType.Semi or LogicalJoinType.Anti or LogicalJoinType.Mark);
                    for (var i = 0; i < required.Length; i++)
                    {
                        if (required[i] && (i < leftWidth || outputsRight))
                        {
                            combined[i] = true;
                        }
                    }

                    Mark(join.Condition, combined);
                    var leftRequired = combined.Take(leftWidth).ToArray();
                    var rightRequired = combined.Skip(leftWidth).ToArray();
                    foreach (var k in join.LeftKeys)
                    {
                        Mark(k, leftRequired);
                    }

                    foreach (var k in join.RightKeys)
                    {
                        Mark(k, rightRequired);
                    }

                    var (left, lmap) = Prune(join.Left, leftRequired);
                    var (right, rmap) = Prune(join.Right, rightRequired);
                    var newLeftWidth = left.Columns.Count;
                    var cmap = lmap.Concat(rmap.Select(m => m < 0 ? -1 : m + newLeftWidth)).ToArray();
                    var result = join with
                    {
                        Left = left,
                        Right = right,
                        LeftKeys = join.LeftKeys.Select(k => Remap(k, lmap)).ToArray(),
                        RightKeys = join.RightKeys.Select(k => Remap(k, rmap)).ToArray(),
                        Condition = join.Condition is null ? null : Remap(join.Condition, cmap),
                    };
                    var outMap = join.Type switch
                    {
                        LogicalJoinType.Semi or LogicalJoinType.Anti => lmap,
                        LogicalJoinType.Mark => [.. lmap, newLeftWidth],
                        _ => cmap,
                    };
                    return (result, outMap);
                }

            case LogicalTopNRanking topN:
                {
                    var childRequired = (bool[])required.Clone();
                    foreach (var p in topN.PartitionBy)
                    {
                        Mark(p, childRequired);
                    }

                    foreach (var k in topN.OrderBy)
                    {
                        Mark(k.Expression, childRequired);
                    }

                    var (child, map) = Prune(topN.Input, childRequired);
                    return (topN with
                    {
                        Input = child,
                        PartitionBy = topN.PartitionBy.Select(p => Remap(p, map)).ToArray(),
                        OrderBy = topN.OrderBy.Select(k => k with { Expression = Remap(k.Expression, map) }).ToArray(),
                    }, map);
                }

            case LogicalUnnest unnest:
                {
                    // Only the input columns read above are repeated per element; the arrays' own columns are read by
                    // the operator but not carried into the output unless asked for.
                    var inputWidth = unnest.Passthrough?.Count ?? unnest.Input.Columns.Count;
                    var childRequired = new bool[unnest.Input.Columns.Count];
                    foreach (var a in unnest.Arrays)
                    {
                        Mark(a, childRequired);
                    }

                    var passthrough = new List<int>();
                    var map = Enumerable.Repeat(-1, unnest.Columns.Count).ToArray();
                    for (var i = 0; i < inputWidth; i++)
                    {
                        if (required[i])
                        {
                            var source = unnest.Passthrough?[i] ?? i;
                            childRequired[source] = true;
                            map[i] = passthrough.Count;
                            passthrough.Add(source);
                        }
                    }

                    var (child, childMap) = Prune(unnest.Input, childRequired);
                    for (var j = inputWidth; j < map.Length; j++)
                    {
                        map[j] = passthrough.Count + (j - inputWidth);
                    }

                    return (unnest with
                    {
                        Input = child,
                        Arrays = unnest.Arrays.Select(a => Remap(a, childMap)).ToArray(),
                        Passthrough = passthrough.Select(i => childMap[i]).ToArray(),
                    }, map);
                }

            default:
                return Identity(node);
        }
    }
}
