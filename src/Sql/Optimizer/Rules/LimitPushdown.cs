using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Optimizer.Rules;

/// <summary>
/// LIMIT over ORDER BY becomes a top-N sort; LIMIT over projections and scans lets the scan stop early
/// (the scan applies its filter before counting).
/// </summary>
public static class LimitPushdown
{
    public static LogicalOperator Apply(LogicalOperator node)
    {
        var children = node.Children.Select(Apply).ToArray();
        node = children.Length == 0 ? node : node.WithChildren(children);
        if (node is not LogicalLimit { Limit: { } limit } l)
        {
            return node;
        }

        var needed = limit + l.Offset;
        return l with { Input = PushInto(l.Input, needed) };
    }

    private static LogicalOperator PushInto(LogicalOperator input, long needed) => input switch
    {
        LogicalSort sort => sort with { Limit = sort.Limit is { } existing ? Math.Min(existing, needed) : needed },
        LogicalProject project => project with { Input = PushInto(project.Input, needed) },
        LogicalGet get => get with { Limit = get.Limit is { } existing ? Math.Min(existing, needed) : needed },
        _ => input,
    };
}
