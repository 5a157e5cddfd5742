namespace Lakehouse.Table.IO;

/// <summary>
/// Storage for table files, addressed by location strings as written in Iceberg metadata
/// (<c>/abs/path</c>, <c>file:/abs/path</c>, <c>s3://bucket/key</c>). Implementations: <see cref="LocalFileIO"/>
/// and the S3 one. Every method is safe to call concurrently.
/// </summary>
public interface IFileIO
{
    IInputFile NewInputFile(string location);

    IOutputFile NewOutputFile(string location);

    /// <summary>Deletes a file; deleting a file that does not exist is not an error.</summary>
    Task DeleteFileAsync(string location, CancellationToken cancellationToken = default);

    /// <summary>Every file under <paramref name="prefix"/> (recursively), for orphan-file removal and purges.</summary>
    IAsyncEnumerable<FileEntry> ListPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes the names of every file created so far durable (local files: the batched folder fsyncs of
    /// <see cref="DirectorySync"/>; object stores: nothing to do beyond that, as an object is durable once its upload completes). Commits call it before the catalog swap.
    /// </summary>
    Task SyncAsync(CancellationToken cancellationToken = default)
    {
        DirectorySync.SyncPending();
        return Task.CompletedTask;
    }
}
