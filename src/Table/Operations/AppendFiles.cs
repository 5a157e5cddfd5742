using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Writing;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Appends data files (operation "append"; never conflicts). Fast append writes one new manifest and keeps the
/// parent's manifests as they are; merge append (<see cref="TableOperationsWriteExtensions.NewAppend"/>) also
/// merges the table's small data manifests of the default spec into one once there are
/// <c>commit.manifest.min-count-to-merge</c> of them (when <c>commit.manifest-merge.enabled</c>).
/// </summary>
public sealed class AppendFiles : SnapshotProducer
{
    private readonly List<DataFile> _files = [];
    private readonly bool _merge;
    private List<ManifestFile>? _newManifests;

    internal AppendFiles(TableOperations operations, bool merge)
        : base(operations)
    {
        _merge = merge;
    }

    protected override string OperationName => SnapshotOperation.Append;

    /// <summary>Adds a data file to the commit.</summary>
    public AppendFiles AppendFile(DataFile file)
    {
        if (file.Content != FileContent.Data)
        {
            throw IcebergException.Invalid($"append takes data files; {file.FilePath} is {file.Content} (use a row delta)");
        }

        _files.Add(file);
        _newManifests = null;
        return this;
    }

    /// <summary>Adds data files to the commit.</summary>
    public AppendFiles AppendAll(IEnumerable<DataFile> files)
    {
        foreach (var f in files)
        {
            AppendFile(f);
        }

        return this;
    }

    protected override async Task<List<ManifestFile>> ApplyAsync(TableMetadata baseMetadata, Snapshot? parent, SnapshotSummaryBuilder summary, CancellationToken cancellationToken)
    {
        _newManifests ??= await WriteAddedManifestsAsync(baseMetadata, _files, cancellationToken).ConfigureAwait(false);
        foreach (var f in _files)
        {
            summary.Added(f);
        }

        var existing = await ReadManifestListAsync(parent, cancellationToken).ConfigureAwait(false);
        if (_merge && WriteProperties.ManifestMergeEnabled(baseMetadata))
        {
            return await MergeAsync(baseMetadata, existing, cancellationToken).ConfigureAwait(false);
        }

        var result = new List<ManifestFile>(_newManifests.Count + existing.Count);
        result.AddRange(_newManifests);
        result.AddRange(existing);
        return result;
    }

    /// <summary>Merges small data manifests of one spec (new ones first) into one, once there are enough of them.</summary>
    private async Task<List<ManifestFile>> MergeAsync(TableMetadata metadata, List<ManifestFile> existing, CancellationToken cancellationToken)
    {
        var minCount = WriteProperties.ManifestMinMergeCount(metadata);
        var targetSize = WriteProperties.ManifestTargetSizeBytes(metadata);
        var result = new List<ManifestFile>();
        var all = new List<ManifestFile>(_newManifests!);
        all.AddRange(existing);
        var groups = all.GroupBy(m => (m.PartitionSpecId, m.Content));
        foreach (var group in groups)
        {
            var small = group.Where(m => m.Content == ManifestContent.Data && m.ManifestLength < targetSize).ToList();
            if (small.Count < Math.Max(2, minCount))
            {
                result.AddRange(group);
                continue;
            }

            var spec = metadata.SpecById(group.Key.PartitionSpecId) ?? throw IcebergException.Invalid($"partition spec {group.Key.PartitionSpecId} is not in the table");
            var writer = await ManifestWriter.CreateAsync(
                Operations.FileIO.NewOutputFile(NewManifestLocation(metadata)), spec, metadata.CurrentSchema, SnapshotId, group.Key.Content, cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                foreach (var m in small)
                {
                    if (_newManifests!.Contains(m))
                    {
                        foreach (var f in _files.Where(f => f.SpecId == m.PartitionSpecId))
                        {
                            writer.Add(f);
                        }

                        continue;
                    }

                    foreach (var e in await ReadManifestAsync(m, metadata, cancellationToken).ConfigureAwait(false))
                    {
                        if (e.IsLive)
                        {
                            writer.Existing(e);
                        }
                    }
                }

                result.Add(await writer.CloseAsync(cancellationToken).ConfigureAwait(false));
            }

            result.AddRange(group.Where(m => !small.Contains(m)));
        }

        return result;
    }
}
