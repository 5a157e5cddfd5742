using Lakehouse.Table.Catalog;
using Lakehouse.Table.Expressions;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Scanning;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Replaces data: removes the files a row filter selects (whole files only: a file whose rows only partly match
/// the filter is an error) and/or given files, and adds new files (operation "overwrite", or "delete" when nothing
/// is added). On a retry the filter is re-applied to the refreshed table; conflicts (serializable isolation):
/// a concurrent commit added data or delete files that might match the filter, or a file named for removal is no
/// longer live.
/// </summary>
public class OverwriteFiles : SnapshotProducer
{
    private readonly List<DataFile> _added = [];
    private readonly HashSet<string> _deletePaths = new(StringComparer.Ordinal);
    private readonly List<DataFile> _deleteFiles = [];
    private Expression _rowFilter = Expressions.Expressions.AlwaysFalse;
    private List<ManifestFile>? _newManifests;
    private bool _validateNoConflicts = true;

    internal OverwriteFiles(TableOperations operations)
        : base(operations)
    {
    }

    /// <summary>The files this commit adds.</summary>
    protected IReadOnlyList<DataFile> AddedFiles => _added;

    protected override string OperationName => _added.Count == 0 ? SnapshotOperation.Delete : SnapshotOperation.Overwrite;

    /// <summary>Removes every live data file whose rows all match <paramref name="filter"/> (throws for partly matching files).</summary>
    public OverwriteFiles OverwriteByRowFilter(Expression filter)
    {
        _rowFilter = Expressions.Expressions.Or(_rowFilter, filter);
        return this;
    }

    public OverwriteFiles AddFile(DataFile file)
    {
        _added.Add(file);
        _newManifests = null;
        return this;
    }

    public OverwriteFiles DeleteFile(DataFile file)
    {
        if (_deletePaths.Add(file.FilePath))
        {
            _deleteFiles.Add(file);
        }

        return this;
    }

    /// <summary>Turns off the check for concurrently added files matching the filter (snapshot isolation).</summary>
    public OverwriteFiles WithoutConflictValidation()
    {
        _validateNoConflicts = false;
        return this;
    }

    protected override async Task ValidateAsync(TableMetadata current, long? startingSnapshotId, long? currentSnapshotId, CancellationToken cancellationToken)
    {
        if (_validateNoConflicts)
        {
            var filter = _rowFilter;
            if (filter is not AlwaysFalse)
            {
                await ValidateNoNewFilesAsync(current, startingSnapshotId, currentSnapshotId, filter, [FileContent.Data, FileContent.PositionDeletes, FileContent.EqualityDeletes], cancellationToken).ConfigureAwait(false);
            }

            // Files named for removal conflict with delete files added for their partitions.
            var partitions = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in _deleteFiles)
            {
                partitions.Add(PartitionKey.Of(f.SpecId, f.Partition));
            }

            await ValidateNoNewDeletesForPartitionsAsync(current, startingSnapshotId, currentSnapshotId, partitions, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task<List<ManifestFile>> ApplyAsync(TableMetadata baseMetadata, Snapshot? parent, SnapshotSummaryBuilder summary, CancellationToken cancellationToken)
    {
        var schema = baseMetadata.CurrentSchema;
        var filter = _rowFilter;
        var hasFilter = filter is not AlwaysFalse;
        var manifestEvaluators = new Dictionary<int, ManifestEvaluator>();
        var strictPartition = new Dictionary<int, Evaluator>();
        var inclusivePartition = new Dictionary<int, Evaluator>();
        var strictMetrics = hasFilter ? new StrictMetricsEvaluator(schema, filter) : null;
        var inclusiveMetrics = hasFilter ? new InclusiveMetricsEvaluator(schema, filter) : null;

        bool MightContain(ManifestFile m)
        {
            if (m.Content != ManifestContent.Data)
            {
                return false;
            }

            if (_deletePaths.Count > 0 || !hasFilter)
            {
                return _deletePaths.Count > 0;
            }

            if (!manifestEvaluators.TryGetValue(m.PartitionSpecId, out var ev))
            {
                ev = new ManifestEvaluator(baseMetadata.SpecById(m.PartitionSpecId)!, schema, filter);
                manifestEvaluators[m.PartitionSpecId] = ev;
            }

            return ev.MightMatch(m.Partitions);
        }

        bool ShouldDelete(ManifestEntry e)
        {
            var file = e.DataFile;
            if (_deletePaths.Contains(file.FilePath))
            {
                return true;
            }

            if (!hasFilter || file.Content != FileContent.Data)
            {
                return false;
            }

            var spec = baseMetadata.SpecById(file.SpecId)!;
            if (!strictPartition.TryGetValue(file.SpecId, out var strict))
            {
                strict = new Evaluator(spec.PartitionType(schema), Projections.Strict(spec, schema, filter));
                strictPartition[file.SpecId] = strict;
                inclusivePartition[file.SpecId] = new Evaluator(spec.PartitionType(schema), Projections.Inclusive(spec, schema, filter));
            }

            if (strict.Eval(file.Partition) || strictMetrics!.AllRowsMatch(file.ToMetrics()))
            {
                return true;
            }

            if (inclusivePartition[file.SpecId].Eval(file.Partition) && inclusiveMetrics!.MightMatch(file.ToMetrics()))
            {
                throw IcebergException.Invalid($"cannot delete file {file.FilePath} where some, but not all, rows match filter {filter}");
            }

            return false;
        }

        var existing = await ReadManifestListAsync(parent, cancellationToken).ConfigureAwait(false);
        var (kept, deleted) = await FilterManifestsAsync(baseMetadata, existing, MightContain, ShouldDelete, summary, cancellationToken).ConfigureAwait(false);
        if (_deletePaths.Count > 0)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in deleted)
            {
                found.Add(e.DataFile.FilePath);
            }

            foreach (var path in _deletePaths)
            {
                if (!found.Contains(path))
                {
                    throw new CommitConflictException($"{OperationName} on {Operations.Identifier}: file {path} to remove is no longer in the table");
                }
            }
        }

        _newManifests ??= await WriteAddedManifestsAsync(baseMetadata, _added, cancellationToken).ConfigureAwait(false);
        foreach (var f in _added)
        {
            summary.Added(f);
        }

        var result = new List<ManifestFile>(_newManifests);
        result.AddRange(kept);
        return result;
    }
}
