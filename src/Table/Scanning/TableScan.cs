using Lakehouse.Table.Expressions;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Scanning;

/// <summary>
/// A scan of an <see cref="IcebergTable"/>: pick a snapshot (current, by id, as of a time, by branch/tag), columns and a
/// filter; <see cref="PlanFiles"/> lists the live data files with their deletes and residuals, <see cref="ToBatchesAsync"/>
/// reads the live rows as Arrow batches. Scans are immutable-by-convention builders: each With* call returns this scan.
/// </summary>
public sealed partial class TableScan
{
    private readonly IcebergTable _table;
    private Snapshot? _snapshot;
    private bool _snapshotChosen;
    private bool _timeTravel;
    private IReadOnlyList<string>? _columns;
    private Expression _filter = Expressions.Expressions.AlwaysTrue;
    private bool _caseSensitive = true;

    internal TableScan(IcebergTable table)
    {
        _table = table;
    }

    public IcebergTable Table => _table;

    public Expression Filter => _filter;

    /// <summary>The snapshot being read (null for a table without snapshots).</summary>
    public Snapshot? Snapshot => _snapshotChosen ? _snapshot : _table.Metadata.CurrentSnapshot;

    public TableScan UseSnapshot(long snapshotId)
    {
        _snapshot = _table.Metadata.SnapshotById(snapshotId)
            ?? throw new IcebergException(IcebergErrorKind.NotFound, $"snapshot {snapshotId} is not in table {_table.MetadataPath}");
        _snapshotChosen = true;
        _timeTravel = true;
        return this;
    }

    public TableScan AsOfTime(long timestampMs)
    {
        _snapshot = _table.Metadata.SnapshotAsOf(timestampMs);
        _snapshotChosen = true;
        _timeTravel = true;
        return this;
    }

    /// <summary>Reads the head of a branch (with the table schema) or a tag (with the snapshot's schema).</summary>
    public TableScan UseRef(string name)
    {
        _snapshot = _table.Metadata.SnapshotForRef(name);
        _snapshotChosen = true;
        _timeTravel = _table.Metadata.Refs.TryGetValue(name, out var r) && !r.IsBranch;
        return this;
    }

    public TableScan Select(params IReadOnlyList<string> columns)
    {
        _columns = columns;
        return this;
    }

    public TableScan Where(Expression filter)
    {
        _filter = Expressions.Expressions.And(_filter, filter);
        return this;
    }

    public TableScan CaseSensitive(bool caseSensitive)
    {
        _caseSensitive = caseSensitive;
        return this;
    }

    /// <summary>The table schema the scan reads with: the snapshot's schema for time travel by id/time/tag, else the current one.</summary>
    public Schema TableSchema
    {
        get
        {
            var metadata = _table.Metadata;
            if (_timeTravel && Snapshot?.SchemaId is { } id && metadata.SchemaById(id) is { } s)
            {
                return s;
            }

            return metadata.CurrentSchema;
        }
    }

    /// <summary>The projected schema of the output batches (selected top-level columns in the requested order).</summary>
    public Schema ProjectedSchema
    {
        get
        {
            var schema = TableSchema;
            if (_columns is null)
            {
                return schema;
            }

            var fields = new List<NestedField>(_columns.Count);
            foreach (var name in _columns)
            {
                fields.Add(schema.Struct.Field(name, _caseSensitive)
                    ?? throw new IcebergException(IcebergErrorKind.NotFound, $"column '{name}' is not in schema {schema.SchemaId}"));
            }

            return new Schema(schema.SchemaId, fields);
        }
    }

    /// <summary>Statistics of the last <see cref="PlanFiles"/> call.</summary>
    public ScanMetrics Metrics { get; private set; } = new();

    /// <summary>The live data files of the snapshot that may hold rows matching the filter, with their deletes and residuals.</summary>
    public List<FileScanTask> PlanFiles()
    {
        var metrics = new ScanMetrics();
        Metrics = metrics;
        var snapshot = Snapshot;
        var result = new List<FileScanTask>();
        if (snapshot is null)
        {
            return result;
        }

        var metadata = _table.Metadata;
        var schema = TableSchema;
        var manifests = _table.ReadManifestList(snapshot);
        var manifestEvaluators = new Dictionary<int, ManifestEvaluator?>();
        var partitionEvaluators = new Dictionary<int, Evaluator?>();
        var residuals = new Dictionary<int, ResidualEvaluator?>();
        var filtering = _filter is not AlwaysTrue;
        var metricsEvaluator = filtering ? new InclusiveMetricsEvaluator(schema, _filter, _caseSensitive) : null;
        var dataEntries = new List<ManifestEntry>();
        var deleteEntries = new List<ManifestEntry>();
        foreach (var manifest in manifests)
        {
            metrics.Manifests++;
            if (filtering && ManifestEvaluatorFor(manifest.PartitionSpecId) is { } me && !me.MightMatch(manifest.Partitions))
            {
                metrics.ManifestsPruned++;
                continue;
            }

            foreach (var entry in _table.ReadManifest(manifest))
            {
                if (!entry.IsLive)
                {
                    continue;
                }

                var file = entry.DataFile;
                if (filtering && PartitionEvaluatorFor(file.SpecId) is { } pe && !pe.Eval(file.Partition))
                {
                    metrics.FilesPrunedByPartition++;
                    continue;
                }

                if (file.Content == FileContent.Data)
                {
                    if (metricsEvaluator is not null && !metricsEvaluator.MightMatch(file.ToMetrics()))
                    {
                        metrics.FilesPrunedByMetrics++;
                        continue;
                    }

                    dataEntries.Add(entry);
                }
                else
                {
                    deleteEntries.Add(entry);
                }
            }
        }

        var index = new DeleteFileIndex(deleteEntries, specId => metadata.SpecById(specId)?.IsUnpartitioned ?? true);
        foreach (var entry in dataEntries)
        {
            var spec = metadata.SpecById(entry.DataFile.SpecId) ?? PartitionSpec.Unpartitioned;
            var residual = !filtering ? Expressions.Expressions.AlwaysTrue
                : ResidualFor(entry.DataFile.SpecId) is { } re ? re.ResidualFor(entry.DataFile.Partition) : _filter;
            var deletes = index.IsEmpty ? [] : index.For(entry);
            metrics.DeleteFilesMatched += deletes.Count;
            result.Add(new FileScanTask { Entry = entry, Spec = spec, Deletes = deletes, Residual = residual });
        }

        metrics.DataFiles = result.Count;
        return result;

        ManifestEvaluator? ManifestEvaluatorFor(int specId) => Cached(manifestEvaluators, specId, s => new ManifestEvaluator(s, schema, _filter, _caseSensitive));

        Evaluator? PartitionEvaluatorFor(int specId) => Cached(partitionEvaluators, specId, s =>
            new Evaluator(s.PartitionType(schema), Projections.Inclusive(s, schema, _filter, _caseSensitive), _caseSensitive));

        ResidualEvaluator? ResidualFor(int specId) => Cached(residuals, specId, s => new ResidualEvaluator(s, schema, _filter, _caseSensitive));
    }

    private T? Cached<T>(Dictionary<int, T?> cache, int specId, Func<PartitionSpec, T> create)
        where T : class
    {
        if (!cache.TryGetValue(specId, out var value))
        {
            var spec = _table.Metadata.SpecById(specId);
            try
            {
                value = spec is null || spec.IsUnpartitioned ? null : create(spec);
            }
            catch (IcebergException)
            {
                // A spec whose source columns left the schema cannot prune: keep every file (conservative).
                value = null;
            }

            cache[specId] = value;
        }

        return value;
    }
}
