using System.Runtime.CompilerServices;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>Produces literal rows: each row's expressions are evaluated on a one-row chunk, then rows are concatenated per batch.</summary>
public sealed class ValuesOperator(LogicalValues values) : PhysicalOperator(values)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        var columns = values.Schema;
        var unit = new DataChunk([], 1);
        for (var start = 0; start < values.Rows.Count; start += context.BatchSize)
        {
            var count = Math.Min(context.BatchSize, values.Rows.Count - start);
            var cols = new ArrowArray[columns.Count];
            for (var c = 0; c < cols.Length; c++)
            {
                var parts = new ArrowArray[count];
                for (var r = 0; r < count; r++)
                {
                    var v = ExpressionEvaluator.Evaluate(values.Rows[start + r][c], unit, context.Functions);
                    parts[r] = v.IsConstant ? v.Array : v.Array.Slice(0, 1);
                }

                cols[c] = ArrayGather.Concat(parts, columns[c].Type.ArrowType);
            }

            yield return new DataChunk(cols, count);
        }
    }
}
