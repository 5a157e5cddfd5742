using System.Runtime.CompilerServices;

namespace Lakehouse.Table.IO;

/// <summary>
/// Files on the local filesystem. Locations may be plain absolute paths or <c>file:</c> URIs; listings return
/// locations in the form the prefix was given. Metadata-style creates (<c>overwrite: false</c>) are atomic
/// create-if-absent and durable (see <see cref="LocalOutputFile"/>).
/// </summary>
public sealed class LocalFileIO : IFileIO
{
    public static readonly LocalFileIO Instance = new();

    public IInputFile NewInputFile(string location) => new LocalInputFile(location, ToPath(location));

    public IOutputFile NewOutputFile(string location) => new LocalOutputFile(location, ToPath(location));

    /// <summary>Fsyncs the folders of every local file created since the last sync (see <see cref="DirectorySync"/>).</summary>
    public Task SyncAsync(CancellationToken cancellationToken = default)
    {
        DirectorySync.SyncPending();
        return Task.CompletedTask;
    }

    public Task DeleteFileAsync(string location, CancellationToken cancellationToken = default)
    {
        File.Delete(ToPath(location));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<FileEntry> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var root = ToPath(prefix);
        if (!Directory.Exists(root))
        {
            yield break;
        }

        var rootPrefix = prefix.TrimEnd('/');
        var rootPath = root.TrimEnd('/');
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = new FileInfo(file);
            if (!info.Exists)
            {
                continue;
            }

            yield return new FileEntry(rootPrefix + file[rootPath.Length..], info.Length, info.LastWriteTimeUtc);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The local path of a location: strips <c>file:</c>/<c>file://</c>; rejects other schemes.</summary>
    public static string ToPath(string location)
    {
        if (location.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return FileLocator.StripScheme(location);
        }

        if (location.Contains("://", StringComparison.Ordinal))
        {
            throw IcebergException.Invalid($"not a local file location: {location}");
        }

        return location;
    }
}
