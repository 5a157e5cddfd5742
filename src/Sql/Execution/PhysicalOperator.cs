using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution;

/// <summary>
/// An executable operator: immutable (built from the logical plan); each execution keeps its state in
/// locals of <see cref="ExecuteCoreAsync"/>, so a plan can run more than once.
/// </summary>
public abstract class PhysicalOperator
{
    protected PhysicalOperator(LogicalOperator logical, params PhysicalOperator[] children)
    {
        Logical = logical;
        Children = children;
    }

    public LogicalOperator Logical { get; }

    public IReadOnlyList<PhysicalOperator> Children { get; }

    /// <summary>Streams the operator's output, recording rows and time when the context collects statistics.</summary>
    public async IAsyncEnumerable<DataChunk> ExecuteAsync(QueryContext context)
    {
        var stats = context.Statistics is { } all ? GetStats(all) : null;
        var enumerator = ExecuteCoreAsync(context).GetAsyncEnumerator(context.CancellationToken);
        try
        {
            while (true)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var start = stats is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
                var more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                if (stats is not null)
                {
                    Interlocked.Add(ref stats.ElapsedTicks, System.Diagnostics.Stopwatch.GetTimestamp() - start);
                }

                if (!more)
                {
                    break;
                }

                var chunk = enumerator.Current;
                if (chunk.Length == 0 && chunk.ColumnCount > 0)
                {
                    continue;
                }

                if (stats is not null)
                {
                    Interlocked.Add(ref stats.Rows, chunk.Length);
                    Interlocked.Increment(ref stats.Batches);
                }

                yield return chunk;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected OperatorStatistics? GetStats(QueryContext context) => context.Statistics is { } all ? GetStats(all) : null;

    private OperatorStatistics GetStats(Dictionary<object, OperatorStatistics> all)
    {
        lock (all)
        {
            if (!all.TryGetValue(this, out var s))
            {
                all[this] = s = new OperatorStatistics();
            }

            return s;
        }
    }

    protected abstract IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context);
}
