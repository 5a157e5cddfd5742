using Lakehouse.Arrow;
using Lakehouse.Arrow.Arrays;
using Lakehouse.Ingest.Batching;
using Lakehouse.Ingest.Configuration;
using Lakehouse.Ingest.Decoding;
using Lakehouse.Ingest.Generation;
using Lakehouse.Ingest.Iceberg;
using Lakehouse.Ingest.Kafka;
using Lakehouse.Ingest.Pipeline;
using Lakehouse.Table;
using Lakehouse.Table.Catalog;
using Xunit;

namespace Lakehouse.Ingest.Tests;

public sealed class IcebergIngestTests
{
    [SkippableFact]
    public async Task EventsLandInPartitionedIcebergTablesOnceAcrossARestartWithOffsetsInTheSnapshotSummary()
    {
        KafkaTestEnvironment.RequireLibrdkafka();
        var dir = Directory.CreateTempSubdirectory("lakehouse-ingest-");
        try
        {
            using var cluster = new MockKafkaCluster(1, [new TopicSpec("social-events", 3)]);
            IngestPipelineTests.Produce(cluster, new SocialJsonOptions { Seed = 5, MalformedShare = 0.05 }, 800);
            var config = IngestPipelineTests.Config("iceberg", rows: 300) with
            {
                Catalog = new CatalogConfig { Warehouse = dir.FullName },
                Target = IngestPipelineTests.Config("iceberg", 300).Target with
                {
                    PartitionBy = [new PartitionFieldConfig("day", "ts"), new PartitionFieldConfig("identity", "kafka_partition")],
                },
            };
            await using var catalog = CatalogFactory.Open(dir.FullName);
            var decoder = new JsonEventDecoder(config.Target.Mapping);
            var target = await IcebergIngestTable.OpenOrCreateAsync(catalog, config.Target.Table, decoder.Schema, config.Target.PartitionBy, default);
            var dead = await IcebergIngestTable.OpenOrCreateAsync(catalog, config.DeadLetterTable, decoder.DeadLetterSchema, [], default);
            using (var first = new IngestPipeline(config, cluster.BootstrapServers, target, dead))
            {
                IngestPipelineTests.RunUntil([first], () => first.Status.Records + first.Status.DeadLetters >= 800);
            }

            IngestPipelineTests.Produce(cluster, new SocialJsonOptions { Seed = 6, MalformedShare = 0.05 }, 400);
            using (var second = new IngestPipeline(config, cluster.BootstrapServers, target, dead))
            {
                IngestPipelineTests.RunUntil([second], () => second.Status.Records + second.Status.DeadLetters >= 400);
            }

            var seen = new HashSet<(int, long)>();
            long good = 0, bad = 0;
            foreach (var (name, isGood) in new[] { (config.Target.Table, true), (config.DeadLetterTable, false) })
            {
                var location = await catalog.LoadMetadataLocationAsync(TableIdentifier.Parse(name));
                var table = await IcebergTable.LoadAsync(catalog.FileIO, location);
                await foreach (var batch in table.NewScan().ToBatchesAsync())
                {
                    var parts = (PrimitiveArray<int>)batch.Column(JsonEventDecoder.PartitionColumn)!;
                    var offsets = (PrimitiveArray<long>)batch.Column(JsonEventDecoder.OffsetColumn)!;
                    for (var i = 0; i < batch.Length; i++)
                    {
                        Assert.True(seen.Add((parts.Value(i), offsets.Value(i))), $"{name}: {parts.Value(i)}/{offsets.Value(i)} twice");
                    }

                    if (isGood)
                    {
                        good += batch.Length;
                    }
                    else
                    {
                        bad += batch.Length;
                    }
                }

                var summary = table.Metadata.CurrentSnapshot!.Summary;
                var offsetsJson = summary[KafkaOffsetSummary.Key("iceberg")];
                Assert.Equal(1200, KafkaOffsetSummary.Parse(offsetsJson).Values.Sum());
            }

            Assert.Equal(1200, seen.Count);
            Assert.True(bad > 0 && good > bad);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
