using Lakehouse.Arrow.Types;
using Lakehouse.Ingest.Configuration;
using Lakehouse.Ingest.Decoding;
using Xunit;

namespace Lakehouse.Ingest.Tests;

public sealed class IngestConfigLoaderTests
{
    private const string Full = """
        source:
          brokers: kafka-1:9092,kafka-2:9092
          topics: [social-events, user-updates]
          group: bronze-social
          auto_offset_reset: latest
          properties:
            security.protocol: SASL_SSL
            sasl.mechanisms: PLAIN
            sasl.username: ingest
            sasl.password: ${KAFKA_PASSWORD}
            ssl.ca.location: ${CA_FILE:-/etc/ssl/ca.pem}
        catalog:
          warehouse: /data/warehouse
          uri: sqlite:/data/warehouse/catalog.db
        target:
          table: bronze.social_events
          partition_by: [day(ts), identity(platform), 'bucket(16, user_id)']
          schema_evolution: true
          max_message_bytes: 256KiB
          columns:
            - {name: event_id, path: $.event_id, type: long, required: true}
            - {name: ts, path: ts, type: timestamp}
            - {name: ts_s, path: ts_s, type: timestamp, unit: s}
            - {name: platform, path: platform, type: string}
            - {name: user_id, path: user.id, type: int64}
            - {name: verified, path: user.verified, type: boolean}
            - {name: sentiment, path: sentiment, type: double}
            - {name: hashtags, path: hashtags, type: list<string>}
            - {name: user, path: user, type: json}
        dead_letter:
          table: bronze.social_dead
          max_raw_bytes: 64KiB
        commit:
          interval: 1s
          rows: 50000
          bytes: 16MiB
        status:
          file: /tmp/social.status.json
        """;

    [Fact]
    public void AFullConfigurationLoadsWithEveryValue()
    {
        var config = IngestConfigLoader.Load(Full, "ingest.yaml", name => name == "KAFKA_PASSWORD" ? "s3cret" : null);
        Assert.Equal("kafka-1:9092,kafka-2:9092", config.Source.Brokers);
        Assert.Equal(["social-events", "user-updates"], config.Source.Topics);
        Assert.Equal("bronze-social", config.Source.Group);
        Assert.Equal("latest", config.Source.AutoOffsetReset);
        Assert.Equal("s3cret", config.Source.Properties["sasl.password"]);
        Assert.Equal("/etc/ssl/ca.pem", config.Source.Properties["ssl.ca.location"]);
        Assert.Equal("SASL_SSL", config.Source.Properties["security.protocol"]);
        Assert.Equal("/data/warehouse", config.Catalog.Warehouse);
        Assert.Equal("sqlite:/data/warehouse/catalog.db", config.Catalog.Uri);
        Assert.Equal("bronze.social_events", config.Target.Table);
        Assert.True(config.Target.Mapping.IncludeEnvelope);
        Assert.True(config.Target.SchemaEvolution);
        Assert.Equal(256 * 1024, config.Target.Mapping.MaxMessageBytes);
        Assert.Equal(64 * 1024, config.Target.Mapping.MaxDeadLetterBytes);
        Assert.Equal(9, config.Target.Mapping.Columns.Count);
        var eventId = config.Target.Mapping.Columns[0];
        Assert.Equal(("event_id", "$.event_id", JsonColumnType.Int64, true), (eventId.Name, eventId.Path, eventId.Type, eventId.Required));
        Assert.Equal(TimeUnit.Second, config.Target.Mapping.Columns[2].EpochUnit);
        Assert.Equal((JsonColumnType.List, JsonColumnType.String), (config.Target.Mapping.Columns[7].Type, config.Target.Mapping.Columns[7].ElementType));
        Assert.Equal(JsonColumnType.Json, config.Target.Mapping.Columns[8].Type);
        Assert.Equal(["day(ts)", "identity(platform)", "bucket[16](user_id)"], config.Target.PartitionBy.Select(p => p.ToString()));
        Assert.Equal("bronze.social_dead", config.DeadLetterTable);
        Assert.Equal(TimeSpan.FromSeconds(1), config.Commit.Interval);
        Assert.Equal(50_000, config.Commit.MaxRows);
        Assert.Equal(16L << 20, config.Commit.MaxBytes);
        Assert.Equal("/tmp/social.status.json", config.StatusFile);
    }

    [Fact]
    public void AMinimalConfigurationUsesTheDefaults()
    {
        var config = IngestConfigLoader.Load("""
            source: {topics: [events], group: g1}
            target: {table: bronze.events}
            """);
        Assert.Null(config.Source.Brokers);
        Assert.Equal("earliest", config.Source.AutoOffsetReset);
        Assert.Equal("bronze.events_dead_letters", config.DeadLetterTable);
        Assert.Equal(TimeSpan.FromSeconds(2), config.Commit.Interval);
        Assert.Equal(100_000, config.Commit.MaxRows);
        Assert.Equal(64L << 20, config.Commit.MaxBytes);
        Assert.True(config.Target.Mapping.IncludeEnvelope);
        Assert.Empty(config.Target.Mapping.Columns);
        Assert.Equal("./warehouse", config.Catalog.Warehouse);
        Assert.Equal("g1.ingest-status.json", config.StatusFile);
    }

    [Theory]
    [InlineData("source: {topics: [e], group: g}\ntarget: {table: b.t, colums: []}", "c.yaml:2:22: target.colums: unknown key")]
    [InlineData("source: {topics: [e]}\ntarget: {table: b.t}", "c.yaml:1:9: source.group: required")]
    [InlineData("source: {topics: [e], group: g}\ntarget:\n  table: b.t\n  columns:\n    - {name: x, type: lng}\n", "c.yaml:5:23: target.columns[0].type: unknown type 'lng'")]
    [InlineData("source: {topics: [e], group: g}\ntarget:\n  table: b.t\n  partition_by: [day(platform)]\n  columns:\n    - {name: platform, type: string}\n", "c.yaml:4:18: target.partition_by[0]: day needs a timestamp column")]
    [InlineData("source: {topics: [e], group: g}\ntarget:\n  table: b.t\n  partition_by: [hour(nope)]\n", "target.partition_by[0]: column 'nope' is not a table column")]
    [InlineData("source: {topics: [e], group: g, properties: {sasl.password: '${NOPE_SECRET}'}}\ntarget: {table: b.t}", "source.properties.sasl.password: environment variable 'NOPE_SECRET' is not set")]
    [InlineData("source: {topics: [e], group: g}\ntarget: {table: b.t}\ncommit: {interval: soon}", "c.yaml:3:20: commit.interval: 'soon' is not a duration")]
    [InlineData("source: {topics: [e], group: g}\ntarget: {table: b.t}\ncommit: {bytes: 12XB}", "commit.bytes: '12XB' is not a size")]
    [InlineData("source: {topics: [e], group: g}\ntarget: {table: events}", "target.table: 'events' is not a table identifier")]
    [InlineData("source: {topics: [e], group: g}\ntarget: {table: b.t}\ndead_letter: {table: b.t}", "dead_letter.table: the dead-letter table must differ")]
    [InlineData("source: {topics: [e], group: g, properties: {group.id: x}}\ntarget: {table: b.t}", "source.properties.group.id: set by the pipeline (use source.group)")]
    [InlineData("source: {topics: [e], group: g}\ntarget:\n  table: b.t\n  columns:\n    - {name: a, path: x, type: string}\n    - {name: b, path: x, type: string}\n", "map the same path $.x")]
    [InlineData("source: {topics: [e], group: g}\ntarget:\n  table: b.t\n  mode: fields\n", "target.columns: mode 'fields' needs at least one column")]
    [InlineData("source: [1, 2]", "c.yaml:1:9: source: expected a mapping")]
    [InlineData("source: {topics: [e], group: g\n", "c.yaml:2:1: invalid YAML")]
    public void InvalidConfigurationsAreReportedWithFileLineAndKey(string yaml, string expected)
    {
        var e = Assert.Throws<IngestConfigException>(() => IngestConfigLoader.Load(yaml, "c.yaml", _ => null));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        var e = Assert.Throws<IngestConfigException>(() => IngestConfigLoader.Load("source: {group: g}\ntarget: {table: x}\ncommit: {rows: -1}", "c.yaml", _ => null));
        Assert.Equal(3, e.Problems.Count);
    }

    [Fact]
    public void RelativePathsResolveAgainstTheConfigurationFolder()
    {
        var dir = Directory.CreateTempSubdirectory("lakehouse-config-");
        try
        {
            var path = Path.Combine(dir.FullName, "ingest.yaml");
            File.WriteAllText(path, "source: {topics: [e], group: g}\ntarget: {table: b.t}\ncatalog: {warehouse: wh}\n");
            var config = IngestConfigLoader.LoadFile(path);
            Assert.Equal(Path.Combine(dir.FullName, "wh"), config.Catalog.Warehouse);
            Assert.Equal(Path.Combine(dir.FullName, "g.ingest-status.json"), config.StatusFile);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
