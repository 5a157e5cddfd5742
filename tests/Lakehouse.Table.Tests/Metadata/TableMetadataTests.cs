using System.Text;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using Xunit;

namespace Lakehouse.Table.Tests.Metadata;

public sealed class TableMetadataTests
{
    private const string V1 = """
        {
          "format-version": 1,
          "location": "/tmp/t",
          "last-updated-ms": 1600000000000,
          "last-column-id": 3,
          "schema": {"type": "struct", "fields": [
            {"id": 1, "name": "id", "required": true, "type": "long"},
            {"id": 2, "name": "ts", "required": false, "type": "timestamp"},
            {"id": 3, "name": "data", "required": false, "type": "string"}]},
          "partition-spec": [{"name": "ts_day", "transform": "day", "source-id": 2}, {"name": "id_b", "transform": "bucket[4]", "source-id": 1}],
          "properties": {"owner": "me"},
          "current-snapshot-id": -1,
          "snapshots": [{"snapshot-id": 5, "timestamp-ms": 1600000000000, "manifests": ["/tmp/t/m1.avro"]}],
          "unknown-future-field": {"x": [1, 2]}
        }
        """;

    [Fact]
    public void V1IsUpgradedInMemory()
    {
        var m = TableMetadataParser.Parse(V1, "v1.metadata.json");
        Assert.Equal(1, m.FormatVersion);
        Assert.Single(m.Schemas);
        Assert.Equal(0, m.CurrentSchemaId);
        var spec = Assert.Single(m.PartitionSpecs);
        Assert.Equal([1000, 1001], spec.Fields.Select(f => f.FieldId));
        Assert.Equal(Transform.Bucket(4), spec.Fields[1].Transform);
        Assert.Equal(1001, m.LastPartitionId);
        Assert.Equal(SortOrder.Unsorted, Assert.Single(m.SortOrders));
        Assert.Null(m.CurrentSnapshotId);
        Assert.Empty(m.Refs);
        var snap = Assert.Single(m.Snapshots);
        Assert.Equal(0, snap.SequenceNumber);
        Assert.Equal(["/tmp/t/m1.avro"], snap.Manifests!);
        Assert.Null(snap.ManifestList);

        var json = TableMetadataWriter.ToJson(m);
        Assert.Contains("\"schema\":{", json, StringComparison.Ordinal);
        Assert.Contains("\"partition-spec\":[", json, StringComparison.Ordinal);
        Assert.DoesNotContain("sequence-number", json, StringComparison.Ordinal);
        Assert.Equal(m, TableMetadataParser.Parse(json));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void SampleRoundTrips(int version)
    {
        var m = SampleMetadata.Create(version);
        var json = TableMetadataWriter.ToJson(m, indented: true);
        var again = TableMetadataParser.Parse(json);
        Assert.Equal(m, again);
        Assert.Equal(json, TableMetadataWriter.ToJson(again, indented: true));
        Assert.Equal(m, TableMetadataParser.Parse(TableMetadataWriter.ToGzipBytes(m)));
        Assert.Equal(version >= 3, json.Contains("\"next-row-id\"", StringComparison.Ordinal));
    }

    [Fact]
    public void WriterUsesTheSpecFieldNames()
    {
        var json = TableMetadataWriter.ToJson(SampleMetadata.Create());
        foreach (var name in new[]
        {
            "format-version", "table-uuid", "location", "last-sequence-number", "last-updated-ms", "last-column-id",
            "current-schema-id", "schemas", "default-spec-id", "partition-specs", "last-partition-id", "default-sort-order-id",
            "sort-orders", "properties", "current-snapshot-id", "refs", "snapshots", "statistics", "partition-statistics",
            "snapshot-log", "metadata-log", "identifier-field-ids", "initial-default", "write-default", "element-id",
            "element-required", "key-id", "value-id", "value-required", "spec-id", "source-id", "field-id", "transform",
            "order-id", "direction", "null-order", "parent-snapshot-id", "sequence-number", "timestamp-ms", "manifest-list",
            "summary", "operation", "schema-id", "min-snapshots-to-keep", "max-snapshot-age-ms", "max-ref-age-ms",
            "statistics-path", "file-size-in-bytes", "file-footer-size-in-bytes", "blob-metadata", "metadata-file",
        })
        {
            Assert.Contains($"\"{name}\":", json, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"schema\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"partition-spec\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredFieldNamesFileAndField()
    {
        var json = TableMetadataWriter.ToJson(SampleMetadata.Create()).Replace("\"last-sequence-number\":2,", string.Empty, StringComparison.Ordinal);
        var ex = Assert.Throws<IcebergException>(() => TableMetadataParser.Parse(json, "/w/t/metadata/00002.metadata.json"));
        Assert.Equal(IcebergErrorKind.InvalidMetadata, ex.Kind);
        Assert.Contains("/w/t/metadata/00002.metadata.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'last-sequence-number' is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidNestedFieldNamesPath()
    {
        var json = TableMetadataWriter.ToJson(SampleMetadata.Create()).Replace("\"type\":\"timestamptz\"", "\"type\":\"timestamp_tz\"", StringComparison.Ordinal);
        var ex = Assert.Throws<IcebergException>(() => TableMetadataParser.Parse(json, "f.json"));
        Assert.Contains("'schemas[1].fields[1].type'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("timestamp_tz", ex.Message, StringComparison.Ordinal);

        var badType = TableMetadataWriter.ToJson(SampleMetadata.Create()).Replace("\"last-column-id\":15", "\"last-column-id\":\"15\"", StringComparison.Ordinal);
        ex = Assert.Throws<IcebergException>(() => TableMetadataParser.Parse(badType, "f.json"));
        Assert.Contains("'last-column-id' must be a 32-bit integer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptInputGivesCleanErrors()
    {
        var bytes = TableMetadataWriter.ToUtf8Bytes(SampleMetadata.Create());
        for (var cut = 0; cut < bytes.Length; cut += 97)
        {
            var ex = Assert.Throws<IcebergException>(() => TableMetadataParser.Parse(bytes.AsMemory(0, cut), "cut.json"));
            Assert.Contains("cut.json", ex.Message, StringComparison.Ordinal);
        }

        var gz = TableMetadataWriter.ToGzipBytes(SampleMetadata.Create());
        Assert.Throws<IcebergException>(() => TableMetadataParser.Parse(gz.AsMemory(0, gz.Length / 2), "cut.gz.metadata.json"));
    }

    [Fact]
    public void FutureFormatVersionIsNotSupported()
    {
        var ex = Assert.Throws<IcebergException>(() => TableMetadataParser.Parse("""{"format-version": 4}""", "v4.json"));
        Assert.Equal(IcebergErrorKind.NotSupported, ex.Kind);
        Assert.StartsWith("not supported: table format version 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LookupsAndTimeTravel()
    {
        var m = TableMetadataParser.Parse(TableMetadataWriter.ToUtf8Bytes(SampleMetadata.Create()));
        Assert.Equal(22, m.CurrentSnapshot!.SnapshotId);
        Assert.Equal("overwrite", m.CurrentSnapshot.Operation);
        Assert.Equal(11, m.SnapshotForRef("v1.0").SnapshotId);
        Assert.Equal(SnapshotRefType.Tag, m.Refs["v1.0"].Type);
        Assert.Equal(11, m.SnapshotAsOf(1_700_000_001_500).SnapshotId);
        Assert.Equal(22, m.SnapshotAsOf(1_700_000_002_000).SnapshotId);
        Assert.Throws<IcebergException>(() => m.SnapshotAsOf(1_600_000_000_000));
        Assert.Throws<IcebergException>(() => m.SnapshotForRef("nope"));
        Assert.Equal(SampleMetadata.Spec, m.DefaultSpec);
        Assert.Equal(1, m.DefaultSortOrder.OrderId);
        Assert.Equal(1002, m.HighestPartitionFieldId());
    }

    [Fact]
    public void NameMappingLookup()
    {
        var m = SampleMetadata.Create();
        var mapping = m.NameMapping!;
        Assert.Equal(1, mapping.Find("record_id")!.FieldId);
        Assert.Equal(6, mapping.Find("location", "latitude")!.FieldId);
        Assert.Null(mapping.Find("location", "long"));
        Assert.Null(mapping.Find("nope"));
        Assert.Equal(["lat", "latitude"], mapping.FindById(6)!.Names);
        Assert.Equal(mapping, NameMapping.Parse(mapping.ToJson()));

        var literalDot = NameMapping.Parse("""[{"field-id": 3, "names": ["a.b"]}]""");
        Assert.Equal(3, literalDot.Find("a.b")!.FieldId);
        Assert.Null(literalDot.Find("a", "b"));

        var ex = Assert.Throws<IcebergException>(() => NameMapping.Parse("""[{"field-id": 1}]""", "x.json"));
        Assert.Contains("names' is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MainRefIsImpliedByCurrentSnapshot()
    {
        var json = Encoding.UTF8.GetString(TableMetadataWriter.ToUtf8Bytes(SampleMetadata.Create()));
        var start = json.IndexOf("\"refs\":{", StringComparison.Ordinal);
        var end = json.IndexOf("\"snapshots\":", StringComparison.Ordinal);
        var withoutRefs = json[..start] + json[end..];
        var m = TableMetadataParser.Parse(withoutRefs);
        var main = Assert.Single(m.Refs);
        Assert.Equal(new SnapshotRef(22, SnapshotRefType.Branch), main.Value);
    }

    [Fact]
    public void SchemaJsonRoundTripsDefaults()
    {
        var json = SchemaParser.ToJson(SampleMetadata.Schema);
        Assert.Contains("\"initial-default\":\"10.50\"", json, StringComparison.Ordinal);
        Assert.Contains("\"write-default\":\"-0.25\"", json, StringComparison.Ordinal);
        Assert.Equal(SampleMetadata.Schema, SchemaParser.FromJson(json));
        Assert.Equal(SampleMetadata.Spec, PartitionSpecParser.FromJson(PartitionSpecParser.ToJson(SampleMetadata.Spec)));
        var fromList = PartitionSpecParser.FromJson(PartitionSpecParser.FieldsToJson(SampleMetadata.Spec), specIdForList: 1);
        Assert.Equal(SampleMetadata.Spec, fromList);
    }
}
