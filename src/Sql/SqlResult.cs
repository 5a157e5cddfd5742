using Lakehouse.Arrow;

namespace Lakehouse.Sql;

/// <summary>
/// The outcome of one statement: a query's schema and streamed batches, or an update count (DDL and DML:
/// rows written, or 0). Dispose to stop a query early and release its resources.
/// </summary>
public sealed class SqlResult : IAsyncDisposable
{
    private readonly Func<ValueTask>? _dispose;

    internal SqlResult(Schema schema, IAsyncEnumerable<RecordBatch> batches, Func<ValueTask>? dispose = null)
    {
        Schema = schema;
        Batches = batches;
        IsQuery = true;
        _dispose = dispose;
    }

    internal SqlResult(long updateCount)
    {
        Schema = new Schema([]);
        Batches = Empty();
        UpdateCount = updateCount;
    }

    public bool IsQuery { get; }

    /// <summary>The result columns (empty for statements that are not queries).</summary>
    public Schema Schema { get; }

    /// <summary>The rows; enumerate once.</summary>
    public IAsyncEnumerable<RecordBatch> Batches { get; }

    /// <summary>Rows inserted/affected for DML, 0 for DDL, null for queries.</summary>
    public long? UpdateCount { get; }

    public ValueTask DisposeAsync() => _dispose?.Invoke() ?? ValueTask.CompletedTask;

    private static async IAsyncEnumerable<RecordBatch> Empty()
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }
}
