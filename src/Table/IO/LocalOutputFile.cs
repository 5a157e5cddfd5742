namespace Lakehouse.Table.IO;

/// <summary>
/// A local file to write. The bytes go to a hidden temporary file in the same folder; disposing the stream fsyncs
/// it and moves it into place: with <c>overwrite: false</c> by a no-replace move (link, then unlink), so two writers
/// racing for the same name cannot both succeed and no reader sees a partial file; with <c>overwrite: true</c> by
/// rename. The folder is fsynced after the move so the new name survives a crash.
/// </summary>
public sealed class LocalOutputFile : IOutputFile
{
    private readonly string _path;

    public LocalOutputFile(string location, string path)
    {
        Location = location;
        _path = path;
    }

    public string Location { get; }

    public Task<Stream> CreateAsync(bool overwrite = false, CancellationToken cancellationToken = default)
    {
        if (!overwrite && File.Exists(_path))
        {
            throw AlreadyExists();
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(_path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(_path)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        return Task.FromResult<Stream>(new LocalOutputStream(stream, temporary, _path, overwrite, this));
    }

    internal IcebergException AlreadyExists() => new(IcebergErrorKind.AlreadyExists, $"file already exists: {Location}");
}
