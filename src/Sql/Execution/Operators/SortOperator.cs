using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Expressions;
using Lakehouse.Sql.Execution.Keys;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// ORDER BY (and top-N with a limit): materializes the input, encodes the sort keys into normalized bytes
/// (direction and null placement baked in) and sorts row indices by those bytes (stable: ties keep input order).
/// A top-N keeps only the best <c>limit</c> rows of each chunk and of the running result.
/// </summary>
public sealed class SortOperator(LogicalSort sort, PhysicalOperator input) : PhysicalOperator(sort, input)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        var table = await MaterializedTable.CollectAsync(input, sort.Columns, context, "sort").ConfigureAwait(false);
        try
        {
            var chunk = table.AsChunk();
            var order = SortedRows(chunk, context);
            var count = sort.Limit is { } l ? (int)Math.Min(l, order.Length) : order.Length;
            for (var start = 0; start < count; start += context.BatchSize)
            {
                var len = Math.Min(context.BatchSize, count - start);
                yield return chunk.Gather(order.AsSpan(start, len));
            }
        }
        finally
        {
            context.Memory.Add(-table.Bytes, "sort");
        }
    }

    private int[] SortedRows(DataChunk chunk, QueryContext context)
    {
        var n = chunk.Length;
        var keyCols = new ArrowArray[sort.Keys.Count];
        for (var k = 0; k < keyCols.Length; k++)
        {
            keyCols[k] = ExpressionEvaluator.Evaluate(sort.Keys[k].Expression, chunk, context.Functions).ToArray();
        }

        var keys = SortKeyEncoder.Encode(keyCols, sort.Keys.Select(k => k.Expression.Type).ToArray(), sort.Keys.Select(k => k.Descending).ToArray(), sort.Keys.Select(k => k.NullsFirst).ToArray(), n);
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var data = keys.Data;
        var offsets = keys.Offsets;
        Array.Sort(order, (a, b) =>
        {
            var c = data.AsSpan(offsets[a], offsets[a + 1] - offsets[a]).SequenceCompareTo(data.AsSpan(offsets[b], offsets[b + 1] - offsets[b]));
            return c != 0 ? c : a.CompareTo(b);
        });
        return order;
    }
}
