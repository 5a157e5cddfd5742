using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Expressions;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>Applies a scan's exact filter and limit to chunks read from a source.</summary>
internal static class ScanFilter
{
    public static DataChunk? Apply(DataChunk chunk, BoundExpression? filter, QueryContext context)
    {
        if (filter is null || chunk.Length == 0)
        {
            return chunk;
        }

        var rows = ExpressionEvaluator.Select(filter, chunk, context.Functions, out var count);
        if (count == chunk.Length)
        {
            return chunk;
        }

        return count == 0 ? null : chunk.Gather(rows.AsSpan(0, count));
    }
}
