using System.Runtime.CompilerServices;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Sql.Execution.Vectors;
using Lakehouse.Sql.Planning;
using Lakehouse.Sql.Types;
using Lakehouse.Table;
using Lakehouse.Table.MetadataTables;

namespace Lakehouse.Sql.Execution.Sources;

/// <summary>
/// A Trino-style Iceberg metadata table, <c>"t$snapshots"</c>, <c>"t$files"</c>…: the rows
/// <see cref="MetadataTables.Read"/> builds from the table's metadata (at a snapshot for time travel), filtered and
/// projected like any scan.
/// </summary>
public sealed class MetadataTableScanSource : ScanSource
{
    private readonly IcebergTable _table;
    private readonly MetadataTableType _kind;
    private readonly long? _snapshotId;
    private readonly string _name;
    private readonly IReadOnlyList<PlanColumn> _columns;

    public MetadataTableScanSource(IcebergTable table, MetadataTableType kind, long? snapshotId, string name)
    {
        _table = table;
        _kind = kind;
        _snapshotId = snapshotId;
        _name = name;
        var schema = MetadataTables.SchemaOf(table, kind);
        _columns = schema.Fields
            .Select(f => new PlanColumn(f.Name, SqlType.FromArrow(f.Type) ?? throw new SqlException(SqlErrorKind.NotImplemented, $"column \"{f.Name}\" of {name} has type {f.Type}, which has no SQL type")))
            .ToArray();
    }

    public override IReadOnlyList<PlanColumn> Columns => _columns;

    public override string Describe() => $"iceberg metadata {_name}" + (_snapshotId is { } s ? $" snapshot={s}" : string.Empty);

    public override async IAsyncEnumerable<DataChunk> ScanAsync(ScanRequest request, QueryContext context)
    {
        var types = request.Projection.Select(i => _columns[i].Type).ToArray();
        var data = await Task.Run(() => MetadataTables.Read(_table, _kind, _snapshotId), context.CancellationToken).ConfigureAwait(false);
        long produced = 0;
        foreach (var batch in data.Batches)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var columns = new ArrowArray[request.Projection.Count];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = batch.Column(request.Projection[c]);
            }

            var projected = new RecordBatch(new Schema(request.Projection.Select(i => data.Schema.Fields[i]).ToList()), columns, batch.Length);
            foreach (var chunk in ScanChunks.Split(projected, types, request.Filter, context))
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
    }
}
