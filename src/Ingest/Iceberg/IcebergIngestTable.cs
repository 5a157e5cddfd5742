using Confluent.Kafka;
using Lakehouse.Arrow;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Configuration;
using Lakehouse.Ingest.Pipeline;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;

namespace Lakehouse.Ingest.Iceberg;

/// <summary>
/// An Iceberg table as an <see cref="IIngestTable"/>: rows become Parquet data files through the table
/// writer, committed with one fast append whose snapshot summary carries
/// <c>lakehouse.kafka.offsets.&lt;group&gt;</c> (all partitions, carried forward on every commit). The fence
/// check runs against the metadata the append is based on, and the table is created with
/// <c>commit.retry.num-retries=0</c> so a lost compare-and-swap comes back here and is re-checked against the
/// new head instead of being rebased blindly.
/// </summary>
public sealed class IcebergIngestTable : IIngestTable
{
    private const int MaxConflictRetries = 20;
    private readonly TableOperations _operations;

    private IcebergIngestTable(TableOperations operations, Arrow.Schema schema)
    {
        _operations = operations;
        Schema = schema;
    }

    public string Name => _operations.Identifier.ToString();

    public Arrow.Schema Schema { get; }

    /// <summary>Opens <paramref name="identifier"/>, creating it (and its namespace) from <paramref name="schema"/> and <paramref name="partitionBy"/> when absent.</summary>
    public static async Task<IcebergIngestTable> OpenOrCreateAsync(
        ICatalog catalog,
        string identifier,
        Arrow.Schema schema,
        IReadOnlyList<PartitionFieldConfig> partitionBy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(partitionBy);
        var id = TableIdentifier.Parse(identifier);
        if (!await catalog.TableExistsAsync(id, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await catalog.CreateNamespaceAsync(id.Namespace, null, cancellationToken).ConfigureAwait(false);
            }
            catch (IcebergException e) when (e.Kind == IcebergErrorKind.AlreadyExists)
            {
                // Created by another member.
            }

            var icebergSchema = ArrowSchemaConverter.FromArrow(schema, assignIds: true);
            var fields = new List<PartitionField>();
            foreach (var p in partitionBy)
            {
                var source = icebergSchema.Field(p.SourceColumn);
                var transform = Transform.Parse(p.Transform);
                var name = p.Transform == "identity" ? p.SourceColumn : $"{p.SourceColumn}_{p.Transform.Split('[')[0]}";
                fields.Add(new PartitionField(source.Id, PartitionSpec.FirstPartitionFieldId + fields.Count, name, transform));
            }

            try
            {
                await TableOperations.CreateTableAsync(
                    catalog,
                    id,
                    icebergSchema,
                    new PartitionSpec(0, fields),
                    properties: new Dictionary<string, string> { [TableProperties.CommitNumRetries] = "0" },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (IcebergException e) when (e.Kind == IcebergErrorKind.AlreadyExists)
            {
                // Created concurrently by another member: use theirs.
            }
        }

        return new IcebergIngestTable(new TableOperations(catalog, id), schema);
    }

    public async Task<Dictionary<TopicPartition, long>> LoadOffsetsAsync(string group, CancellationToken cancellationToken)
    {
        var metadata = await _operations.RefreshAsync(cancellationToken).ConfigureAwait(false);
        return Offsets(metadata, group);
    }

    public async Task CommitAsync(RecordBatch rows, string group, IReadOnlyDictionary<TopicPartition, long> expected, IReadOnlyDictionary<TopicPartition, long> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(next);
        IReadOnlyList<DataFile> files = [];
        if (rows.Length > 0)
        {
            var current = await _operations.CurrentAsync(cancellationToken).ConfigureAwait(false);
            var writer = _operations.NewDataWriter();
            await using (writer.ConfigureAwait(false))
            {
                await writer.WriteAsync(ArrowRetyping.To(rows, ArrowSchemaConverter.ToArrow(current.CurrentSchema)), cancellationToken).ConfigureAwait(false);
                files = await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        for (var attempt = 0; ; attempt++)
        {
            var metadata = await _operations.RefreshAsync(cancellationToken).ConfigureAwait(false);
            var recorded = Offsets(metadata, group);
            try
            {
                OffsetFenceException.Check(Name, recorded, expected, next);
            }
            catch (OffsetFenceException)
            {
                await DeleteQuietlyAsync(files).ConfigureAwait(false);
                throw;
            }

            foreach (var (tp, offset) in next)
            {
                recorded[tp] = offset;
            }

            var append = _operations.NewFastAppend().AppendAll(files);
            append.Set(KafkaOffsetSummary.Key(group), KafkaOffsetSummary.Format(recorded));
            try
            {
                await append.CommitAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (CommitConflictException) when (attempt < MaxConflictRetries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 10 << Math.Min(attempt, 6))), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The offsets recorded by the newest snapshot in the current snapshot's ancestry that carries them.</summary>
    internal static Dictionary<TopicPartition, long> Offsets(TableMetadata metadata, string group)
    {
        var key = KafkaOffsetSummary.Key(group);
        if (metadata.CurrentSnapshotId is { } head)
        {
            foreach (var snapshot in SnapshotUtil.AncestorsOf(metadata, head))
            {
                if (snapshot.Summary.TryGetValue(key, out var json))
                {
                    return KafkaOffsetSummary.Parse(json);
                }
            }
        }

        return [];
    }

    private async Task DeleteQuietlyAsync(IReadOnlyList<DataFile> files)
    {
        foreach (var f in files)
        {
            try
            {
                await _operations.FileIO.DeleteFileAsync(f.FilePath, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // An orphan file; remove_orphan_files cleans it up.
            }
        }
    }
}
