namespace Lakehouse.Arrow.Ipc;

/// <summary>A source of record batches under one schema (IPC stream or file).</summary>
public interface IArrowBatchReader : IDisposable
{
    /// <summary>The schema (reading it may consume the first message of a stream).</summary>
    Schema Schema { get; }

    /// <summary>The next record batch, or null at the end.</summary>
    RecordBatch? ReadNextBatch();

    ValueTask<RecordBatch?> ReadNextBatchAsync(CancellationToken cancellationToken = default);
}
