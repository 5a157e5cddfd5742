using Lakehouse.Table.Catalog;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Operations;

public sealed class TableOperationsTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("table-ops");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static Schema SampleSchema() => new(
    [
        NestedField.Required(10, "id", PrimitiveType.Long),
        NestedField.Optional(20, "data", PrimitiveType.String),
        NestedField.Optional(30, "ts", PrimitiveType.TimestampTz),
    ]);

    [Fact]
    public async Task CreateWritesVersionZeroAndRegisters()
    {
        var catalog = new InMemoryCatalog(_dir);
        var id = TableIdentifier.Parse("db.t");
        var schema = SampleSchema();
        var spec = new PartitionSpec(7, [new PartitionField(30, 5000, "ts_day", Transform.Day)]);
        var ops = await TableOperations.CreateTableAsync(catalog, id, schema, spec, properties: new Dictionary<string, string> { ["k"] = "v" });
        var location = await catalog.LoadMetadataLocationAsync(id);
        Assert.StartsWith(_dir + "/db/t/metadata/00000-", location);
        Assert.EndsWith(".metadata.json", location);
        var loaded = await ops.RefreshAsync();
        Assert.Equal([1, 2, 3], loaded.CurrentSchema.Fields.Select(f => f.Id));
        Assert.Equal(3, loaded.LastColumnId);
        Assert.Equal(1000, loaded.DefaultSpec.Fields[0].FieldId);
        Assert.Equal(3, loaded.DefaultSpec.Fields[0].SourceId);
        Assert.Equal(1000, loaded.LastPartitionId);
        Assert.Equal("v", loaded.Properties["k"]);
        Assert.Empty(loaded.MetadataLog);
        Assert.Null(loaded.CurrentSnapshotId);

        await Assert.ThrowsAsync<IcebergException>(() => TableOperations.CreateTableAsync(catalog, id, schema));
        Assert.Single(Directory.GetFiles(Path.Combine(_dir, "db", "t", "metadata")));
    }

    [Fact]
    public async Task CommitWritesNextVersionAndLogsPreviousFile()
    {
        var catalog = new InMemoryCatalog(_dir);
        var id = TableIdentifier.Parse("t");
        var ops = await TableOperations.CreateTableAsync(catalog, id, SampleSchema());
        var base0 = await ops.RefreshAsync();
        var next = TableMetadataBuilder.BuildFrom(base0).SetProperties(new Dictionary<string, string> { ["a"] = "1" }).Build();
        var committed = await ops.CommitAsync(base0, next);
        Assert.Contains("/metadata/00001-", committed.MetadataFileLocation);
        Assert.Equal(committed.MetadataFileLocation, await catalog.LoadMetadataLocationAsync(id));
        var reloaded = await new TableOperations(catalog, id).RefreshAsync();
        Assert.Equal(committed, reloaded);
        Assert.Equal(base0.MetadataFileLocation, Assert.Single(reloaded.MetadataLog).MetadataFile);
    }

    [Fact]
    public async Task LostRaceDeletesItsFileAndThrows()
    {
        var catalog = new InMemoryCatalog(_dir);
        var id = TableIdentifier.Parse("t");
        var ops = await TableOperations.CreateTableAsync(catalog, id, SampleSchema());
        var base0 = await ops.RefreshAsync();
        var other = new TableOperations(catalog, id);
        await other.CommitAsync(base0, TableMetadataBuilder.BuildFrom(base0).SetProperties(new Dictionary<string, string> { ["winner"] = "yes" }).Build());
        await Assert.ThrowsAsync<CommitConflictException>(() => ops.CommitAsync(base0, TableMetadataBuilder.BuildFrom(base0).SetProperties(new Dictionary<string, string> { ["loser"] = "yes" }).Build()));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_dir, "t", "metadata")).Length);
    }

    [Fact]
    public async Task RetryReappliesChangeOnRefreshedMetadata()
    {
        var catalog = new InMemoryCatalog(_dir);
        var id = TableIdentifier.Parse("t");
        var ops = await TableOperations.CreateTableAsync(catalog, id, SampleSchema(), properties: new Dictionary<string, string> { [TableProperties.CommitMinRetryWaitMs] = "1" });
        await ops.RefreshAsync();
        catalog.BeforeCommit = async _ =>
        {
            var other = new TableOperations(catalog, id);
            await other.CommitAsync(m => TableMetadataBuilder.BuildFrom(m).SetProperties(new Dictionary<string, string> { ["first"] = "1" }).Build());
        };
        var calls = 0;
        var result = await ops.CommitAsync(m =>
        {
            calls++;
            return TableMetadataBuilder.BuildFrom(m).SetProperties(new Dictionary<string, string> { ["second"] = "2" }).Build();
        });
        Assert.Equal(2, calls);
        Assert.Equal("1", result.Properties["first"]);
        Assert.Equal("2", result.Properties["second"]);
        Assert.Contains("/00002-", result.MetadataFileLocation);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(_dir, "t", "metadata")).Length);
    }

    [Fact]
    public async Task GzipCodecAndDeleteAfterCommit()
    {
        var catalog = new InMemoryCatalog(_dir);
        var id = TableIdentifier.Parse("t");
        var ops = await TableOperations.CreateTableAsync(catalog, id, SampleSchema(), properties: new Dictionary<string, string>
        {
            [TableProperties.MetadataCompression] = "gzip",
            [TableProperties.MetadataPreviousVersionsMax] = "2",
            [TableProperties.MetadataDeleteAfterCommitEnabled] = "true",
        });
        for (var i = 0; i < 5; i++)
        {
            await ops.CommitAsync(m => TableMetadataBuilder.BuildFrom(m).SetProperties(new Dictionary<string, string> { ["i"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }).Build());
        }

        var current = await new TableOperations(catalog, id).RefreshAsync();
        Assert.EndsWith(".gz.metadata.json", current.MetadataFileLocation);
        Assert.Equal(2, current.MetadataLog.Count);
        var files = Directory.GetFiles(Path.Combine(_dir, "t", "metadata")).Order().ToList();
        Assert.Equal(3, files.Count);
        Assert.Equal(current.MetadataLog.Select(e => e.MetadataFile).Append(current.MetadataFileLocation!).Order(), files);
    }
}
