using System.Runtime.CompilerServices;
using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// Reads a <see cref="LogicalGet"/>'s source with its pushed projection, filter and limit. As the driving scan of a
/// parallel pipeline's worker it reads the morsels it takes from the pipeline's shared queue instead.
/// </summary>
public sealed class TableScanOperator(LogicalGet get) : PhysicalOperator(get)
{
    /// <summary>Whether parallel workers can share this scan's work: a source that splits into morsels, and no row limit.</summary>
    public bool CanDriveParallelPipeline => get.Source.SupportsMorsels && get.Limit is null;

    internal Task<IReadOnlyList<ScanMorsel>> PlanMorselsAsync(QueryContext context) =>
        get.Source.PlanMorselsAsync(Request(context), context);

    /// <summary>Records (for EXPLAIN ANALYZE) how many workers ran the pipeline this scan drove.</summary>
    internal void RecordWorkers(QueryContext context, int workers)
    {
        if (GetStats(context) is { } stats)
        {
            Interlocked.Exchange(ref stats.Workers, Math.Max(workers, Interlocked.Read(ref stats.Workers)));
        }
    }

    protected override IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context) =>
        context.Morsels is { } m && ReferenceEquals(m.Scan, this)
            ? ScanMorselsAsync(m.Queue, context)
            : get.Source.ScanAsync(Request(context), context);

    private async IAsyncEnumerable<DataChunk> ScanMorselsAsync(Parallel.MorselQueue queue, QueryContext context, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = Request(context);
        while (queue.TryTake(out var morsel))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            await foreach (var chunk in get.Source.ScanMorselAsync(morsel, request, context).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return chunk;
            }
        }
    }

    private ScanRequest Request(QueryContext context) => new(get.Projection, get.Filter, get.Limit, GetStats(context));
}
