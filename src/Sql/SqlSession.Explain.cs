using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lakehouse.Arrow;
using Lakehouse.Sql.Execution;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql;

/// <summary>EXPLAIN (the optimized plan, with pushed filters and limits) and EXPLAIN ANALYZE (rows, batches, time, pruning per operator).</summary>
public sealed partial class SqlSession
{
    private async Task<SqlResult> ExplainAsync(Explain explain, IReadOnlyList<object?> parameters, CancellationToken cancellationToken)
    {
        if (explain.Statement is not Query query)
        {
            throw new SqlException(SqlErrorKind.NotImplemented, "EXPLAIN supports queries only");
        }

        var functions = NewFunctionContext(cancellationToken);
        var (plan, _) = await PlanAsync(query, parameters, functions, cancellationToken).ConfigureAwait(false);
        var physical = PhysicalPlanner.Create(plan);
        Dictionary<object, OperatorStatistics>? stats = null;
        var total = TimeSpan.Zero;
        long peak = 0;
        if (explain.Analyze)
        {
            var context = NewQueryContext(functions, cancellationToken, statistics: true);
            var watch = Stopwatch.StartNew();
            await foreach (var _ in physical.ExecuteAsync(context).ConfigureAwait(false))
            {
            }

            total = watch.Elapsed;
            stats = context.Statistics;
            peak = context.Memory.PeakBytes;
        }

        var text = new StringBuilder();
        Describe(physical, 0, text, stats);
        if (explain.Analyze)
        {
            text.Append(CultureInfo.InvariantCulture, $"Total: {total.TotalMilliseconds:0.###} ms, peak operator memory {peak} bytes\n");
        }

        var lines = text.ToString().TrimEnd('\n').Split('\n');
        var schema = new Schema([new Field("Query Plan", SqlType.Varchar.ArrowType)]);
        var column = Execution.Vectors.ArrayFactory.FromValues(SqlType.Varchar, lines);
        return new SqlResult(schema, One(new RecordBatch(schema, [column], lines.Length)));
    }

    private static void Describe(PhysicalOperator op, int depth, StringBuilder text, Dictionary<object, OperatorStatistics>? stats)
    {
        if (op is Execution.Operators.GatherOperator gather)
        {
            // Parallelism is an execution detail: the plan shows the pipeline the gather runs.
            Describe(gather.Input, depth, text, stats);
            return;
        }

        text.Append(' ', depth * 2).Append(op.Logical.Describe());
        if (stats is not null && stats.TryGetValue(op, out var s))
        {
            text.Append(CultureInfo.InvariantCulture, $"  [rows={s.Rows} batches={s.Batches} time={s.ElapsedTicks * 1000.0 / Stopwatch.Frequency:0.###} ms (incl. inputs)");
            if (op.Logical is LogicalGet)
            {
                text.Append(CultureInfo.InvariantCulture, $" files={s.FilesRead} files_skipped={s.FilesSkipped} row_groups={s.RowGroupsRead} row_groups_skipped={s.RowGroupsSkipped}");
                if (s.Workers > 1)
                {
                    text.Append(CultureInfo.InvariantCulture, $" workers={s.Workers}");
                }
            }

            text.Append(']');
        }
        else if (stats is not null)
        {
            text.Append("  [not run]");
        }

        text.Append('\n');
        foreach (var child in op.Children)
        {
            Describe(child, depth + 1, text, stats);
        }
    }
}
