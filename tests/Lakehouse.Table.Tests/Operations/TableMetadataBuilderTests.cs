using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using Xunit;

namespace Lakehouse.Table.Tests.Operations;

public sealed class TableMetadataBuilderTests
{
    private const long T0 = 1_700_000_000_000;

    internal static TableMetadata NewTable(int formatVersion = 2, FakeTime? time = null) =>
        TableMetadataBuilder.NewTableMetadata(TableOperationsTests.SampleSchema(), null, null, "/warehouse/t", null, formatVersion, time ?? new FakeTime(T0));

    internal static Snapshot Snap(long id, long? parent, long seq, long ts) => new()
    {
        SnapshotId = id,
        ParentSnapshotId = parent,
        SequenceNumber = seq,
        TimestampMs = ts,
        ManifestList = $"/warehouse/t/metadata/snap-{id}.avro",
        Summary = new Dictionary<string, string> { ["operation"] = "append" },
        SchemaId = 0,
    };

    [Fact]
    public void NewTableAssignsFreshIdsLikeTheReferenceImplementation()
    {
        var schema = new Schema(
            5,
            [
                NestedField.Required(100, "id", PrimitiveType.Long),
                NestedField.Optional(200, "point", new StructType([NestedField.Required(201, "x", PrimitiveType.Double), NestedField.Required(202, "y", PrimitiveType.Double)])),
                NestedField.Optional(300, "tags", new ListType(301, new StructType([NestedField.Optional(302, "k", PrimitiveType.String)]), true)),
                NestedField.Optional(400, "props", new MapType(401, PrimitiveType.String, 402, PrimitiveType.Int, false)),
                NestedField.Required(500, "ts", PrimitiveType.Timestamp),
            ],
            [100]);
        var spec = new PartitionSpec(3, [new PartitionField(500, 7, "ts_hour", Transform.Hour), new PartitionField(100, 9, "id_bucket", Transform.Bucket(8))]);
        var order = new SortOrder(4, [new SortField(201, Transform.Identity, SortDirection.Desc, NullOrder.NullsLast)]);
        var m = TableMetadataBuilder.NewTableMetadata(schema, spec, order, "s3://b/t/", new Dictionary<string, string> { ["format-version"] = "1", ["a"] = "b" }, time: new FakeTime(T0));

        // Top-level fields 1..5, then point's children, then the list element and its struct, then map key/value.
        var s = m.CurrentSchema;
        Assert.Equal(0, s.SchemaId);
        Assert.Equal([1, 2, 3, 4, 5], s.Fields.Select(f => f.Id));
        Assert.Equal([6, 7], s.Field("point").Type.AsStruct().Fields.Select(f => f.Id));
        var tags = (ListType)s.Field("tags").Type;
        Assert.Equal(8, tags.ElementId);
        Assert.Equal(9, tags.ElementType.AsStruct().Fields[0].Id);
        var props = (MapType)s.Field("props").Type;
        Assert.Equal((10, 11), (props.KeyId, props.ValueId));
        Assert.Equal(11, m.LastColumnId);
        Assert.Equal([1], s.IdentifierFieldIds);

        Assert.Equal(1, m.FormatVersion);
        Assert.False(m.Properties.ContainsKey("format-version"));
        Assert.Equal("s3://b/t", m.Location);
        Assert.Equal(0, m.DefaultSpecId);
        Assert.Equal([(5, 1000), (1, 1001)], m.DefaultSpec.Fields.Select(f => (f.SourceId, f.FieldId)));
        Assert.Equal(1001, m.LastPartitionId);
        Assert.Equal(1, m.DefaultSortOrderId);
        Assert.Equal(6, m.DefaultSortOrder.Fields[0].SourceId);
        Assert.Equal(T0, m.LastUpdatedMs);
        Assert.True(Guid.TryParse(m.TableUuid, out _));
    }

    [Fact]
    public void UnsortedUnpartitionedTableUsesIdsZero()
    {
        var m = NewTable();
        Assert.Equal(0, m.DefaultSortOrderId);
        Assert.True(m.DefaultSortOrder.IsUnsorted);
        Assert.Equal(0, m.DefaultSpecId);
        Assert.Equal(999, m.LastPartitionId);
    }

    [Fact]
    public void AddSnapshotAndMoveMainMaintainLogsAndSequenceNumbers()
    {
        var time = new FakeTime(T0 + 5000);
        var m0 = NewTable().WithMetadataFileLocation("/warehouse/t/metadata/00000-a.metadata.json");
        var m1 = TableMetadataBuilder.BuildFrom(m0, time).AddSnapshot(Snap(1, null, 1, T0 + 100)).SetBranchSnapshot(1).Build();
        Assert.Equal(1, m1.CurrentSnapshotId);
        Assert.Equal(1, m1.LastSequenceNumber);
        Assert.Equal(T0 + 100, m1.LastUpdatedMs);
        Assert.Equal([new SnapshotLogEntry(T0 + 100, 1)], m1.SnapshotLog);
        Assert.Equal([new MetadataLogEntry(m0.LastUpdatedMs, m0.MetadataFileLocation!)], m1.MetadataLog);
        Assert.Equal(new SnapshotRef(1, SnapshotRefType.Branch), m1.Refs["main"]);

        var m1f = m1.WithMetadataFileLocation("/warehouse/t/metadata/00001-b.metadata.json");
        var b = TableMetadataBuilder.BuildFrom(m1f, time);
        Assert.Throws<IcebergException>(() => b.AddSnapshot(Snap(2, 1, 1, T0 + 200)));
        Assert.Throws<IcebergException>(() => b.AddSnapshot(Snap(1, null, 5, T0 + 200)));
        b.AddSnapshot(Snap(2, 1, 2, T0 + 200)).SetBranchSnapshot(2, "dev");
        var m2 = b.Build();
        Assert.Equal(1, m2.CurrentSnapshotId);
        Assert.Equal(2, m2.LastSequenceNumber);
        Assert.Single(m2.SnapshotLog);
        Assert.Equal(2, m2.Refs["dev"].SnapshotId);
        Assert.Equal(2, m2.MetadataLog.Count);

        // Moving main to an existing snapshot logs it at the commit time.
        var m3 = TableMetadataBuilder.BuildFrom(m2, time).SetBranchSnapshot(2).Build();
        Assert.Equal(new SnapshotLogEntry(T0 + 5000, 2), m3.SnapshotLog[^1]);
        Assert.Equal(T0 + 5000, m3.LastUpdatedMs);
    }

    [Fact]
    public void RemoveSnapshotsDropsRefsStatisticsAndTruncatesTheSnapshotLog()
    {
        var time = new FakeTime(T0 + 5000);
        var b = TableMetadataBuilder.BuildFrom(NewTable(), time);
        b.AddSnapshot(Snap(1, null, 1, T0 + 1)).SetBranchSnapshot(1);
        b.AddSnapshot(Snap(2, 1, 2, T0 + 2)).SetBranchSnapshot(2);
        b.AddSnapshot(Snap(3, 2, 3, T0 + 3)).SetBranchSnapshot(3);
        b.SetRef("old", new SnapshotRef(1, SnapshotRefType.Tag));
        b.SetStatistics(new StatisticsFile { SnapshotId = 1, StatisticsPath = "/s.puffin", FileSizeInBytes = 1, FileFooterSizeInBytes = 1, BlobMetadata = [] });
        var m = b.Build();
        Assert.Equal(3, m.SnapshotLog.Count);

        var after = TableMetadataBuilder.BuildFrom(m, time).RemoveSnapshots([2, 1]).Build();
        Assert.Equal([3L], after.Snapshots.Select(s => s.SnapshotId));
        Assert.False(after.Refs.ContainsKey("old"));
        Assert.Empty(after.Statistics);
        Assert.Equal([new SnapshotLogEntry(T0 + 3, 3)], after.SnapshotLog);
        Assert.Equal(3, after.LastSequenceNumber);
    }

    [Fact]
    public void MetadataLogIsTrimmedToPreviousVersionsMax()
    {
        var m = TableMetadataBuilder.BuildFrom(NewTable()).SetProperties(new Dictionary<string, string> { [TableProperties.MetadataPreviousVersionsMax] = "3" }).Build();
        for (var i = 0; i < 6; i++)
        {
            m = m.WithMetadataFileLocation($"/warehouse/t/metadata/{i:00000}.metadata.json");
            m = TableMetadataBuilder.BuildFrom(m).SetProperties(new Dictionary<string, string> { ["i"] = $"{i}" }).Build();
        }

        Assert.Equal(["00003", "00004", "00005"], m.MetadataLog.Select(e => Path.GetFileName(e.MetadataFile)[..5]));
    }

    [Fact]
    public void SchemaSpecAndOrderAreReusedWhenEqual()
    {
        var m = NewTable();
        var b = TableMetadataBuilder.BuildFrom(m);
        Assert.Equal(0, b.AddSchema(m.CurrentSchema.WithSchemaId(9)));
        var widened = new Schema(0, [NestedField.Required(1, "id", PrimitiveType.Long), NestedField.Optional(4, "x", PrimitiveType.Int)]);
        Assert.Equal(1, b.AddSchema(widened, 4));
        b.SetCurrentSchema(TableMetadataBuilder.LastAdded);
        Assert.Throws<IcebergException>(() => b.AddSchema(widened, 3));
        var spec = new PartitionSpec(0, [new PartitionField(1, 1000, "id", Transform.Identity)]);
        Assert.Equal(1, b.AddPartitionSpec(spec));
        Assert.Equal(1, b.AddPartitionSpec(spec));
        var order = new SortOrder(0, [new SortField(1, Transform.Identity, SortDirection.Asc, NullOrder.NullsFirst)]);
        Assert.Equal(1, b.AddSortOrder(order));
        Assert.Equal(1, b.AddSortOrder(order));
        Assert.Equal(0, b.AddSortOrder(SortOrder.Unsorted));
        var built = b.Build();
        Assert.Equal(1, built.CurrentSchemaId);
        Assert.Equal(4, built.LastColumnId);
        Assert.Equal(1000, built.LastPartitionId);
        Assert.Equal(2, built.PartitionSpecs.Count);
    }

    [Fact]
    public void InvalidUpdatesAreRejected()
    {
        var m = NewTable();
        var b = TableMetadataBuilder.BuildFrom(m);
        Assert.Contains("unknown schema id 7", Assert.Throws<IcebergException>(() => b.SetCurrentSchema(7)).Message);
        Assert.Contains("unknown snapshot 42", Assert.Throws<IcebergException>(() => b.SetBranchSnapshot(42)).Message);
        Assert.Contains("downgrade", Assert.Throws<IcebergException>(() => b.UpgradeFormatVersion(1)).Message);
        Assert.Contains("reassign", Assert.Throws<IcebergException>(() => b.AssignUUID(Guid.NewGuid().ToString())).Message);
        Assert.Contains("reserved", Assert.Throws<IcebergException>(() => b.SetProperties(new Dictionary<string, string> { ["format-version"] = "3" })).Message);
        Assert.Contains("unknown source column id 99", Assert.Throws<IcebergException>(() => b.AddPartitionSpec(new PartitionSpec(0, [new PartitionField(99, 1000, "x", Transform.Identity)]))).Message);
        b.AddSnapshot(Snap(1, null, 1, T0));
        Assert.Contains("must be a branch", Assert.Throws<IcebergException>(() => b.SetRef("main", new SnapshotRef(1, SnapshotRefType.Tag))).Message);
        Assert.Contains("cannot have min-snapshots-to-keep", Assert.Throws<IcebergException>(() => b.SetRef("t", new SnapshotRef(1, SnapshotRefType.Tag, MinSnapshotsToKeep: 2))).Message);
        Assert.Same(m, TableMetadataBuilder.BuildFrom(m).Build());
    }

    [Fact]
    public void UpgradeV1ToV2RoundTripsThroughTheWriter()
    {
        var v1 = NewTable(formatVersion: 1);
        var b = TableMetadataBuilder.BuildFrom(v1);
        b.AddSnapshot(new Snapshot { SnapshotId = 5, TimestampMs = T0 + 1, ManifestList = "/warehouse/t/metadata/snap-5.avro", Summary = new Dictionary<string, string> { ["operation"] = "append" } }).SetBranchSnapshot(5);
        var withSnapshot = b.Build();
        var v2 = TableMetadataBuilder.BuildFrom(withSnapshot).UpgradeFormatVersion(2).Build();
        Assert.Equal(2, v2.FormatVersion);
        Assert.Equal(0, v2.LastSequenceNumber);
        var reparsed = TableMetadataParser.Parse(TableMetadataWriter.ToUtf8Bytes(v2));
        Assert.Equal(v2, reparsed);
        var v2next = TableMetadataBuilder.BuildFrom(reparsed).AddSnapshot(Snap(6, 5, 1, T0 + 2)).SetBranchSnapshot(6).Build();
        Assert.Equal(1, v2next.LastSequenceNumber);
    }

    [Fact]
    public void V3SnapshotsAdvanceNextRowId()
    {
        var m = NewTable(formatVersion: 3);
        Assert.Equal(0, m.NextRowId);
        var b = TableMetadataBuilder.BuildFrom(m);
        var s = Snap(1, null, 1, T0);
        b.AddSnapshot(new Snapshot { SnapshotId = 1, SequenceNumber = 1, TimestampMs = T0, ManifestList = s.ManifestList, Summary = s.Summary, FirstRowId = 0, AddedRows = 25 });
        Assert.Equal(25, b.NextRowId);
        Assert.Throws<IcebergException>(() => b.AddSnapshot(new Snapshot { SnapshotId = 2, ParentSnapshotId = 1, SequenceNumber = 2, TimestampMs = T0, ManifestList = s.ManifestList, FirstRowId = 10, AddedRows = 1 }));
    }
}
