using Lakehouse.Table.IO;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;

namespace Lakehouse.Table.Maintenance;

/// <summary>
/// Deletes files under the table location that no metadata references: not the current metadata file nor any file
/// in its metadata log, not a manifest list, manifest, data or delete file of any snapshot of those metadata files,
/// not a statistics file, not version-hint.text. Files modified at or after <see cref="OlderThan"/> (default: three
/// days ago) are never deleted, so commits in flight are safe. A missing manifest list or manifest of the current
/// metadata aborts the run (the reachable set would be incomplete).
/// </summary>
public sealed class RemoveOrphanFiles
{
    private readonly TableOperations _operations;
    private long? _olderThan;
    private bool _dryRun;
    private string? _location;
    private Func<string, CancellationToken, Task>? _deleteWith;

    public RemoveOrphanFiles(TableOperations operations) => _operations = operations;

    public RemoveOrphanFiles OlderThan(long timestampMs)
    {
        _olderThan = timestampMs;
        return this;
    }

    /// <summary>Only report the orphans.</summary>
    public RemoveOrphanFiles DryRun(bool dryRun = true)
    {
        _dryRun = dryRun;
        return this;
    }

    /// <summary>Lists this prefix instead of the table location (it must be inside the table's storage).</summary>
    public RemoveOrphanFiles Location(string location)
    {
        _location = location;
        return this;
    }

    public RemoveOrphanFiles DeleteWith(Func<string, CancellationToken, Task> delete)
    {
        _deleteWith = delete;
        return this;
    }

    /// <summary>Finds (and unless dry-run, deletes) the orphan files; returns their locations as listed.</summary>
    public async Task<IReadOnlyList<string>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var metadata = await _operations.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var olderThan = _olderThan ?? _operations.Time.GetUtcNow().AddDays(-3).ToUnixTimeMilliseconds();
        var reachable = await ReachableAsync(metadata, cancellationToken).ConfigureAwait(false);

        var orphans = new List<string>();
        await foreach (var file in _operations.FileIO.ListPrefixAsync(_location ?? metadata.Location, cancellationToken).ConfigureAwait(false))
        {
            if (file.LastModified.ToUnixTimeMilliseconds() >= olderThan)
            {
                continue;
            }

            var name = file.Location[(file.Location.LastIndexOf('/') + 1)..];
            if (string.Equals(name, "version-hint.text", StringComparison.Ordinal) || reachable.Contains(Normalize(file.Location)))
            {
                continue;
            }

            orphans.Add(file.Location);
        }

        if (!_dryRun)
        {
            foreach (var orphan in orphans)
            {
                await (_deleteWith is { } delete ? delete(orphan, cancellationToken) : _operations.FileIO.DeleteFileAsync(orphan, cancellationToken)).ConfigureAwait(false);
            }
        }

        return orphans;
    }

    /// <summary>Compares locations independently of the <c>file:</c> form and the s3a/s3n spellings of s3.</summary>
    public static string Normalize(string location)
    {
        if (location.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return FileLocator.StripScheme(location);
        }

        if (location.StartsWith("s3a://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("s3n://", StringComparison.OrdinalIgnoreCase))
        {
            return "s3://" + location[6..];
        }

        return location;
    }

    private async Task<HashSet<string>> ReachableAsync(TableMetadata current, CancellationToken cancellationToken)
    {
        var io = _operations.FileIO;
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var seenManifests = new HashSet<string>(StringComparer.Ordinal);
        var seenLists = new HashSet<string>(StringComparer.Ordinal);

        async Task AddMetadataAsync(TableMetadata m, bool strict)
        {
            foreach (var s in m.Statistics)
            {
                reachable.Add(Normalize(s.StatisticsPath));
            }

            foreach (var s in m.PartitionStatistics)
            {
                reachable.Add(Normalize(s.StatisticsPath));
            }

            foreach (var snapshot in m.Snapshots)
            {
                if (snapshot.ManifestList is { } list)
                {
                    reachable.Add(Normalize(list));
                    if (!seenLists.Add(list))
                    {
                        continue;
                    }
                }

                var manifests = await ReachableFiles.ManifestsAsync(io, m, snapshot, allowMissing: !strict, cancellationToken).ConfigureAwait(false);
                foreach (var manifest in manifests ?? [])
                {
                    reachable.Add(Normalize(manifest.ManifestPath));
                    if (!seenManifests.Add(manifest.ManifestPath))
                    {
                        continue;
                    }

                    var entries = await ReachableFiles.EntriesAsync(io, m, manifest, allowMissing: !strict, cancellationToken).ConfigureAwait(false);
                    foreach (var e in entries ?? [])
                    {
                        reachable.Add(Normalize(e.DataFile.FilePath));
                    }
                }
            }
        }

        if (current.MetadataFileLocation is { } currentFile)
        {
            reachable.Add(Normalize(currentFile));
        }

        await AddMetadataAsync(current, strict: true).ConfigureAwait(false);
        foreach (var entry in current.MetadataLog)
        {
            reachable.Add(Normalize(entry.MetadataFile));
            var bytes = await ReachableFiles.ReadAsync(io, entry.MetadataFile, allowMissing: true, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                continue;
            }

            TableMetadata previous;
            try
            {
                previous = TableMetadataParser.Parse(bytes, entry.MetadataFile);
            }
            catch (IcebergException)
            {
                continue;
            }

            await AddMetadataAsync(previous, strict: false).ConfigureAwait(false);
        }

        return reachable;
    }
}
