using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>Evaluates one expression per output column (column references pass arrays through).</summary>
public sealed class ProjectOperator(LogicalProject project, PhysicalOperator input) : PhysicalOperator(project, input)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        await foreach (var chunk in input.ExecuteAsync(context).ConfigureAwait(false))
        {
            var cols = new ArrowArray[project.Expressions.Count];
            for (var i = 0; i < cols.Length; i++)
            {
                cols[i] = ExpressionEvaluator.Evaluate(project.Expressions[i], chunk, context.Functions).ToArray();
            }

            yield return new DataChunk(cols, chunk.Length);
        }
    }
}
