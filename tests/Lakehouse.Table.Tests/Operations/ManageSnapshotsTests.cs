using Lakehouse.Table.Catalog;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Operations;

public sealed class ManageSnapshotsTests : IDisposable
{
    private const long T0 = 1_700_000_000_000;
    private readonly string _dir = RepoPaths.NewTempDirectory("manage-snapshots");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>main: 1 &lt;- 2 &lt;- 3; snapshot 4 (parent 2) on no branch.</summary>
    private async Task<TableOperations> CreateAsync()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await TableOperations.CreateTableAsync(catalog, TableIdentifier.Parse("t"), TableOperationsTests.SampleSchema(), time: new FakeTime(T0 + 10_000));
        await ops.CommitAsync(m =>
        {
            var b = TableMetadataBuilder.BuildFrom(m);
            b.AddSnapshot(TableMetadataBuilderTests.Snap(1, null, 1, T0 + 1)).SetBranchSnapshot(1);
            b.AddSnapshot(TableMetadataBuilderTests.Snap(2, 1, 2, T0 + 2)).SetBranchSnapshot(2);
            b.AddSnapshot(TableMetadataBuilderTests.Snap(3, 2, 3, T0 + 3)).SetBranchSnapshot(3);
            b.AddSnapshot(TableMetadataBuilderTests.Snap(4, 2, 4, T0 + 4));
            return b.Build();
        });
        return ops;
    }

    [SkippableFact]
    public async Task BranchesAndTags()
    {
        var ops = await CreateAsync();
        var m = await ops.ManageSnapshots().CreateBranch("dev", 2).CreateTag("v1", 1).CreateBranch("head").CommitAsync();
        Assert.Equal(new SnapshotRef(2, SnapshotRefType.Branch), m.Refs["dev"]);
        Assert.Equal(new SnapshotRef(1, SnapshotRefType.Tag), m.Refs["v1"]);
        Assert.Equal(3, m.Refs["head"].SnapshotId);

        m = await ops.ManageSnapshots().SetMinSnapshotsToKeep("dev", 2).SetMaxSnapshotAgeMs("dev", 1000).SetMaxRefAgeMs("v1", 5000).RenameBranch("head", "tip").ReplaceTag("v1", 2).CommitAsync();
        Assert.Equal(new SnapshotRef(2, SnapshotRefType.Branch, 2, 1000), m.Refs["dev"]);
        Assert.Equal(new SnapshotRef(2, SnapshotRefType.Tag, MaxRefAgeMs: 5000), m.Refs["v1"]);
        Assert.False(m.Refs.ContainsKey("head"));
        Assert.Equal(3, m.Refs["tip"].SnapshotId);

        // Fast-forward dev (at 2) to tip (at 3): 2 is an ancestor of 3; retention settings are kept.
        m = await ops.ManageSnapshots().FastForwardBranch("dev", "tip").CommitAsync();
        Assert.Equal(new SnapshotRef(3, SnapshotRefType.Branch, 2, 1000), m.Refs["dev"]);
        m = await ops.ManageSnapshots().ReplaceBranch("dev", 4).CommitAsync();
        Assert.Contains("snapshot 4 of 'dev' is not an ancestor of snapshot 3", (await Assert.ThrowsAsync<IcebergException>(() => ops.ManageSnapshots().FastForwardBranch("dev", "main").CommitAsync())).Message);

        m = await ops.ManageSnapshots().RemoveBranch("dev").RemoveTag("v1").CommitAsync();
        Assert.Equal(["main", "tip"], m.Refs.Keys.Order());
        Assert.Equal(m, await new TableOperations(ops.Catalog, ops.Identifier).RefreshAsync());

        async Task<string> Fails(Func<ManageSnapshots, ManageSnapshots> change) =>
            (await Assert.ThrowsAsync<IcebergException>(() => change(ops.ManageSnapshots()).CommitAsync())).Message;
        Assert.Contains("a ref with that name already exists", await Fails(u => u.CreateBranch("tip", 1)));
        Assert.Contains("snapshot 99 does not exist", await Fails(u => u.CreateTag("x", 99)));
        Assert.Contains("cannot remove the main branch", await Fails(u => u.RemoveBranch("main")));
        Assert.Contains("ref 'tip' is a branch, not a tag", await Fails(u => u.RemoveTag("tip")));
        Assert.Contains("branch 'nope' does not exist", await Fails(u => u.ReplaceBranch("nope", 1)));
        Assert.Contains("ref 'x' is a tag, not a branch", await Fails(u => u.CreateTag("x", 1).SetMinSnapshotsToKeep("x", 1)));
        MetadataValidation.ValidateFolder(_dir);
    }

    [Fact]
    public async Task RollbackAndSetCurrentSnapshot()
    {
        var ops = await CreateAsync();
        Assert.Contains("not an ancestor of the current snapshot 3", (await Assert.ThrowsAsync<IcebergException>(() => ops.ManageSnapshots().RollbackTo(4).CommitAsync())).Message);
        var m = await ops.ManageSnapshots().RollbackTo(1).CommitAsync();
        Assert.Equal(1, m.CurrentSnapshotId);
        Assert.Equal(1, m.Refs["main"].SnapshotId);
        Assert.Equal(new SnapshotLogEntry(T0 + 10_000, 1), m.SnapshotLog[^1]);

        m = await ops.ManageSnapshots().SetCurrentSnapshot(4).CommitAsync();
        Assert.Equal(4, m.CurrentSnapshotId);
        m = await ops.ManageSnapshots().RollbackToTime(T0 + 2).CommitAsync();
        Assert.Equal(1, m.CurrentSnapshotId);
        Assert.Equal([3L, 1, 4, 1], m.SnapshotLog.Skip(1).Select(e => e.SnapshotId).TakeLast(4));
        Assert.Equal(4, m.Snapshots.Count);
    }

    [Fact]
    public async Task ExpiryFollowsRefRetention()
    {
        var ops = await CreateAsync();
        await ops.ManageSnapshots().CreateBranch("dev", 4).SetMaxSnapshotAgeMs("dev", 100).CreateTag("old", 1).SetMaxRefAgeMs("old", 5000).CreateTag("fresh", 3).SetMaxRefAgeMs("fresh", 50_000).CommitAsync();
        var result = await ops.ExpireSnapshots().ExpireOlderThan(T0 + 3).RetainLast(1).CleanExpiredFiles(false).ExecuteAsync();
        Assert.Equal([1L, 2], result.ExpiredSnapshotIds.Order());
        Assert.Equal(["old"], result.RemovedRefs);
        var m = await ops.RefreshAsync();
        Assert.Equal([3L, 4], m.Snapshots.Select(s => s.SnapshotId).Order());
        Assert.Equal(["dev", "fresh", "main"], m.Refs.Keys.Order());
        Assert.Equal([new SnapshotLogEntry(T0 + 3, 3)], m.SnapshotLog);
    }

    [Fact]
    public async Task MinSnapshotsToKeepAndUnreferencedSnapshots()
    {
        var ops = await CreateAsync();
        await ops.ManageSnapshots().SetMinSnapshotsToKeep("main", 3).CommitAsync();

        // main keeps 3 ancestors whatever their age; snapshot 4 (on no ref) is kept while not older than the threshold.
        var result = await ops.ExpireSnapshots().ExpireOlderThan(T0 + 4).CleanExpiredFiles(false).ExecuteAsync();
        Assert.Empty(result.ExpiredSnapshotIds);
        result = await ops.ExpireSnapshots().ExpireOlderThan(T0 + 5).CleanExpiredFiles(false).ExecuteAsync();
        Assert.Equal([4L], result.ExpiredSnapshotIds);
        result = await ops.ExpireSnapshots().ExpireSnapshotId(1).CleanExpiredFiles(false).ExecuteAsync();
        Assert.Equal([1L], result.ExpiredSnapshotIds);
        Assert.Equal([2L, 3], (await ops.RefreshAsync()).Snapshots.Select(s => s.SnapshotId).Order());
    }
}
