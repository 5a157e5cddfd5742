using Lakehouse.Table.Catalog;
using Lakehouse.Table.Expressions;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Adds data files and position/equality delete files in one snapshot (operation "overwrite" when it adds deletes,
/// "append" otherwise). Conflicts: a data file the position deletes refer to is no longer live; with a conflict
/// detection filter, a concurrent commit added delete files (and, when asked, data files) that might match it.
/// </summary>
public sealed class RowDelta : SnapshotProducer
{
    private readonly List<DataFile> _rows = [];
    private readonly List<DataFile> _deletes = [];
    private readonly HashSet<string> _referencedDataFiles = new(StringComparer.Ordinal);
    private Expression? _conflictFilter;
    private bool _validateNoNewData;
    private List<ManifestFile>? _newManifests;

    internal RowDelta(TableOperations operations)
        : base(operations)
    {
    }

    protected override string OperationName => _deletes.Count > 0 ? SnapshotOperation.Overwrite : SnapshotOperation.Append;

    public RowDelta AddRows(DataFile file)
    {
        if (file.Content != FileContent.Data)
        {
            throw IcebergException.Invalid($"AddRows takes data files; {file.FilePath} is {file.Content}");
        }

        _rows.Add(file);
        _newManifests = null;
        return this;
    }

    public RowDelta AddDeletes(DataFile file)
    {
        if (file.Content == FileContent.Data)
        {
            throw IcebergException.Invalid($"AddDeletes takes delete files; {file.FilePath} is a data file");
        }

        _deletes.Add(file);
        if (file.ReferencedDataFile is { } referenced)
        {
            _referencedDataFiles.Add(referenced);
        }

        _newManifests = null;
        return this;
    }

    /// <summary>Data files the position deletes refer to, which must still be live at commit.</summary>
    public RowDelta ValidateDataFilesExist(IEnumerable<string> paths)
    {
        _referencedDataFiles.UnionWith(paths);
        return this;
    }

    /// <summary>Rows concurrent commits must not have touched: new delete files (and data files with <paramref name="includeDataFiles"/>) matching it conflict.</summary>
    public RowDelta ConflictDetectionFilter(Expression filter, bool includeDataFiles = false)
    {
        _conflictFilter = filter;
        _validateNoNewData = includeDataFiles;
        return this;
    }

    protected override async Task ValidateAsync(TableMetadata current, long? startingSnapshotId, long? currentSnapshotId, CancellationToken cancellationToken)
    {
        if (_conflictFilter is { } filter)
        {
            FileContent[] contents = _validateNoNewData
                ? [FileContent.Data, FileContent.PositionDeletes, FileContent.EqualityDeletes]
                : [FileContent.PositionDeletes, FileContent.EqualityDeletes];
            await ValidateNoNewFilesAsync(current, startingSnapshotId, currentSnapshotId, filter, contents, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task<List<ManifestFile>> ApplyAsync(TableMetadata baseMetadata, Snapshot? parent, SnapshotSummaryBuilder summary, CancellationToken cancellationToken)
    {
        var existing = await ReadManifestListAsync(parent, cancellationToken).ConfigureAwait(false);
        if (_referencedDataFiles.Count > 0)
        {
            var missing = new HashSet<string>(_referencedDataFiles, StringComparer.Ordinal);
            foreach (var m in existing)
            {
                if (m.Content != ManifestContent.Data)
                {
                    continue;
                }

                foreach (var e in await ReadManifestAsync(m, baseMetadata, cancellationToken).ConfigureAwait(false))
                {
                    if (e.IsLive)
                    {
                        missing.Remove(e.DataFile.FilePath);
                    }
                }
            }

            if (missing.Count > 0)
            {
                throw new CommitConflictException($"row delta on {Operations.Identifier}: data file {missing.First()} its deletes refer to is no longer in the table");
            }
        }

        var all = new List<DataFile>(_rows);
        all.AddRange(_deletes);
        _newManifests ??= await WriteAddedManifestsAsync(baseMetadata, all, cancellationToken).ConfigureAwait(false);
        foreach (var f in all)
        {
            summary.Added(f);
        }

        var result = new List<ManifestFile>(_newManifests);
        result.AddRange(existing);
        return result;
    }
}
