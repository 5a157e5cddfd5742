using System.Diagnostics;
using System.Globalization;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Operations;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Writing;

/// <summary>
/// Writer processes committing to one table through the SQLite catalog (real cross-process compare-and-swap):
/// concurrent appenders plus an overwriter, and writers killed with SIGKILL at random points of the commit path.
/// </summary>
public sealed class MultiProcessCommitTests : IDisposable
{
    private const int Rows = 5;
    private static readonly Dictionary<string, string> s_retryProperties = new()
    {
        ["commit.retry.num-retries"] = "1000",
        ["commit.retry.min-wait-ms"] = "2",
        ["commit.retry.max-wait-ms"] = "50",
        ["commit.retry.total-timeout-ms"] = "120000",
    };

    private readonly string _dir = RepoPaths.NewTempDirectory("table-procs");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ConcurrentAppendersAndOverwriterLoseNothing()
    {
        const int writers = 4;
        const int appends = 50;
        const int overwrites = 10;
        await CreateTableAsync();
        var processes = new List<(int Writer, Process Process, Task<List<string>> Output)>();
        for (var w = 0; w < writers; w++)
        {
            var p = Start("append", "db.t", w.ToString(CultureInfo.InvariantCulture), appends.ToString(CultureInfo.InvariantCulture), Rows.ToString(CultureInfo.InvariantCulture));
            processes.Add((w, p, ReadLinesAsync(p)));
        }

        var ov = Start("overwrite", "db.t", overwrites.ToString(CultureInfo.InvariantCulture), Rows.ToString(CultureInfo.InvariantCulture));
        processes.Add((-1, ov, ReadLinesAsync(ov)));
        var expected = new List<(long, string?)>();
        foreach (var (writer, process, output) in processes)
        {
            var lines = await output;
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, string.Join('\n', lines) + await process.StandardError.ReadToEndAsync());
            var acks = lines.Count(l => l.StartsWith("ACK ", StringComparison.Ordinal));
            if (writer >= 0)
            {
                Assert.Equal(appends, acks);
                for (var n = 0; n < appends; n++)
                {
                    expected.AddRange(WriteFixture.Expected(WriterProcess.FirstId(writer, n, Rows), Rows, category: "w" + writer.ToString(CultureInfo.InvariantCulture)));
                }
            }
            else
            {
                Assert.Equal(overwrites, acks);
                expected.AddRange(WriteFixture.Expected(WriterProcess.OverwriteBase + ((overwrites - 1) * Rows), Rows, category: "ov"));
            }
        }

        var metadata = await LoadAsync();
        Assert.Equal(expected.Order().ToList(), await WriteFixture.ReadRowsAsync(metadata));
        AssertSingleChain(metadata, writers * appends + overwrites);
    }

    [Fact]
    public async Task WritersKilledMidCommitLeaveOnlyWholeCommits()
    {
        const int kills = 100;

        // Far more commits than a writer can make before its kill, even on a fast quiet machine (a clean CI machine
        // once finished 50 commits inside the kill window); below 1000 so the row ids keep their writer:commit key.
        const int commits = 900;
        await CreateTableAsync();
        var random = new Random(20261122);
        var acknowledged = new List<(int Writer, int Commit)>();
        var unacknowledged = new List<(int Writer, int Commit)>();
        for (var k = 0; k < kills; k++)
        {
            var p = Start("append", "db.t", k.ToString(CultureInfo.InvariantCulture), commits.ToString(CultureInfo.InvariantCulture), "2");
            var ready = await p.StandardOutput.ReadLineAsync();
            Assert.Equal("READY", ready);

            // Progress-based kill points, so the test means the same on a fast or a heavily loaded machine: wait for
            // 0-2 acknowledged commits, then kill after a short random delay (inside or between commits).
            var waitFor = random.Next(0, 3);
            var acks = 0;
            while (acks < waitFor && await p.StandardOutput.ReadLineAsync() is { } line)
            {
                acks += line.StartsWith("ACK ", StringComparison.Ordinal) ? 1 : 0;
            }

            await Task.Delay(random.Next(0, 40));
            p.Kill();
            await p.WaitForExitAsync();
            var rest = await p.StandardOutput.ReadToEndAsync();
            acks += rest.Split('\n').Count(l => l.StartsWith("ACK ", StringComparison.Ordinal));
            for (var n = 0; n < acks; n++)
            {
                acknowledged.Add((k, n));
            }

            if (acks < commits)
            {
                unacknowledged.Add((k, acks));
            }

            // Every kill leaves a loadable table.
            var current = await LoadAsync();
            _ = await WriteFixture.ReadRowsAsync(current);
        }

        // The kills landed both between and inside commits.
        Assert.True(acknowledged.Count > 0, "no commit was acknowledged before the kills");
        Assert.Equal(kills, unacknowledged.Count);
        var metadata = await LoadAsync();
        var rows = await WriteFixture.ReadRowsAsync(metadata);
        var present = rows.GroupBy(r => r.Id / 1_000_000 * 1000 + r.Id % 1_000_000 / 2).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (w, n) in acknowledged)
        {
            Assert.Equal(2, present.GetValueOrDefault(w * 1000L + n));
        }

        // An unacknowledged commit is all there (it swapped in before the kill) or not at all.
        var extra = 0;
        foreach (var (w, n) in unacknowledged)
        {
            var count = present.GetValueOrDefault(w * 1000L + n);
            Assert.True(count is 0 or 2, $"writer {w} commit {n} has {count} of 2 rows");
            extra += count / 2;
        }

        Assert.Equal((acknowledged.Count + extra) * 2, rows.Count);
        Assert.Equal(rows.Count, rows.Distinct().Count());
        AssertSingleChain(metadata, acknowledged.Count + extra);
    }

    private static void AssertSingleChain(TableMetadata metadata, int snapshots)
    {
        Assert.Equal(snapshots, metadata.Snapshots.Count);
        var chain = SnapshotUtil.AncestorsOf(metadata, metadata.CurrentSnapshotId!.Value).ToList();
        Assert.Equal(snapshots, chain.Count);
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.True(chain[i - 1].SequenceNumber > chain[i].SequenceNumber);
        }

        Assert.Null(chain[^1].ParentSnapshotId);
        Assert.Equal(metadata.LastSequenceNumber, chain[0].SequenceNumber);
    }

    private async Task CreateTableAsync()
    {
        await using var catalog = CatalogFactory.Open(_dir);
        await catalog.CreateNamespaceAsync(Namespace.Of("db"));
        await WriteFixture.CreateAsync(catalog, "db.t", properties: s_retryProperties);
    }

    private async Task<TableMetadata> LoadAsync()
    {
        await using var catalog = CatalogFactory.Open(_dir);
        return await new TableOperations(catalog, TableIdentifier.Parse("db.t")).RefreshAsync();
    }

    private Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(typeof(WriterProcess).Assembly.Location);
        psi.ArgumentList.Add("writer");
        psi.ArgumentList.Add(args[0]);
        psi.ArgumentList.Add(_dir);
        foreach (var a in args.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }

        return Process.Start(psi)!;
    }

    private static async Task<List<string>> ReadLinesAsync(Process p)
    {
        var lines = new List<string>();
        while (await p.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
