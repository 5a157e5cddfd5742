using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;
using Lakehouse.Table;
using IcebergExpression = Lakehouse.Table.Expressions.Expression;
using IcebergExpressions = Lakehouse.Table.Expressions.Expressions;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// An Iceberg table at a snapshot (current, FOR VERSION AS OF id, FOR TIMESTAMP AS OF ts). Pushed filters
/// become Iceberg expressions, so partition and file-metrics pruning skip files; the filter is still
/// applied exactly to the rows read.
/// </summary>
public sealed class IcebergScanSource : ScanSource
{
    private readonly IcebergTable _table;
    private readonly long? _snapshotId;
    private readonly string _name;
    private readonly IReadOnlyList<PlanColumn> _columns;
    private long? _exactRowCount;
    private bool _exactRowCountKnown;

    public IcebergScanSource(IcebergTable table, long? snapshotId, string name)
    {
        _table = table;
        _snapshotId = snapshotId;
        _name = name;
        var scan = NewScan();
        var arrow = Lakehouse.Table.Types.ArrowSchemaConverter.ToArrow(scan.TableSchema);
        _columns = arrow.Fields.Select(f => new PlanColumn(f.Name, SqlType.FromArrow(f.Type) ?? throw new SqlException(SqlErrorKind.NotImplemented, $"column \"{f.Name}\" has type {f.Type}, which has no SQL type"))).ToArray();
    }

    public IcebergTable Table => _table;

    /// <summary>The sum of the data files' record counts when no delete file applies (manifests are read once, on first use).</summary>
    public override long? ExactRowCount => _exactRowCount ??= CountFromManifests();

    public override IReadOnlyList<PlanColumn> Columns => _columns;

    /// <summary>The snapshot summary's total-records (before deletes are applied), when the writer recorded it.</summary>
    public override long? EstimatedRowCount
    {
        get
        {
            var snapshot = _snapshotId is { } id ? _table.Metadata.SnapshotById(id) : _table.Metadata.CurrentSnapshot;
            if (snapshot is null)
            {
                return 0;
            }

            return snapshot.Summary.TryGetValue("total-records", out var text) && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rows) ? rows : null;
        }
    }

    public override string Describe() => $"iceberg {_name}" + (_snapshotId is { } s ? $" snapshot={s}" : string.Empty);

    private long? CountFromManifests()
    {
        if (_exactRowCountKnown)
        {
            return null;
        }

        _exactRowCountKnown = true;
        long rows = 0;
        foreach (var task in NewScan().PlanFiles())
        {
            if (task.Deletes.Count > 0)
            {
                return null;
            }

            rows += task.File.RecordCount;
        }

        return rows;
    }

    private Lakehouse.Table.Scanning.TableScan NewScan()
    {
        var scan = _table.NewScan();
        return _snapshotId is { } id ? scan.UseSnapshot(id) : scan;
    }

    public override bool SupportsMorsels => true;

    public override async IAsyncEnumerable<DataChunk> ScanAsync(ScanRequest request, QueryContext context)
    {
        var types = request.Projection.Select(i => _columns[i].Type).ToArray();
        var scan = ConfiguredScan(request);
        long produced = 0;
        await foreach (var batch in scan.ToBatchesAsync(context.CancellationToken).ConfigureAwait(false))
        {
            foreach (var chunk in ScanChunks.Split(batch, types, request.Filter, context))
            {
                if (request.Limit is { } limit && produced + chunk.Length >= limit)
                {
                    yield return chunk.Slice(0, (int)(limit - produced));
                    yield break;
                }

                produced += chunk.Length;
                yield return chunk;
            }
        }

        RecordMetrics(scan, request);
    }

    /// <summary>One morsel per live data file after partition and metrics pruning.</summary>
    public override async Task<IReadOnlyList<ScanMorsel>> PlanMorselsAsync(ScanRequest request, QueryContext context)
    {
        var scan = ConfiguredScan(request);
        await _table.PrefetchManifestsAsync(scan.Snapshot, context.CancellationToken).ConfigureAwait(false);
        var morsels = scan.PlanFiles().Select(t => (ScanMorsel)new IcebergFileMorsel(t)).ToList();
        RecordMetrics(scan, request);
        return morsels;
    }

    /// <summary>
    /// Reads one file through a scan owned by the calling worker: a scan caches the delete files it loads and is not
    /// shared between threads, so each worker keeps its own (built once per worker, not per file).
    /// </summary>
    public override async IAsyncEnumerable<DataChunk> ScanMorselAsync(ScanMorsel morsel, ScanRequest request, QueryContext context)
    {
        var types = request.Projection.Select(i => _columns[i].Type).ToArray();
        var scan = context.WorkerLocal((this, request), () => ConfiguredScan(request));
        await foreach (var batch in scan.ReadTaskAsync(((IcebergFileMorsel)morsel).Task, context.CancellationToken).ConfigureAwait(false))
        {
            foreach (var chunk in ScanChunks.Split(batch, types, request.Filter, context))
            {
                yield return chunk;
            }
        }
    }

    private Lakehouse.Table.Scanning.TableScan ConfiguredScan(ScanRequest request)
    {
        var names = request.Projection.Select(i => _columns[i].Name).ToArray();
        var scan = NewScan().Select(names.Length == 0 ? [_columns[0].Name] : names);
        if (request.Filter is not null && ToIceberg(request.Filter, names) is { } expr)
        {
            scan = scan.Where(expr);
        }

        return scan;
    }

    private static void RecordMetrics(Lakehouse.Table.Scanning.TableScan scan, ScanRequest request)
    {
        if (request.Statistics is { } stats)
        {
            var m = scan.Metrics;
            Interlocked.Add(ref stats.FilesRead, m.DataFiles);
            Interlocked.Add(ref stats.FilesSkipped, m.FilesPrunedByPartition + m.FilesPrunedByMetrics);
        }
    }

    /// <summary>The conjuncts of <paramref name="filter"/> that translate to Iceberg predicates (others are dropped: the scan re-checks rows).</summary>
    internal static IcebergExpression? ToIceberg(BoundExpression filter, IReadOnlyList<string> names)
    {
        IcebergExpression? result = null;
        foreach (var conjunct in RowGroupPruner.Conjuncts(filter))
        {
            var e = Convert(conjunct, names);
            if (e is not null)
            {
                result = result is null ? e : IcebergExpressions.And(result, e);
            }
        }

        return result;
    }

    private static IcebergExpression? Convert(BoundExpression e, IReadOnlyList<string> names)
    {
        switch (e)
        {
            case BoundOperator { Kind: BoundOperatorKind.IsNull, Operands: [BoundColumn c] }:
                return IcebergExpressions.IsNull(names[c.Index]);
            case BoundOperator { Kind: BoundOperatorKind.IsNotNull, Operands: [BoundColumn c] }:
                return IcebergExpressions.NotNull(names[c.Index]);
            case BoundOperator { Kind: BoundOperatorKind.Or } or:
                {
                    IcebergExpression? acc = null;
                    foreach (var o in or.Operands)
                    {
                        var x = Convert(o, names);
                        if (x is null)
                        {
                            return null;
                        }

                        acc = acc is null ? x : IcebergExpressions.Or(acc, x);
                    }

                    return acc;
                }

            case BoundInList { Value: BoundColumn c } inList when inList.List.All(i => i is BoundConstant { Value: not null }):
                return IcebergExpressions.In(names[c.Index], inList.List.Select(i => Literal((BoundConstant)i)!).ToArray());
            case BoundOperator { Operands.Count: 2 } op:
                {
                    var (col, k, kind) = (op.Operands[0], op.Operands[1]) switch
                    {
                        (BoundColumn c, BoundConstant v) => (c, v, op.Kind),
                        (BoundConstant v, BoundColumn c) => (c, v, Flip(op.Kind)),
                        _ => ((BoundColumn?)null, (BoundConstant?)null, op.Kind),
                    };
                    if (col is null || k is null || Literal(k) is not { } value)
                    {
                        return null;
                    }

                    var name = names[col.Index];
                    return kind switch
                    {
                        BoundOperatorKind.Equal => IcebergExpressions.Equal(name, value),
                        BoundOperatorKind.NotEqual => IcebergExpressions.NotEqual(name, value),
                        BoundOperatorKind.LessThan => IcebergExpressions.LessThan(name, value),
                        BoundOperatorKind.LessThanOrEqual => IcebergExpressions.LessThanOrEqual(name, value),
                        BoundOperatorKind.GreaterThan => IcebergExpressions.GreaterThan(name, value),
                        BoundOperatorKind.GreaterThanOrEqual => IcebergExpressions.GreaterThanOrEqual(name, value),
                        _ => null,
                    };
                }

            default:
                return null;
        }
    }

    private static object? Literal(BoundConstant k) => k.Value switch
    {
        null => null,
        SqlDecimal d => d.ToString(),
        byte[] => null,
        var v => v,
    };

    private static BoundOperatorKind Flip(BoundOperatorKind k) => k switch
    {
        BoundOperatorKind.LessThan => BoundOperatorKind.GreaterThan,
        BoundOperatorKind.LessThanOrEqual => BoundOperatorKind.GreaterThanOrEqual,
        BoundOperatorKind.GreaterThan => BoundOperatorKind.LessThan,
        BoundOperatorKind.GreaterThanOrEqual => BoundOperatorKind.LessThanOrEqual,
        _ => k,
    };
}
