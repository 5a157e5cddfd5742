using Lakehouse.Sql.Optimizer.Rules;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Optimizer;

/// <summary>Runs the rewrite rules in order over the logical plan.</summary>
public static class PlanOptimizer
{
    public static LogicalOperator Optimize(LogicalOperator plan)
    {
        plan = FilterPushdown.Apply(plan);
        plan = LimitPushdown.Apply(plan);
        plan = TopNRankingRule.Apply(plan);
        plan = JoinReorder.Apply(plan);
        plan = JoinBuildSide.Apply(plan);
        plan = ProjectionPushdown.Apply(plan);
        plan = MetadataCount.Apply(plan);
        return plan;
    }
}
