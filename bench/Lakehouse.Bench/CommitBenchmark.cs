using System.Diagnostics;
using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Cli.Demo;
using Lakehouse.Parquet.Writing;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Types;
using Lakehouse.Table.Writing;

namespace Lakehouse.Bench;

/// <summary>
/// Iceberg write path: latency of small fast-append commits (local filesystem + SQLite catalog: manifest, manifest
/// list, metadata file, compare-and-swap) against the 15 ms p50 target, and table-writer throughput (partition
/// fan-out, metrics, DataFiles) against the plain ParquetWriter on the same social-event batches.
/// </summary>
public static class CommitBenchmark
{
    public static async Task RunAsync(BenchReport report, int commits, long rows, int runs, string workDir)
    {
        if (Directory.Exists(workDir))
        {
            Directory.Delete(workDir, recursive: true);
        }

        Directory.CreateDirectory(workDir);
        await CommitLatencyAsync(report, commits, Path.Combine(workDir, "latency")).ConfigureAwait(false);
        await WriterThroughputAsync(report, rows, runs, Path.Combine(workDir, "throughput")).ConfigureAwait(false);
        Directory.Delete(workDir, recursive: true);
    }

    private static async Task CommitLatencyAsync(BenchReport report, int commits, string warehouse)
    {
        await using var catalog = CatalogFactory.Open(warehouse);
        await catalog.CreateNamespaceAsync(Namespace.Of("bench")).ConfigureAwait(false);
        var schema = new Table.Types.Schema(
        [
            NestedField.Required(1, "id", Table.Types.PrimitiveType.Long),
            NestedField.Optional(2, "name", Table.Types.PrimitiveType.String),
        ]);
        var ops = await TableOperations.CreateTableAsync(catalog, TableIdentifier.Parse("bench.commits"), schema).ConfigureAwait(false);

        // The data files are written before the clock starts: the figure is the commit alone.
        var generator = new SocialEventGenerator(seed: 7);
        var tiny = generator.GenerateRows(0, 1);
        var idOnly = new RecordBatch(
            new Arrow.Schema([new Field("id", Arrow.Types.ArrowType.Int64, false), new Field("name", Arrow.Types.ArrowType.Utf8)]),
            [tiny.Column(0), tiny.Column(7)],
            1);
        var files = new List<DataFile>(commits);
        for (var i = 0; i < commits; i++)
        {
            var w = ops.NewDataWriter();
            await w.WriteAsync(idOnly).ConfigureAwait(false);
            files.Add((await w.CompleteAsync().ConfigureAwait(false))[0]);
        }

        var latencies = new double[commits];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            var sw = Stopwatch.StartNew();
            await ops.NewFastAppend().AppendFile(files[i]).CommitAsync().ConfigureAwait(false);
            latencies[i] = sw.Elapsed.TotalMilliseconds;
        }

        total.Stop();
        var sorted = latencies.Order().ToArray();
        var p50 = sorted[sorted.Length / 2];
        var p99 = sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * 0.99))];
        var window = Math.Min(100, commits);
        var first100 = latencies.Take(window).Order().ElementAt(window / 2);
        var last100 = latencies.TakeLast(window).Order().ElementAt(window / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"commit: {commits} fast appends in {total.Elapsed.TotalSeconds:0.0} s; p50 of the first 100 {first100:0.00} ms, of the last 100 {last100:0.00} ms"));
        report.Add(new BenchRow($"commit small fast append p50 ({commits} commits, SQLite)", "ms", p50, 15, "target 15 ms", "<= 1"));
        report.Add(new BenchRow($"commit small fast append p99 ({commits} commits, SQLite)", "ms", p99, 15, "target 15 ms", "info"));
    }

    private static async Task WriterThroughputAsync(BenchReport report, long rows, int runs, string warehouse)
    {
        var generator = new SocialEventGenerator(seed: 42);
        var batches = generator.GenerateBatches(rows, 64 * 1024).ToList();
        var parquet = new ParquetWriteOptions { Compression = ParquetCompression.Zstd };
        Directory.CreateDirectory(warehouse);
        var plainFile = Path.Combine(warehouse, "plain.parquet");
        var plain = await Measure.BestSecondsAsync(
            async () =>
            {
                await using var writer = ParquetWriter.Create(plainFile, generator.Schema, parquet);
                foreach (var b in batches)
                {
                    await writer.WriteAsync(b).ConfigureAwait(false);
                }

                await writer.CloseAsync().ConfigureAwait(false);
            },
            runs).ConfigureAwait(false);

        await using var catalog = CatalogFactory.Open(warehouse);
        await catalog.CreateNamespaceAsync(Namespace.Of("bench")).ConfigureAwait(false);
        var schema = ArrowSchemaConverter.FromArrow(generator.Schema, assignIds: true);
        var ops = await TableOperations.CreateTableAsync(catalog, TableIdentifier.Parse("bench.events"), schema).ConfigureAwait(false);
        var fileCount = 0;
        var table = await Measure.BestSecondsAsync(
            async () =>
            {
                var writer = ops.NewDataWriter(new TableWriterOptions { Parquet = parquet });
                foreach (var b in batches)
                {
                    await writer.WriteAsync(b).ConfigureAwait(false);
                }

                var files = await writer.CompleteAsync().ConfigureAwait(false);
                fileCount = files.Count;
                foreach (var f in files)
                {
                    File.Delete(f.FilePath);
                }
            },
            runs).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  table writer: {rows:N0} rows in {fileCount} file(s), best of {runs}"));
        report.Add(new BenchRow($"table writer vs plain ParquetWriter, {rows / 1e6:0.#} M rows zstd", "s", table, plain, "ParquetWriter", "<= 1.10"));
    }
}
