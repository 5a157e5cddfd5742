using Lakehouse.Sql.Execution.Parallel;
using Lakehouse.Sql.Functions;

namespace Lakehouse.Sql.Execution;

/// <summary>
/// Per-query execution state shared by all operators: batch size, function context, memory, cancellation. A parallel
/// pipeline runs each of its workers with a worker context (<see cref="ForWorker"/>): the same query state plus the
/// morsel queue its driving scan takes work from, the build sides the workers share, and worker-local caches.
/// </summary>
public sealed class QueryContext
{
    private Dictionary<object, object>? _workerLocals;

    public QueryContext(int batchSize, FunctionContext functions, MemoryTracker memory, int degreeOfParallelism, CancellationToken cancellationToken)
    {
        BatchSize = batchSize;
        Functions = functions;
        Memory = memory;
        DegreeOfParallelism = degreeOfParallelism;
        CancellationToken = cancellationToken;
    }

    public int BatchSize { get; }

    public FunctionContext Functions { get; }

    public MemoryTracker Memory { get; }

    public int DegreeOfParallelism { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>Per-operator statistics for EXPLAIN ANALYZE (null when not collected).</summary>
    public Dictionary<object, OperatorStatistics>? Statistics { get; init; }

    /// <summary>In a worker: the driving scan of its pipeline and the queue of morsels that scan reads from.</summary>
    internal (PhysicalOperator Scan, MorselQueue Queue)? Morsels { get; private init; }

    /// <summary>In a worker: the build sides (hash join tables) built once and shared by the pipeline's workers.</summary>
    internal SharedBuilds? SharedBuilds { get; private init; }

    /// <summary>The worker number inside its parallel pipeline (0 outside one).</summary>
    public int Worker { get; private init; }

    /// <summary>A context for worker <paramref name="worker"/> of a parallel pipeline.</summary>
    internal QueryContext ForWorker(int worker, PhysicalOperator scan, MorselQueue queue, SharedBuilds shared, CancellationToken cancellationToken) =>
        new(BatchSize, Functions, Memory, DegreeOfParallelism, cancellationToken)
        {
            Statistics = Statistics,
            Morsels = (scan, queue),
            SharedBuilds = shared,
            Worker = worker,
        };

    /// <summary>The same context with another cancellation token (a parallel pipeline's, which its consumer can cancel).</summary>
    internal QueryContext WithCancellation(CancellationToken cancellationToken) =>
        new(BatchSize, Functions, Memory, DegreeOfParallelism, cancellationToken)
        {
            Statistics = Statistics,
            Morsels = Morsels,
            SharedBuilds = SharedBuilds,
            Worker = Worker,
            _workerLocals = _workerLocals,
        };

    /// <summary>A value private to this context (one per worker), created on first use: e.g. a scan object that is not thread-safe.</summary>
    public T WorkerLocal<T>(object key, Func<T> create)
        where T : notnull
    {
        _workerLocals ??= [];
        if (!_workerLocals.TryGetValue(key, out var value))
        {
            _workerLocals[key] = value = create();
        }

        return (T)value;
    }
}
