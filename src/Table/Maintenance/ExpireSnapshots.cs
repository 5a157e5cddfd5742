using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;

namespace Lakehouse.Table.Maintenance;

/// <summary>
/// Removes old snapshots and then the files only they referenced. Retention follows the spec: every branch keeps its
/// ancestors while fewer than min-snapshots-to-keep are kept or they are younger than max-snapshot-age-ms (the ref's
/// own setting, else <see cref="ExpireOlderThan"/>/<see cref="RetainLast"/>, else the table's <c>history.expire.*</c>
/// properties); tags keep their snapshot; refs (except main) older than max-ref-age-ms are removed; snapshots on no
/// ref are kept while younger than the threshold. Files are deleted only when no retained snapshot reaches them:
/// content files (data, position and equality deletes), manifests, manifest lists and statistics files.
/// </summary>
public sealed class ExpireSnapshots : PendingUpdate
{
    private readonly HashSet<long> _explicitIds = [];
    private long? _expireOlderThan;
    private int? _retainLast;
    private bool _cleanExpiredFiles = true;
    private Func<string, CancellationToken, Task>? _deleteWith;
    private List<string> _removedRefs = [];
    private List<long> _expiredIds = [];

    public ExpireSnapshots(TableOperations operations)
        : base(operations)
    {
    }

    /// <summary>Expires snapshots older than <paramref name="timestampMs"/> (those not retained by a ref's own settings).</summary>
    public ExpireSnapshots ExpireOlderThan(long timestampMs)
    {
        _expireOlderThan = timestampMs;
        return this;
    }

    /// <summary>Keeps at least <paramref name="count"/> ancestors of each branch without its own min-snapshots-to-keep.</summary>
    public ExpireSnapshots RetainLast(int count)
    {
        if (count < 1)
        {
            throw IcebergException.Invalid($"retainLast must be at least 1, got {count}");
        }

        _retainLast = count;
        return this;
    }

    /// <summary>Expires this snapshot whatever its age (it must not be the head of a branch or tag).</summary>
    public ExpireSnapshots ExpireSnapshotId(long snapshotId)
    {
        _explicitIds.Add(snapshotId);
        return this;
    }

    /// <summary>With false, only the metadata changes; no file is deleted.</summary>
    public ExpireSnapshots CleanExpiredFiles(bool clean)
    {
        _cleanExpiredFiles = clean;
        return this;
    }

    /// <summary>Deletes through <paramref name="delete"/> instead of the table's FileIO.</summary>
    public ExpireSnapshots DeleteWith(Func<string, CancellationToken, Task> delete)
    {
        _deleteWith = delete;
        return this;
    }

    /// <summary>Commits the expiry (retrying on conflicts) and deletes the files no retained snapshot reaches.</summary>
    public async Task<ExpireSnapshotsResult> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        var before = await Operations.RefreshAsync(cancellationToken).ConfigureAwait(false);
        if (_cleanExpiredFiles && !TableProperties.GetBool(before.Properties, TableProperties.GcEnabled, TableProperties.GcEnabledDefault))
        {
            throw IcebergException.Invalid($"cannot expire snapshots with file cleanup: garbage collection is disabled for this table ({TableProperties.GcEnabled}=false)");
        }

        TableMetadata? committedBase = null;
        var committed = await Operations.CommitAsync(
            m =>
            {
                committedBase = m;
                return Apply(m);
            },
            cancellationToken).ConfigureAwait(false);
        var result = new ExpireSnapshotsResult { ExpiredSnapshotIds = _expiredIds, RemovedRefs = _removedRefs };
        if (!_cleanExpiredFiles || _expiredIds.Count == 0 || committedBase is null)
        {
            return result;
        }

        return await CleanAsync(committedBase, committed, result, cancellationToken).ConfigureAwait(false);
    }

    protected override void ApplyTo(TableMetadataBuilder builder, TableMetadata baseMetadata)
    {
        var now = Operations.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var props = baseMetadata.Properties;
        var defaultMaxAge = TableProperties.GetLong(props, TableProperties.MaxSnapshotAgeMs, TableProperties.MaxSnapshotAgeMsDefault);
        var defaultOlderThan = _expireOlderThan ?? now - defaultMaxAge;
        var defaultMinKeep = _retainLast ?? TableProperties.GetInt(props, TableProperties.MinSnapshotsToKeep, TableProperties.MinSnapshotsToKeepDefault);
        var defaultMaxRefAge = TableProperties.GetLong(props, TableProperties.MaxRefAgeMs, TableProperties.MaxRefAgeMsDefault);

        var removedRefs = new List<string>();
        var retainedRefs = new Dictionary<string, SnapshotRef>(StringComparer.Ordinal);
        foreach (var (name, r) in baseMetadata.Refs)
        {
            var snapshot = baseMetadata.SnapshotById(r.SnapshotId);
            var maxRefAge = r.MaxRefAgeMs ?? defaultMaxRefAge;
            var isMain = string.Equals(name, SnapshotRef.MainBranch, StringComparison.Ordinal);
            if (!isMain && snapshot is not null && maxRefAge != long.MaxValue && now - snapshot.TimestampMs > maxRefAge)
            {
                removedRefs.Add(name);
            }
            else
            {
                retainedRefs[name] = r;
            }
        }

        var retained = new HashSet<long>();
        var referenced = new HashSet<long>();
        foreach (var (name, r) in retainedRefs)
        {
            if (!r.IsBranch)
            {
                retained.Add(r.SnapshotId);
                referenced.Add(r.SnapshotId);
                continue;
            }

            var minKeep = r.MinSnapshotsToKeep ?? defaultMinKeep;
            var olderThan = r.MaxSnapshotAgeMs is { } age ? now - age : defaultOlderThan;
            var kept = 0;
            foreach (var s in SnapshotUtil.AncestorsOf(baseMetadata, r.SnapshotId))
            {
                referenced.Add(s.SnapshotId);
                if (kept < minKeep || s.TimestampMs >= olderThan)
                {
                    retained.Add(s.SnapshotId);
                    kept++;
                }
                else
                {
                    break;
                }
            }

            foreach (var s in SnapshotUtil.AncestorsOf(baseMetadata, r.SnapshotId))
            {
                referenced.Add(s.SnapshotId);
            }
        }

        foreach (var s in baseMetadata.Snapshots)
        {
            if (!referenced.Contains(s.SnapshotId) && s.TimestampMs >= defaultOlderThan)
            {
                retained.Add(s.SnapshotId);
            }
        }

        foreach (var id in _explicitIds)
        {
            foreach (var (name, r) in retainedRefs)
            {
                if (r.SnapshotId == id)
                {
                    throw IcebergException.Invalid($"cannot expire snapshot {id}: it is the head of {(r.IsBranch ? "branch" : "tag")} '{name}'");
                }
            }

            retained.Remove(id);
        }

        var expired = baseMetadata.Snapshots.Where(s => !retained.Contains(s.SnapshotId)).Select(s => s.SnapshotId).ToList();
        foreach (var name in removedRefs)
        {
            builder.RemoveRef(name);
        }

        builder.RemoveSnapshots(expired);
        _removedRefs = removedRefs;
        _expiredIds = expired;
    }

    private async Task<ExpireSnapshotsResult> CleanAsync(TableMetadata before, TableMetadata after, ExpireSnapshotsResult result, CancellationToken cancellationToken)
    {
        var io = Operations.FileIO;
        var retainedLists = new HashSet<string>(StringComparer.Ordinal);
        var retainedManifests = new HashSet<string>(StringComparer.Ordinal);
        var retainedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in after.Snapshots)
        {
            if (s.ManifestList is { } l)
            {
                retainedLists.Add(l);
            }

            var manifests = await ReachableFiles.ManifestsAsync(io, before, s, allowMissing: false, cancellationToken).ConfigureAwait(false);
            foreach (var m in manifests!)
            {
                if (!retainedManifests.Add(m.ManifestPath))
                {
                    continue;
                }

                var entries = await ReachableFiles.EntriesAsync(io, before, m, allowMissing: false, cancellationToken).ConfigureAwait(false);
                foreach (var e in entries!)
                {
                    if (e.IsLive)
                    {
                        retainedFiles.Add(e.DataFile.FilePath);
                    }
                }
            }
        }

        var expiredIds = _expiredIds.ToHashSet();
        var lists = new List<string>();
        var manifestsToDelete = new List<string>();
        var data = new List<string>();
        var positionDeletes = new List<string>();
        var equalityDeletes = new List<string>();
        var seenManifests = new HashSet<string>(StringComparer.Ordinal);
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in before.Snapshots)
        {
            if (!expiredIds.Contains(s.SnapshotId))
            {
                continue;
            }

            if (s.ManifestList is { } l && !retainedLists.Contains(l))
            {
                lists.Add(l);
            }

            var manifests = await ReachableFiles.ManifestsAsync(io, before, s, allowMissing: true, cancellationToken).ConfigureAwait(false);
            foreach (var m in manifests ?? [])
            {
                if (retainedManifests.Contains(m.ManifestPath) || !seenManifests.Add(m.ManifestPath))
                {
                    continue;
                }

                var entries = await ReachableFiles.EntriesAsync(io, before, m, allowMissing: true, cancellationToken).ConfigureAwait(false);
                if (entries is null)
                {
                    continue;
                }

                manifestsToDelete.Add(m.ManifestPath);
                foreach (var e in entries)
                {
                    var path = e.DataFile.FilePath;
                    if (retainedFiles.Contains(path) || !seenFiles.Add(path))
                    {
                        continue;
                    }

                    (e.DataFile.Content switch
                    {
                        FileContent.PositionDeletes => positionDeletes,
                        FileContent.EqualityDeletes => equalityDeletes,
                        _ => data,
                    }).Add(path);
                }
            }
        }

        var keptStats = after.Statistics.Select(s => s.StatisticsPath).Concat(after.PartitionStatistics.Select(s => s.StatisticsPath)).ToHashSet(StringComparer.Ordinal);
        var stats = before.Statistics.Select(s => s.StatisticsPath).Concat(before.PartitionStatistics.Select(s => s.StatisticsPath))
            .Where(p => !keptStats.Contains(p) && !retainedFiles.Contains(p)).Distinct(StringComparer.Ordinal).ToList();

        foreach (var path in data.Concat(positionDeletes).Concat(equalityDeletes).Concat(manifestsToDelete).Concat(lists).Concat(stats))
        {
            await DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        }

        return new ExpireSnapshotsResult
        {
            ExpiredSnapshotIds = result.ExpiredSnapshotIds,
            RemovedRefs = result.RemovedRefs,
            DeletedDataFiles = data,
            DeletedPositionDeleteFiles = positionDeletes,
            DeletedEqualityDeleteFiles = equalityDeletes,
            DeletedManifests = manifestsToDelete,
            DeletedManifestLists = lists,
            DeletedStatisticsFiles = stats,
        };
    }

    private Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        _deleteWith is { } delete ? delete(path, cancellationToken) : Operations.FileIO.DeleteFileAsync(path, cancellationToken);
}
