namespace Lakehouse.Parquet.Reading;

/// <summary>Random-access bytes a Parquet file is read from: a local file, memory, or (later) ranged object-store reads.</summary>
public interface IRandomAccessSource : IAsyncDisposable
{
    /// <summary>A name for error messages (file path or URI).</summary>
    string? Name { get; }

    long Length { get; }

    /// <summary>Reads exactly <paramref name="length"/> bytes at <paramref name="offset"/> (the range must lie within <see cref="Length"/>).</summary>
    ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int length, CancellationToken cancellationToken = default);
}
