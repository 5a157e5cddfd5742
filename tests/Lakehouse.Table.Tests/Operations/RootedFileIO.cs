using System.Runtime.CompilerServices;
using Lakehouse.Table.IO;

namespace Lakehouse.Table.Tests.Operations;

/// <summary>
/// Serves a copied fixture table: locations starting with the table's original <c>location</c> (as written in its
/// metadata) map to a local folder; listings return locations in that original form.
/// </summary>
internal sealed class RootedFileIO : IFileIO
{
    private readonly string _prefix;
    private readonly string _root;

    public RootedFileIO(string prefix, string root)
    {
        _prefix = prefix.TrimEnd('/');
        _root = root.TrimEnd('/');
    }

    public List<string> Deleted { get; } = [];

    public string ToLocal(string location) =>
        location.StartsWith(_prefix + "/", StringComparison.Ordinal) || location == _prefix ? _root + location[_prefix.Length..] : location;

    public IInputFile NewInputFile(string location) => new LocalInputFile(location, ToLocal(location));

    public IOutputFile NewOutputFile(string location) => new LocalOutputFile(location, ToLocal(location));

    public Task DeleteFileAsync(string location, CancellationToken cancellationToken = default)
    {
        lock (Deleted)
        {
            Deleted.Add(location);
        }

        File.Delete(ToLocal(location));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<FileEntry> ListPrefixAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in LocalFileIO.Instance.ListPrefixAsync(ToLocal(prefix), cancellationToken))
        {
            yield return e with { Location = e.Location.StartsWith(_root + "/", StringComparison.Ordinal) ? _prefix + e.Location[_root.Length..] : e.Location };
        }
    }
}
