using Lakehouse.Sql.Functions;

namespace Lakehouse.Sql.Execution;

/// <summary>Per-query execution state shared by all operators: batch size, function context, memory, cancellation.</summary>
public sealed class QueryContext
{
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
}
