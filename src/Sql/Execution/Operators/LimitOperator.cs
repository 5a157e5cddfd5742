using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>OFFSET then LIMIT; stops pulling from its input once the limit is reached.</summary>
public sealed class LimitOperator(LogicalLimit limit, PhysicalOperator input) : PhysicalOperator(limit, input)
{
    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        var skip = limit.Offset;
        var remaining = limit.Limit ?? long.MaxValue;
        if (remaining == 0)
        {
            yield break;
        }

        await foreach (var chunk in input.ExecuteAsync(context).ConfigureAwait(false))
        {
            var c = chunk;
            if (skip > 0)
            {
                if (skip >= c.Length)
                {
                    skip -= c.Length;
                    continue;
                }

                c = c.Slice((int)skip, c.Length - (int)skip);
                skip = 0;
            }

            if (c.Length >= remaining)
            {
                yield return c.Slice(0, (int)remaining);
                yield break;
            }

            remaining -= c.Length;
            yield return c;
        }
    }
}
