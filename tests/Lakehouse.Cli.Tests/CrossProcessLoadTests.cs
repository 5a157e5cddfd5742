using System.Diagnostics;
using Lakehouse.Table.Catalog;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Cli.Tests;

/// <summary>
/// Several <c>lakehouse load</c> processes commit to one table through one SQLite catalog file at the same time: every
/// acknowledged load is in the table exactly once and the snapshots form one chain.
/// </summary>
public sealed class CrossProcessLoadTests : IDisposable
{
    private readonly string _directory = RepoPaths.NewTempDirectory("cli-xproc");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [SkippableFact]
    public async Task ConcurrentProcessesCommitEveryLoadOnce()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "lakehouse.dll");
        Skip.If(!File.Exists(cli), "lakehouse.dll is not beside the tests");
        var warehouse = Path.Combine(_directory, "warehouse");
        Assert.Equal(0, CliRunner.Run("table", "create", "db.t", "-s", "id long not null, writer int", "--warehouse", warehouse).ExitCode);

        const int processes = 4;
        const int loadsEach = 3;
        var workers = Enumerable.Range(0, processes).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < loadsEach; i++)
            {
                var file = Path.Combine(_directory, $"w{w}-{i}.jsonl");
                await File.WriteAllTextAsync(file, $"{{\"id\": {(w * 1000) + i}, \"writer\": {w}}}\n{{\"id\": {(w * 1000) + i + 500}, \"writer\": {w}}}\n");
                var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var arg in new[] { cli, "load", "db.t", file, "--warehouse", warehouse })
                {
                    psi.ArgumentList.Add(arg);
                }

                using var process = Process.Start(psi)!;
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.True(process.ExitCode == 0, $"{await stderr}{await stdout}");
            }
        })).ToArray();
        await Task.WhenAll(workers);

        await using var catalog = CatalogFactory.Open(warehouse);
        var table = await catalog.LoadTableAsync(TableIdentifier.Parse("db.t"));
        var snapshots = table.Metadata.Snapshots;
        Assert.Equal(processes * loadsEach, snapshots.Count);

        // One chain: each snapshot's parent is the one before it, ending at the current snapshot.
        var byParent = snapshots.Where(s => s.ParentSnapshotId is not null).ToDictionary(s => s.ParentSnapshotId!.Value);
        var cursor = snapshots.Single(s => s.ParentSnapshotId is null);
        var length = 1;
        while (byParent.TryGetValue(cursor.SnapshotId, out var next))
        {
            cursor = next;
            length++;
        }

        Assert.Equal(snapshots.Count, length);
        Assert.Equal(table.Metadata.CurrentSnapshotId, cursor.SnapshotId);

        var ids = new List<long>();
        await foreach (var batch in table.NewScan().Select("id").ToBatchesAsync())
        {
            var column = (Lakehouse.Arrow.Arrays.PrimitiveArray<long>)batch.Column(0);
            for (var r = 0; r < batch.Length; r++)
            {
                ids.Add(column.Value(r));
            }
        }

        var expected = Enumerable.Range(0, processes).SelectMany(w => Enumerable.Range(0, loadsEach).SelectMany(i => new long[] { (w * 1000) + i, (w * 1000) + i + 500 }));
        Assert.Equal(expected.Order(), ids.Order());
    }
}
