using Lakehouse.Sql.Execution.Parallel;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// Hash aggregation (<see cref="HashAggregation"/>). When its input is a pipeline over a scan that splits into morsels
/// and the aggregate's partial results merge (<see cref="HashAggregation.IsMergeable"/>), every worker of the
/// parallel pipeline aggregates its own morsels into a partial aggregation, and the parts are merged at the end
/// (two-phase aggregation).
/// </summary>
public sealed class HashAggregateOperator : PhysicalOperator
{
    private readonly LogicalAggregate _aggregate;
    private readonly PhysicalOperator _input;
    private readonly TableScanOperator? _parallelScan;

    /// <param name="parallelScan">The driving scan of the input pipeline when it may run in parallel, else null.</param>
    public HashAggregateOperator(LogicalAggregate aggregate, PhysicalOperator input, TableScanOperator? parallelScan = null)
        : base(aggregate, input)
    {
        _aggregate = aggregate;
        _input = input;
        _parallelScan = HashAggregation.IsMergeable(aggregate) ? parallelScan : null;
    }

    /// <summary>Whether the input runs as a parallel pipeline with partial aggregations per worker.</summary>
    public bool IsParallel => _parallelScan is not null;

    protected override async IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context)
    {
        HashAggregation result;
        if (_parallelScan is not null && context.DegreeOfParallelism > 1)
        {
            HashAggregation[] parts = [];
            try
            {
                await ParallelPipeline.RunAsync(
                    _input,
                    _parallelScan,
                    context,
                    async (w, worker, chunks) =>
                    {
                        await foreach (var chunk in chunks.ConfigureAwait(false))
                        {
                            parts[w].Consume(chunk);
                        }
                    },
                    workers =>
                    {
                        parts = new HashAggregation[workers];
                        for (var w = 0; w < workers; w++)
                        {
                            parts[w] = new HashAggregation(_aggregate, context);
                        }

                        return Task.CompletedTask;
                    }).ConfigureAwait(false);
            }
            catch
            {
                foreach (var part in parts)
                {
                    part.Release();
                }

                throw;
            }

            // Merge into the part with the most groups (fewest keys to re-insert).
            Array.Sort(parts, (a, b) => b.GroupCount.CompareTo(a.GroupCount));
            result = parts[0];
            for (var i = 1; i < parts.Length; i++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                result.MergeFrom(parts[i]);
            }
        }
        else
        {
            result = new HashAggregation(_aggregate, context);
            try
            {
                await foreach (var chunk in _input.ExecuteAsync(context).ConfigureAwait(false))
                {
                    result.Consume(chunk);
                }
            }
            catch
            {
                result.Release();
                throw;
            }
        }

        DataChunk all;
        try
        {
            all = result.Finish();
        }
        finally
        {
            result.Release();
        }

        for (var start = 0; start < all.Length; start += context.BatchSize)
        {
            yield return all.Slice(start, Math.Min(context.BatchSize, all.Length - start));
        }
    }
}
