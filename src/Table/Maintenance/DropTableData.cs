using Lakehouse.Table.IO;
using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Maintenance;

/// <summary>
/// Deletes every file a table's metadata reaches (a purge after dropping the table): data and delete files, manifests,
/// manifest lists and statistics files of all snapshots, the metadata files of the metadata log and the current one.
/// Files already missing are skipped; files the metadata never referenced are left (remove them by listing).
/// </summary>
public static class DropTableData
{
    /// <summary>Deletes the files and returns their locations (content files first, metadata files last).</summary>
    public static async Task<IReadOnlyList<string>> DeleteAsync(IFileIO io, TableMetadata metadata, CancellationToken cancellationToken = default)
    {
        var content = new List<string>();
        var manifests = new List<string>();
        var lists = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var snapshot in metadata.Snapshots)
        {
            if (snapshot.ManifestList is { } list && seen.Add(list))
            {
                lists.Add(list);
            }

            foreach (var manifest in await ReachableFiles.ManifestsAsync(io, metadata, snapshot, allowMissing: true, cancellationToken).ConfigureAwait(false) ?? [])
            {
                if (!seen.Add(manifest.ManifestPath))
                {
                    continue;
                }

                manifests.Add(manifest.ManifestPath);
                foreach (var entry in await ReachableFiles.EntriesAsync(io, metadata, manifest, allowMissing: true, cancellationToken).ConfigureAwait(false) ?? [])
                {
                    if (seen.Add(entry.DataFile.FilePath))
                    {
                        content.Add(entry.DataFile.FilePath);
                    }
                }
            }
        }

        var files = new List<string>(content);
        files.AddRange(manifests);
        files.AddRange(lists);
        files.AddRange(metadata.Statistics.Select(s => s.StatisticsPath).Concat(metadata.PartitionStatistics.Select(s => s.StatisticsPath)).Where(seen.Add));
        files.AddRange(metadata.MetadataLog.Select(e => e.MetadataFile).Where(seen.Add));
        if (metadata.MetadataFileLocation is { } current && seen.Add(current))
        {
            files.Add(current);
        }

        foreach (var file in files)
        {
            await io.DeleteFileAsync(file, cancellationToken).ConfigureAwait(false);
        }

        return files;
    }
}
