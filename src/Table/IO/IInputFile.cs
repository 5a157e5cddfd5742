using Lakehouse.Parquet.Reading;

namespace Lakehouse.Table.IO;

/// <summary>A file to read: whole (metadata, manifests) or by ranges (Parquet footers and column chunks).</summary>
public interface IInputFile
{
    string Location { get; }

    Task<bool> ExistsAsync(CancellationToken cancellationToken = default);

    /// <summary>The length in bytes; throws <see cref="IcebergException"/> (NotFound) when the file is missing.</summary>
    Task<long> GetLengthAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the whole file; throws <see cref="IcebergException"/> (NotFound) naming the location when missing.</summary>
    Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens the file for ranged reads; the caller disposes the source.</summary>
    Task<IRandomAccessSource> OpenAsync(CancellationToken cancellationToken = default);
}
