using Lakehouse.Arrow;

namespace Lakehouse.Cli.Commands;

/// <summary>One statement's outcome for the sql command, local or remote: a query's schema and batches, or an update count.</summary>
public sealed class SqlStatementOutput(Schema? schema, IAsyncEnumerable<RecordBatch>? batches, long? updateCount, IAsyncDisposable? owner = null) : IAsyncDisposable
{
    public Schema? Schema => schema;

    public IAsyncEnumerable<RecordBatch>? Batches => batches;

    public long? UpdateCount => updateCount;

    public ValueTask DisposeAsync() => owner?.DisposeAsync() ?? ValueTask.CompletedTask;
}
