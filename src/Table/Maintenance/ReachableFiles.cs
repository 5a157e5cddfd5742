using Lakehouse.Table.IO;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Maintenance;

/// <summary>Reads the manifest lists and manifests of snapshots through a FileIO (shared by expiry and orphan removal).</summary>
internal static class ReachableFiles
{
    /// <summary>The manifests of a snapshot (its manifest list, or the v1 inline manifest paths); null when the list is missing and <paramref name="allowMissing"/>.</summary>
    public static async Task<List<ManifestFile>?> ManifestsAsync(IFileIO io, TableMetadata metadata, Snapshot snapshot, bool allowMissing, CancellationToken cancellationToken)
    {
        if (snapshot.ManifestList is { } list)
        {
            var bytes = await ReadAsync(io, list, allowMissing, cancellationToken).ConfigureAwait(false);
            return bytes is null ? null : ManifestListReader.Read(bytes, list);
        }

        var result = new List<ManifestFile>();
        foreach (var path in snapshot.Manifests ?? [])
        {
            result.Add(new ManifestFile { ManifestPath = path, AddedSnapshotId = snapshot.SnapshotId, PartitionSpecId = metadata.DefaultSpecId });
        }

        return result;
    }

    /// <summary>Every entry of a manifest (all statuses); null when the file is missing and <paramref name="allowMissing"/>.</summary>
    public static async Task<List<ManifestEntry>?> EntriesAsync(IFileIO io, TableMetadata metadata, ManifestFile manifest, bool allowMissing, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(io, manifest.ManifestPath, allowMissing, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : ManifestReader.Read(bytes, manifest, metadata);
    }

    public static async Task<byte[]?> ReadAsync(IFileIO io, string location, bool allowMissing, CancellationToken cancellationToken)
    {
        try
        {
            return await io.NewInputFile(location).ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IcebergException e) when (allowMissing && e.Kind == IcebergErrorKind.NotFound)
        {
            return null;
        }
    }
}
