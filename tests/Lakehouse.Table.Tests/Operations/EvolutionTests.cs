using Lakehouse.Table.Catalog;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Operations;

/// <summary>Partition spec evolution, sort order replacement and property updates.</summary>
public sealed class EvolutionTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("evolution");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<TableOperations> CreateAsync(int formatVersion, PartitionSpec? spec = null)
    {
        var catalog = new InMemoryCatalog(_dir);
        return await TableOperations.CreateTableAsync(catalog, TableIdentifier.Parse($"v{formatVersion}"), TableOperationsTests.SampleSchema(), spec, properties: new Dictionary<string, string> { ["format-version"] = $"{formatVersion}" });
    }

    [SkippableFact]
    public async Task V2SpecEvolutionContinuesFieldIdsAndDropsRemovedFields()
    {
        var ops = await CreateAsync(2, new PartitionSpec(0, [new PartitionField(30, 1000, "ts_day", Transform.Day)]));
        var m = await ops.UpdateSpec().AddField("id", Transform.Bucket(16)).AddField("data", Transform.Truncate(4)).AddField("data").CommitAsync();
        Assert.Equal(1, m.DefaultSpecId);
        Assert.Equal(
            [(1000, "ts_day", "day"), (1001, "id_bucket_16", "bucket[16]"), (1002, "data_trunc_4", "truncate[4]"), (1003, "data", "identity")],
            m.DefaultSpec.Fields.Select(f => (f.FieldId, f.Name, f.Transform.ToString())));
        Assert.Equal(1003, m.LastPartitionId);

        m = await ops.UpdateSpec().RemoveField("ts_day").RemoveField("data", Transform.Identity).RenameField("id_bucket_16", "shard").AddField("ts", Transform.Hour, "hr").CommitAsync();
        Assert.Equal(2, m.DefaultSpecId);
        Assert.Equal([(1001, "shard"), (1002, "data_trunc_4"), (1004, "hr")], m.DefaultSpec.Fields.Select(f => (f.FieldId, f.Name)));
        Assert.Equal(1004, m.LastPartitionId);

        // Re-adding a field that an earlier spec had reuses its field id.
        m = await ops.UpdateSpec().AddField("ts", Transform.Day).CommitAsync();
        Assert.Equal(1000, m.DefaultSpec.Fields[^1].FieldId);
        Assert.Equal("ts_day", m.DefaultSpec.Fields[^1].Name);
        Assert.Equal(1004, m.LastPartitionId);
        Assert.Equal(4, m.PartitionSpecs.Count);

        Assert.Contains("duplicate partition field bucket[16](id)", (await Assert.ThrowsAsync<IcebergException>(() => ops.UpdateSpec().AddField("id", Transform.Bucket(16)).CommitAsync())).Message);
        Assert.Contains("cannot remove partition field 'nope'", (await Assert.ThrowsAsync<IcebergException>(() => ops.UpdateSpec().RemoveField("nope").CommitAsync())).Message);
        Assert.Contains("does not apply to string", (await Assert.ThrowsAsync<IcebergException>(() => ops.UpdateSpec().AddField("data", Transform.Day).CommitAsync())).Message);
        Assert.Contains("column 'zzz'", (await Assert.ThrowsAsync<IcebergException>(() => ops.UpdateSpec().AddField("zzz").CommitAsync())).Message);

        var reloaded = await new TableOperations(ops.Catalog, ops.Identifier).RefreshAsync();
        Assert.Equal(m, reloaded);
        MetadataValidation.ValidateFolder(_dir);
    }

    [Fact]
    public async Task V1RemovalBecomesVoidAndIdsStaySequential()
    {
        var ops = await CreateAsync(1, new PartitionSpec(0, [new PartitionField(30, 1000, "ts_day", Transform.Day), new PartitionField(10, 1001, "id", Transform.Identity)]));
        var m = await ops.UpdateSpec().RemoveField("ts_day").AddField("data", Transform.Truncate(2)).CommitAsync();
        Assert.Equal(1, m.FormatVersion);
        Assert.Equal(
            [(1000, "ts_day", "void"), (1001, "id", "identity"), (1002, "data_trunc_2", "truncate[2]")],
            m.DefaultSpec.Fields.Select(f => (f.FieldId, f.Name, f.Transform.ToString())));
        var reloaded = await new TableOperations(ops.Catalog, ops.Identifier).RefreshAsync();
        Assert.Equal(m.DefaultSpec, reloaded.DefaultSpec);
        Assert.Equal(1002, reloaded.LastPartitionId);
    }

    [Fact]
    public async Task ReplaceSortOrderAddsOrderAndReusesEqualOnes()
    {
        var ops = await CreateAsync(2);
        var m = await ops.ReplaceSortOrder().Asc("data").Desc("ts", Transform.Day).CommitAsync();
        Assert.Equal(1, m.DefaultSortOrderId);
        Assert.Equal(
            [(2, "identity", SortDirection.Asc, NullOrder.NullsFirst), (3, "day", SortDirection.Desc, NullOrder.NullsLast)],
            m.DefaultSortOrder.Fields.Select(f => (f.SourceId, f.Transform.ToString(), f.Direction, f.NullOrder)));
        m = await ops.ReplaceSortOrder().CommitAsync();
        Assert.Equal(0, m.DefaultSortOrderId);
        m = await ops.ReplaceSortOrder().Asc("data").Desc("ts", Transform.Day).CommitAsync();
        Assert.Equal(1, m.DefaultSortOrderId);
        Assert.Equal(2, m.SortOrders.Count);
        await Assert.ThrowsAsync<IcebergException>(() => ops.ReplaceSortOrder().Asc("nope").CommitAsync());
        Assert.Equal(m, await new TableOperations(ops.Catalog, ops.Identifier).RefreshAsync());
    }

    [Fact]
    public async Task UpdatePropertiesSetsRemovesAndUpgradesFormat()
    {
        var ops = await CreateAsync(1);
        var m = await ops.UpdateProperties().Set("a", "1").Set("b", "2").CommitAsync();
        m = await ops.UpdateProperties().Remove("a").Set("format-version", "2").CommitAsync();
        Assert.Equal(2, m.FormatVersion);
        Assert.Equal(new Dictionary<string, string> { ["b"] = "2" }, m.Properties);
        Assert.Throws<IcebergException>(() => ops.UpdateProperties().Set("x", "1").Remove("x"));
        await Assert.ThrowsAsync<IcebergException>(() => ops.UpdateProperties().Set("format-version", "1").CommitAsync());
        var reloaded = await new TableOperations(ops.Catalog, ops.Identifier).RefreshAsync();
        Assert.Equal(2, reloaded.FormatVersion);
    }
}
