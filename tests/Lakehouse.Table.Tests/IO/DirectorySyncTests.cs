using Lakehouse.Table.IO;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Tests.Operations;
using Lakehouse.Table.Tests.Writing;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.IO;

public sealed class DirectorySyncTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("dir-sync");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string FolderOf(string location) => Path.GetDirectoryName(Path.GetFullPath(LocalFileIO.ToPath(location)))!;

    [Fact]
    public async Task NewFileFolderIsDeferredUntilSync()
    {
        var location = Path.Combine(_dir, "sub", "a.bin");
        var stream = await LocalFileIO.Instance.NewOutputFile(location).CreateAsync();
        await using (stream)
        {
            await stream.WriteAsync(new byte[] { 1, 2, 3 });
        }

        Assert.True(File.Exists(location));
        await ((IFileIO)LocalFileIO.Instance).SyncAsync();
        Assert.False(DirectorySync.IsPending(FolderOf(location)));
    }

    [Fact]
    public async Task CommitSyncsEveryReferencedFolderBeforeReturning()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "db.events");
        var writer = ops.NewDataWriter();
        await writer.WriteAsync(WriteFixture.Batch(0, 200));
        var files = await writer.CompleteAsync();
        var committed = await ops.NewFastAppend().AppendAll(files).CommitAsync();

        // Data folders, the manifest folder and the metadata folder: none may still wait for its fsync once the
        // snapshot is current.
        Assert.All(files, f => Assert.False(DirectorySync.IsPending(FolderOf(f.FilePath))));
        Assert.False(DirectorySync.IsPending(FolderOf(committed.CurrentSnapshot!.ManifestList!)));
        Assert.False(DirectorySync.IsPending(FolderOf(committed.MetadataFileLocation!)));
        Assert.Equal(WriteFixture.Expected(0, 200), await WriteFixture.ReadRowsAsync(committed));
    }
}
