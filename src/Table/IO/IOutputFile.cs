namespace Lakehouse.Table.IO;

/// <summary>A file to write.</summary>
public interface IOutputFile
{
    string Location { get; }

    /// <summary>
    /// Creates the file and returns a stream to write it. With <paramref name="overwrite"/> false the create is
    /// atomic create-if-absent: it throws <see cref="IcebergException"/> (AlreadyExists) when the file exists, and a
    /// reader never sees a partially written file at <see cref="Location"/> (local: write to a temporary name, fsync,
    /// then link into place; S3: a single PUT or a completed multipart upload). Disposing the stream completes the file
    /// durably (fsync where the store needs it) and publishes it at <see cref="Location"/>.
    /// </summary>
    Task<Stream> CreateAsync(bool overwrite = false, CancellationToken cancellationToken = default);
}
