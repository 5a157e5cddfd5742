using Lakehouse.Parquet.Reading;

namespace Lakehouse.Table.IO;

/// <summary>A local file to read (see <see cref="LocalFileIO"/>).</summary>
public sealed class LocalInputFile : IInputFile
{
    private readonly string _path;

    public LocalInputFile(string location, string path)
    {
        Location = location;
        _path = path;
    }

    public string Location { get; }

    public Task<bool> ExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(_path));

    public Task<long> GetLengthAsync(CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(_path);
        return info.Exists ? Task.FromResult(info.Length) : throw NotFound(null);
    }

    public async Task<byte[]> ReadAllBytesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(_path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NotFound(e);
        }
    }

    public Task<IRandomAccessSource> OpenAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return Task.FromResult<IRandomAccessSource>(new LocalFileSource(_path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw NotFound(e);
        }
    }

    private IcebergException NotFound(Exception? inner) => new(IcebergErrorKind.NotFound, $"file not found: {Location}", inner);
}
