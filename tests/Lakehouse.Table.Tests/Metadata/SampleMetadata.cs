using System.Numerics;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Tests.Metadata;

/// <summary>A v2 table metadata model that uses every feature of the model.</summary>
internal static class SampleMetadata
{
    public static Schema Schema { get; } = new(
        1,
        [
            NestedField.Required(1, "id", PrimitiveType.Long),
            NestedField.Optional(2, "ts", PrimitiveType.TimestampTz, "event time"),
            NestedField.Optional(3, "name", PrimitiveType.String),
            new NestedField(4, "price", PrimitiveType.Decimal(10, 2), false, null, new BigInteger(1050), new BigInteger(-25)),
            NestedField.Optional(5, "location", new StructType([NestedField.Required(6, "lat", PrimitiveType.Double), NestedField.Required(7, "long", PrimitiveType.Double)])),
            NestedField.Optional(8, "tags", new ListType(9, PrimitiveType.String, true)),
            NestedField.Optional(10, "props", new MapType(11, PrimitiveType.String, 12, PrimitiveType.Int, false)),
            NestedField.Optional(13, "uid", PrimitiveType.Uuid),
            NestedField.Optional(14, "day", PrimitiveType.Date),
            NestedField.Optional(15, "blob", PrimitiveType.Fixed(4)),
        ],
        [1]);

    public static PartitionSpec Spec { get; } = new(
        1,
        [
            new PartitionField(2, 1000, "ts_day", Transform.Day),
            new PartitionField(1, 1001, "id_bucket", Transform.Bucket(16)),
            new PartitionField(3, 1002, "name_trunc", Transform.Truncate(4)),
        ]);

    public static TableMetadata Create(int formatVersion = 2) => new()
    {
        FormatVersion = formatVersion,
        TableUuid = "fb072c92-a02b-11e9-ae9c-1bb7bc9eca94",
        Location = "s3://bucket/warehouse/db/events",
        LastSequenceNumber = 2,
        LastUpdatedMs = 1_700_000_002_000,
        LastColumnId = 15,
        Schemas = [new Schema(0, [NestedField.Required(1, "id", PrimitiveType.Long)]), Schema],
        CurrentSchemaId = 1,
        PartitionSpecs = [PartitionSpec.Unpartitioned, Spec],
        DefaultSpecId = 1,
        LastPartitionId = 1002,
        Properties = new Dictionary<string, string>
        {
            ["write.format.default"] = "parquet",
            [NameMapping.DefaultPropertyKey] = """[{"field-id": 1, "names": ["id", "record_id"]}, {"field-id": 5, "names": ["location"], "fields": [{"field-id": 6, "names": ["lat", "latitude"]}]}]""",
        },
        CurrentSnapshotId = 22,
        Snapshots =
        [
            new Snapshot
            {
                SnapshotId = 11,
                SequenceNumber = 1,
                TimestampMs = 1_700_000_001_000,
                ManifestList = "s3://bucket/warehouse/db/events/metadata/snap-11.avro",
                Summary = new Dictionary<string, string> { ["operation"] = "append", ["added-records"] = "10" },
                SchemaId = 0,
            },
            new Snapshot
            {
                SnapshotId = 22,
                ParentSnapshotId = 11,
                SequenceNumber = 2,
                TimestampMs = 1_700_000_002_000,
                ManifestList = "s3://bucket/warehouse/db/events/metadata/snap-22.avro",
                Summary = new Dictionary<string, string> { ["operation"] = "overwrite" },
                SchemaId = 1,
            },
        ],
        SnapshotLog = [new SnapshotLogEntry(1_700_000_001_000, 11), new SnapshotLogEntry(1_700_000_002_000, 22)],
        MetadataLog = [new MetadataLogEntry(1_700_000_001_000, "s3://bucket/warehouse/db/events/metadata/00001.metadata.json")],
        SortOrders = [SortOrder.Unsorted, new SortOrder(1, [new SortField(2, Transform.Day, SortDirection.Desc, NullOrder.NullsLast), new SortField(3, Transform.Identity, SortDirection.Asc, NullOrder.NullsFirst)])],
        DefaultSortOrderId = 1,
        Refs = new Dictionary<string, SnapshotRef>
        {
            ["main"] = new(22, SnapshotRefType.Branch),
            ["audit"] = new(11, SnapshotRefType.Branch, 5, 86_400_000, 604_800_000),
            ["v1.0"] = new(11, SnapshotRefType.Tag, MaxRefAgeMs: 1_000_000),
        },
        Statistics =
        [
            new StatisticsFile
            {
                SnapshotId = 22,
                StatisticsPath = "s3://bucket/warehouse/db/events/metadata/stats-22.puffin",
                FileSizeInBytes = 413,
                FileFooterSizeInBytes = 42,
                BlobMetadata = [new BlobMetadata { Type = "apache-datasketches-theta-v1", SourceSnapshotId = 22, SourceSnapshotSequenceNumber = 2, Fields = [1], Properties = new Dictionary<string, string> { ["ndv"] = "10" } }],
            },
        ],
        PartitionStatistics = [new PartitionStatisticsFile(22, "s3://bucket/warehouse/db/events/metadata/partition-stats-22.parquet", 1234)],
        NextRowId = formatVersion >= 3 ? 100 : null,
    };
}
