using Lakehouse.Ingest.Configuration;
using Lakehouse.Ingest.Decoding;
using Lakehouse.Ingest.Kafka;
using Lakehouse.Ingest.Pipeline;
using Lakehouse.Table.Catalog;

namespace Lakehouse.Ingest.Iceberg;

/// <summary>
/// Runs one pipeline from a validated configuration: the embedded mock cluster when no brokers are given,
/// the catalog, the target and dead-letter tables (created when absent), then <see cref="IngestPipeline"/>
/// on a dedicated thread until <paramref name="cancellation"/> fires (graceful shutdown commits the open batch).
/// </summary>
public static class IngestRunner
{
    public static async Task RunAsync(IngestConfig config, IngestLog log, Action<string>? announce, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(log);
        KafkaNative.EnsureLoaded();
        MockKafkaCluster? cluster = null;
        try
        {
            var bootstrap = config.Source.Brokers;
            if (bootstrap is null)
            {
                cluster = new MockKafkaCluster(1, config.Source.Topics.Select(t => new TopicSpec(t, config.Source.MockPartitions)));
                bootstrap = cluster.BootstrapServers;
                announce?.Invoke($"no source.brokers: consuming from an embedded mock cluster at {bootstrap}");
            }

            await using var catalog = CatalogFactory.Open(config.Catalog.Warehouse, config.Catalog.Uri);
            var decoder = new JsonEventDecoder(config.Target.Mapping);
            var target = await IcebergIngestTable.OpenOrCreateAsync(catalog, config.Target.Table, decoder.Schema, config.Target.PartitionBy, cancellation).ConfigureAwait(false);
            var dead = await IcebergIngestTable.OpenOrCreateAsync(catalog, config.DeadLetterTable, decoder.DeadLetterSchema, [], cancellation).ConfigureAwait(false);
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    using var pipeline = new IngestPipeline(config, bootstrap, target, dead, log);
                    pipeline.Run(cancellation);
                    done.SetResult();
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            })
            {
                Name = "lakehouse-ingest",
                IsBackground = true,
            };
            thread.Start();
            await done.Task.ConfigureAwait(false);
        }
        finally
        {
            cluster?.Dispose();
        }
    }
}
