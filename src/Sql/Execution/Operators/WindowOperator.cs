using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>Window functions (see WindowOperator.Functions.cs).</summary>
public sealed partial class WindowOperator(LogicalWindow window, PhysicalOperator input) : PhysicalOperator(window, input)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        var table = await MaterializedTable.CollectAsync(input, window.Input.Columns, context, "window").ConfigureAwait(false);
        try
        {
            var chunk = table.AsChunk();
            var results = new Arrow.Arrays.ArrowArray[window.Functions.Count];
            for (var f = 0; f < results.Length; f++)
            {
                results[f] = Compute(window.Functions[f], chunk, context);
            }

            var all = new DataChunk([.. chunk.Columns, .. results], chunk.Length);
            for (var start = 0; start < all.Length; start += context.BatchSize)
            {
                yield return all.Slice(start, Math.Min(context.BatchSize, all.Length - start));
            }
        }
        finally
        {
            context.Memory.Add(-table.Bytes, "window");
        }
    }
}
