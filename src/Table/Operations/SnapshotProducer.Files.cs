using Lakehouse.Table.Catalog;
using Lakehouse.Table.Expressions;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Scanning;
using Lakehouse.Table.Writing;

namespace Lakehouse.Table.Operations;

/// <summary>Reading the base's manifests, writing new ones, and the conflict checks shared by the operations.</summary>
public abstract partial class SnapshotProducer
{
    /// <summary>The manifests of <paramref name="snapshot"/> (none for a null snapshot).</summary>
    protected async Task<List<ManifestFile>> ReadManifestListAsync(Snapshot? snapshot, CancellationToken cancellationToken)
    {
        if (snapshot?.ManifestList is not { } list)
        {
            return [];
        }

        var bytes = await Operations.FileIO.NewInputFile(list).ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
        return ManifestListReader.Read(bytes, list);
    }

    /// <summary>The entries of one manifest, inheritance applied.</summary>
    protected async Task<List<ManifestEntry>> ReadManifestAsync(ManifestFile manifest, TableMetadata metadata, CancellationToken cancellationToken)
    {
        var bytes = await Operations.FileIO.NewInputFile(manifest.ManifestPath).ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
        return ManifestReader.Read(bytes, manifest, metadata);
    }

    /// <summary>Writes <paramref name="files"/> as ADDED entries: one manifest per (spec, content kind).</summary>
    protected async Task<List<ManifestFile>> WriteAddedManifestsAsync(TableMetadata metadata, IReadOnlyList<DataFile> files, CancellationToken cancellationToken)
    {
        var result = new List<ManifestFile>();
        var groups = files.GroupBy(f => (f.SpecId, Deletes: f.Content != FileContent.Data));
        foreach (var group in groups)
        {
            var spec = metadata.SpecById(group.Key.SpecId) ?? throw IcebergException.Invalid($"partition spec {group.Key.SpecId} is not in the table");
            var content = group.Key.Deletes ? ManifestContent.Deletes : ManifestContent.Data;
            var writer = await ManifestWriter.CreateAsync(
                Operations.FileIO.NewOutputFile(NewManifestLocation(metadata)), spec, metadata.CurrentSchema, SnapshotId, content, cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                foreach (var f in group)
                {
                    writer.Add(f);
                }

                result.Add(await writer.CloseAsync(cancellationToken).ConfigureAwait(false));
            }
        }

        return result;
    }

    /// <summary>
    /// Rewrites the manifests of <paramref name="manifests"/> that hold a live file <paramref name="shouldDelete"/>
    /// selects: the selected entries become DELETED (recorded on <paramref name="summary"/> and returned), the others
    /// EXISTING; untouched manifests are kept as they are. <paramref name="mightContain"/> skips manifests whose
    /// partition summaries rule out any match.
    /// </summary>
    protected async Task<(List<ManifestFile> Manifests, List<ManifestEntry> Deleted)> FilterManifestsAsync(
        TableMetadata metadata,
        IReadOnlyList<ManifestFile> manifests,
        Func<ManifestFile, bool> mightContain,
        Func<ManifestEntry, bool> shouldDelete,
        SnapshotSummaryBuilder summary,
        CancellationToken cancellationToken)
    {
        var result = new List<ManifestFile>(manifests.Count);
        var deleted = new List<ManifestEntry>();
        foreach (var manifest in manifests)
        {
            var live = (manifest.AddedFilesCount ?? 1) + (manifest.ExistingFilesCount ?? 1);
            if (live == 0 || !mightContain(manifest))
            {
                result.Add(manifest);
                continue;
            }

            var entries = await ReadManifestAsync(manifest, metadata, cancellationToken).ConfigureAwait(false);
            var hit = false;
            foreach (var e in entries)
            {
                if (e.IsLive && shouldDelete(e))
                {
                    hit = true;
                    break;
                }
            }

            if (!hit)
            {
                result.Add(manifest);
                continue;
            }

            var spec = metadata.SpecById(manifest.PartitionSpecId) ?? throw IcebergException.Invalid($"partition spec {manifest.PartitionSpecId} is not in the table");
            var writer = await ManifestWriter.CreateAsync(
                Operations.FileIO.NewOutputFile(NewManifestLocation(metadata)), spec, metadata.CurrentSchema, SnapshotId, manifest.Content, cancellationToken).ConfigureAwait(false);
            await using (writer.ConfigureAwait(false))
            {
                foreach (var e in entries)
                {
                    if (!e.IsLive)
                    {
                        continue;
                    }

                    if (shouldDelete(e))
                    {
                        writer.Delete(e);
                        deleted.Add(e);
                        summary.Removed(e.DataFile);
                    }
                    else
                    {
                        writer.Existing(e);
                    }
                }

                result.Add(await writer.CloseAsync(cancellationToken).ConfigureAwait(false));
            }
        }

        return (result, deleted);
    }

    /// <summary>
    /// The files added by the snapshots after <paramref name="startingSnapshotId"/> up to <paramref name="currentSnapshotId"/>
    /// (newest first); throws <see cref="CommitConflictException"/> when the starting snapshot is no longer an ancestor.
    /// </summary>
    protected async Task<List<(Snapshot Snapshot, ManifestEntry Entry)>> AddedSinceAsync(
        TableMetadata metadata, long? startingSnapshotId, long? currentSnapshotId, CancellationToken cancellationToken)
    {
        var result = new List<(Snapshot, ManifestEntry)>();
        if (currentSnapshotId is not { } current)
        {
            return result;
        }

        var reached = startingSnapshotId is null;
        foreach (var s in SnapshotUtil.AncestorsOf(metadata, current))
        {
            if (s.SnapshotId == startingSnapshotId)
            {
                reached = true;
                break;
            }

            foreach (var m in await ReadManifestListAsync(s, cancellationToken).ConfigureAwait(false))
            {
                if (m.AddedSnapshotId != s.SnapshotId || (m.AddedFilesCount ?? 1) == 0)
                {
                    continue;
                }

                foreach (var e in await ReadManifestAsync(m, metadata, cancellationToken).ConfigureAwait(false))
                {
                    if (e.Status == ManifestEntryStatus.Added && e.SnapshotId == s.SnapshotId)
                    {
                        result.Add((s, e));
                    }
                }
            }
        }

        if (!reached)
        {
            throw new CommitConflictException($"cannot validate {OperationName} on {Operations.Identifier}: snapshot {startingSnapshotId} is no longer an ancestor of the branch head");
        }

        return result;
    }

    /// <summary>Throws when a file added since the starting snapshot has content in <paramref name="contents"/> and might match <paramref name="filter"/>.</summary>
    protected async Task ValidateNoNewFilesAsync(
        TableMetadata metadata, long? startingSnapshotId, long? currentSnapshotId, Expression filter, IReadOnlyCollection<FileContent> contents, CancellationToken cancellationToken)
    {
        var schema = metadata.CurrentSchema;
        var metrics = new InclusiveMetricsEvaluator(schema, filter);
        var partitionEvaluators = new Dictionary<int, Evaluator>();
        foreach (var (snapshot, entry) in await AddedSinceAsync(metadata, startingSnapshotId, currentSnapshotId, cancellationToken).ConfigureAwait(false))
        {
            var file = entry.DataFile;
            if (!contents.Contains(file.Content))
            {
                continue;
            }

            if (!partitionEvaluators.TryGetValue(file.SpecId, out var evaluator))
            {
                var spec = metadata.SpecById(file.SpecId)!;
                evaluator = new Evaluator(spec.PartitionType(schema), Projections.Inclusive(spec, schema, filter));
                partitionEvaluators[file.SpecId] = evaluator;
            }

            var matches = evaluator.Eval(file.Partition) && (file.Content != FileContent.Data || metrics.MightMatch(file.ToMetrics()));
            if (matches)
            {
                throw new CommitConflictException(
                    $"{OperationName} on {Operations.Identifier} conflicts with snapshot {snapshot.SnapshotId} ({snapshot.Operation}): it added {file.Content} file {file.FilePath} matching {filter}");
            }
        }
    }

    /// <summary>Throws when a delete file added since the starting snapshot applies to a partition in <paramref name="partitions"/>.</summary>
    protected async Task ValidateNoNewDeletesForPartitionsAsync(
        TableMetadata metadata, long? startingSnapshotId, long? currentSnapshotId, IReadOnlySet<string> partitions, CancellationToken cancellationToken)
    {
        if (partitions.Count == 0)
        {
            return;
        }

        foreach (var (snapshot, entry) in await AddedSinceAsync(metadata, startingSnapshotId, currentSnapshotId, cancellationToken).ConfigureAwait(false))
        {
            var file = entry.DataFile;
            if (file.Content == FileContent.Data)
            {
                continue;
            }

            var global = metadata.SpecById(file.SpecId)?.IsUnpartitioned == true;
            if (global || partitions.Contains(PartitionKey.Of(file.SpecId, file.Partition)))
            {
                throw new CommitConflictException(
                    $"{OperationName} on {Operations.Identifier} conflicts with snapshot {snapshot.SnapshotId} ({snapshot.Operation}): it added delete file {file.FilePath} for files this commit replaces");
            }
        }
    }
}
