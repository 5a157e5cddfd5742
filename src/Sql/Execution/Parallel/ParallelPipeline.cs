using Lakehouse.Sql.Execution.Operators;

namespace Lakehouse.Sql.Execution.Parallel;

/// <summary>
/// Morsel-driven parallelism: runs one pipeline (streaming operators over a driving scan: filters, projections,
/// UNNEST, hash-join probes) as several workers at once. The scan's morsels (row groups, data files) go into one
/// shared queue; every worker runs its own instance of the pipeline, whose scan takes the next morsel whenever it
/// needs more, so the work balances itself. Join build sides inside the pipeline are built once and shared. Each
/// worker's output goes to the caller's consumer (a partial aggregate, or a channel feeding the next operator).
/// </summary>
internal static class ParallelPipeline
{
    /// <summary>
    /// Runs the workers to completion. The first failure cancels the others and is rethrown (not the cancellations it
    /// caused). Returns the number of workers used (at most one per morsel, and one when the context asks for no parallelism).
    /// </summary>
    public static async Task<int> RunAsync(
        PhysicalOperator pipeline,
        TableScanOperator scan,
        QueryContext context,
        Func<int, QueryContext, IAsyncEnumerable<DataChunk>, Task> consume,
        Func<int, Task>? beforeStart = null,
        CancellationToken stop = default)
    {
        var morsels = await scan.PlanMorselsAsync(context).ConfigureAwait(false);
        var queue = new MorselQueue(morsels);
        var workers = Math.Max(1, Math.Min(context.DegreeOfParallelism, morsels.Count));
        scan.RecordWorkers(context, workers);
        if (beforeStart is not null)
        {
            await beforeStart(workers).ConfigureAwait(false);
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stop);
        var shared = new SharedBuilds(context.WithCancellation(cts.Token));
        try
        {
            var tasks = new Task[workers];
            for (var w = 0; w < workers; w++)
            {
                var worker = w;
                var workerContext = context.ForWorker(worker, scan, queue, shared, cts.Token);
                tasks[w] = Task.Run(
                    async () =>
                    {
                        try
                        {
                            await consume(worker, workerContext, pipeline.ExecuteAsync(workerContext)).ConfigureAwait(false);
                        }
                        catch
                        {
                            await cts.CancelAsync().ConfigureAwait(false);
                            throw;
                        }
                    },
                    CancellationToken.None);
            }

            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var first = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
                if (first is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
                }

                throw;
            }
        }
        finally
        {
            shared.Release();
        }

        return workers;
    }
}
