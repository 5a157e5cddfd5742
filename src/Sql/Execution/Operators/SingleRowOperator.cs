using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>Scalar subquery result: exactly one row (a null row when the subquery is empty; an error for more).</summary>
public sealed class SingleRowOperator(LogicalSingleRow single, PhysicalOperator input) : PhysicalOperator(single, input)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        DataChunk? found = null;
        await foreach (var chunk in input.ExecuteAsync(context).ConfigureAwait(false))
        {
            if (chunk.Length == 0)
            {
                continue;
            }

            if (found is not null || chunk.Length > 1)
            {
                throw new SqlException(SqlErrorKind.Execution, "Scalar sub-query has returned multiple rows");
            }

            found = chunk;
        }

        if (found is null)
        {
            var cols = new ArrowArray[single.Columns.Count];
            for (var c = 0; c < cols.Length; c++)
            {
                cols[c] = ArrayFactory.Nulls(single.Columns[c].Type.ArrowType, 1);
            }

            found = new DataChunk(cols, 1);
        }

        yield return found;
    }
}
