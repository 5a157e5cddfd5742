using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>Evaluates the predicate into a selection; a chunk that passes entirely is passed by reference.</summary>
public sealed class FilterOperator(LogicalFilter filter, PhysicalOperator input) : PhysicalOperator(filter, input)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        await foreach (var chunk in input.ExecuteAsync(context).ConfigureAwait(false))
        {
            var rows = ExpressionEvaluator.Select(filter.Predicate, chunk, context.Functions, out var count);
            if (count == chunk.Length)
            {
                yield return chunk;
            }
            else if (count > 0)
            {
                yield return chunk.Gather(rows.AsSpan(0, count));
            }
        }
    }
}
