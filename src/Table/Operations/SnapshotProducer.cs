using System.Globalization;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Base of the operations that commit one new snapshot (append, overwrite, delete, row delta, replace). An
/// attempt refreshes nothing itself: it takes the base metadata, validates what was committed since the
/// operation's starting snapshot (<see cref="ValidateAsync"/>), builds the manifests (<see cref="ApplyAsync"/>),
/// writes the manifest list and the metadata file, and swaps it in with the catalog's compare-and-swap. On a lost
/// race the manifest list is deleted, the table refreshed, and the attempt repeated with backoff per
/// <c>commit.retry.*</c>; manifests of added files are written once and reused (their entries inherit the
/// snapshot id and sequence number). A failed commit deletes every file it wrote and throws
/// <see cref="CommitConflictException"/>.
/// </summary>
public abstract partial class SnapshotProducer
{
    private readonly Dictionary<string, string> _custom = new(StringComparer.Ordinal);
    private readonly List<string> _writtenManifests = [];
    private readonly string _commitUuid = Guid.NewGuid().ToString();
    private int _manifestCount;
    private long? _startingSnapshotId;
    private bool _startingSet;
    private bool _commitStateUnknown;

    protected SnapshotProducer(TableOperations operations)
    {
        Operations = operations;
        SnapshotId = NewSnapshotId();
    }

    public TableOperations Operations { get; }

    /// <summary>The id of the snapshot this operation commits (stable across retries).</summary>
    public long SnapshotId { get; private set; }

    /// <summary>The branch the snapshot is committed to (default main).</summary>
    public string Branch { get; private set; } = SnapshotRef.MainBranch;

    /// <summary>The summary "operation" value.</summary>
    protected abstract string OperationName { get; }

    /// <summary>Sets a custom snapshot summary property (e.g. the Kafka ingestor's offsets).</summary>
    public SnapshotProducer Set(string key, string value)
    {
        _custom[key] = value;
        return this;
    }

    /// <summary>Commits to <paramref name="branch"/> instead of main.</summary>
    public SnapshotProducer ToBranch(string branch)
    {
        Branch = branch;
        return this;
    }

    /// <summary>
    /// Validation covers snapshots committed after <paramref name="snapshotId"/> (default: the branch head when the
    /// commit starts; pass the snapshot the operation's reads were planned on).
    /// </summary>
    public SnapshotProducer ValidateFromSnapshot(long? snapshotId)
    {
        _startingSnapshotId = snapshotId;
        _startingSet = true;
        return this;
    }

    /// <summary>Commits the snapshot; returns the committed metadata.</summary>
    public async Task<TableMetadata> CommitAsync(CancellationToken cancellationToken = default)
    {
        var time = Operations.Time;
        var start = time.GetTimestamp();
        var attempt = 0;
        var baseMetadata = await Operations.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (!_startingSet)
        {
            _startingSnapshotId = BranchHead(baseMetadata);
            _startingSet = true;
        }

        List<string> listLocations = [];
        try
        {
            while (true)
            {
                var parentId = BranchHead(baseMetadata);
                if (parentId != _startingSnapshotId)
                {
                    await ValidateAsync(baseMetadata, _startingSnapshotId, parentId, cancellationToken).ConfigureAwait(false);
                }

                while (baseMetadata.SnapshotById(SnapshotId) is not null)
                {
                    SnapshotId = NewSnapshotId();
                }

                var parent = parentId is { } p ? baseMetadata.SnapshotById(p) : null;
                var sequenceNumber = baseMetadata.LastSequenceNumber + 1;
                var summary = new SnapshotSummaryBuilder();
                var manifests = await ApplyAsync(baseMetadata, parent, summary, cancellationToken).ConfigureAwait(false);
                var listLocation = $"{TableOperations.MetadataFolder(baseMetadata)}/snap-{SnapshotId.ToString(CultureInfo.InvariantCulture)}-{(attempt + 1).ToString(CultureInfo.InvariantCulture)}-{_commitUuid}.avro";
                listLocations.Add(listLocation);
                var written = await Writing.ManifestListWriter.WriteAsync(
                    Operations.FileIO.NewOutputFile(listLocation), SnapshotId, parentId, sequenceNumber, manifests, cancellationToken).ConfigureAwait(false);
                var snapshot = new Snapshot
                {
                    SnapshotId = SnapshotId,
                    ParentSnapshotId = parentId,
                    SequenceNumber = sequenceNumber,
                    TimestampMs = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds(), baseMetadata.LastUpdatedMs),
                    ManifestList = listLocation,
                    Summary = summary.Build(OperationName, parent?.Summary, parent is not null, _custom),
                    SchemaId = baseMetadata.CurrentSchemaId,
                };
                var updated = TableMetadataBuilder.BuildFrom(baseMetadata, time).AddSnapshot(snapshot).SetBranchSnapshot(SnapshotId, Branch).Build();
                try
                {
                    var committed = await Operations.CommitAsync(baseMetadata, updated, cancellationToken).ConfigureAwait(false);
                    await CleanUpAsync(listLocations[..^1], written).ConfigureAwait(false);
                    return committed;
                }
                catch (Exception e) when (e is not CommitConflictException)
                {
                    // The swap may or may not have happened: keep every file, a committed snapshot may reference them.
                    _commitStateUnknown = true;
                    throw;
                }
                catch (CommitConflictException e)
                {
                    attempt++;
                    var props = baseMetadata.Properties;
                    var retries = TableProperties.GetInt(props, TableProperties.CommitNumRetries, TableProperties.CommitNumRetriesDefault);
                    var minWait = TableProperties.GetInt(props, TableProperties.CommitMinRetryWaitMs, TableProperties.CommitMinRetryWaitMsDefault);
                    var maxWait = TableProperties.GetInt(props, TableProperties.CommitMaxRetryWaitMs, TableProperties.CommitMaxRetryWaitMsDefault);
                    var total = TableProperties.GetInt(props, TableProperties.CommitTotalRetryTimeMs, TableProperties.CommitTotalRetryTimeMsDefault);
                    if (attempt > retries || time.GetElapsedTime(start).TotalMilliseconds > total)
                    {
                        throw new CommitConflictException($"{OperationName} to {Operations.Identifier} failed after {attempt} attempt(s): {e.Message}", e);
                    }

                    var wait = Math.Min(maxWait, minWait * Math.Pow(2, attempt - 1));
                    wait -= Random.Shared.NextDouble() * wait / 4;
                    if (wait > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(wait), time, cancellationToken).ConfigureAwait(false);
                    }

                    baseMetadata = await Operations.RefreshAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch when (!_commitStateUnknown)
        {
            await CleanUpAsync(listLocations, null).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The manifests of the new snapshot over <paramref name="baseMetadata"/>; records added and removed files on <paramref name="summary"/>.</summary>
    protected abstract Task<List<ManifestFile>> ApplyAsync(TableMetadata baseMetadata, Snapshot? parent, SnapshotSummaryBuilder summary, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the snapshots committed between <paramref name="startingSnapshotId"/> (exclusive) and
    /// <paramref name="currentSnapshotId"/> for conflicts; throws <see cref="CommitConflictException"/>. Appends never conflict.
    /// </summary>
    protected virtual Task ValidateAsync(TableMetadata current, long? startingSnapshotId, long? currentSnapshotId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A location for a new manifest of this commit: <c>{metadata}/{commit-uuid}-m{n}.avro</c>.</summary>
    protected string NewManifestLocation(TableMetadata metadata)
    {
        var location = $"{TableOperations.MetadataFolder(metadata)}/{_commitUuid}-m{(_manifestCount++).ToString(CultureInfo.InvariantCulture)}.avro";
        _writtenManifests.Add(location);
        return location;
    }

    private long? BranchHead(TableMetadata metadata) => metadata.Refs.TryGetValue(Branch, out var r) ? r.SnapshotId : null;

    private static long NewSnapshotId()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        var id = (BitConverter.ToInt64(bytes, 0) ^ BitConverter.ToInt64(bytes, 8)) & long.MaxValue;
        return id == 0 ? 1 : id;
    }

    /// <summary>Deletes the given manifest lists and the manifests written by this commit that are not in <paramref name="kept"/> (all when null).</summary>
    private async Task CleanUpAsync(IEnumerable<string> lists, List<ManifestFile>? kept)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in kept ?? [])
        {
            keep.Add(m.ManifestPath);
        }

        foreach (var location in lists.Concat(_writtenManifests.Where(m => !keep.Contains(m))))
        {
            try
            {
                await Operations.FileIO.DeleteFileAsync(location, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or IcebergException)
            {
                // Best effort: an unreferenced file is removed by orphan-file cleanup.
            }
        }
    }
}
