using System.Diagnostics;
using System.Globalization;
using Lakehouse.Arrow;
using Lakehouse.Cli.Demo;
using Lakehouse.Parquet.Reading;
using Lakehouse.Parquet.Writing;

namespace Lakehouse.Bench;

/// <summary>
/// Parquet write and read against DuckDB in the same run (bench/duckdb/parquet.mjs), on the social events
/// of <see cref="SocialEventGenerator"/>; then peak memory of a row-group-by-row-group read of a large file
/// in a child process (<see cref="PeakMemoryProbe"/>).
/// </summary>
public static class ParquetBenchmark
{
    public static async Task RunAsync(BenchReport report, long rows, int runs, int threads, long peakMegabytes, string workDir)
    {
        Directory.CreateDirectory(workDir);
        var ourFile = Path.Combine(workDir, "ours.parquet");
        var duckFile = Path.Combine(workDir, "duckdb.parquet");
        var bigFile = Path.Combine(workDir, "big.parquet");

        var sw = Stopwatch.StartNew();
        var generator = new SocialEventGenerator(seed: 42);
        var batches = generator.GenerateBatches(rows, 64 * 1024).ToList();
        var arrowBytes = batches.Sum(BatchBytes.Of);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parquet: generated {rows:N0} rows ({arrowBytes / 1e6:N0} MB of Arrow buffers) in {sw.Elapsed.TotalSeconds:0.0} s; best of {runs}, DuckDB threads={threads}"));

        var zstd = new ParquetWriteOptions { Compression = ParquetCompression.Zstd };
        var writeSeconds = await Measure.BestSecondsAsync(() => WriteAsync(ourFile, generator.Schema, batches, zstd), runs, warmUp: false).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  our zstd write: {writeSeconds:0.000} s, {new FileInfo(ourFile).Length / 1e6:N1} MB"));

        sw.Restart();
        var duck = DuckDbBaseline.Run(ourFile, duckFile, runs, threads);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  DuckDB {duck.Version} baseline took {sw.Elapsed.TotalSeconds:0.0} s (load + timed runs)"));

        var ourSize = new FileInfo(ourFile).Length;
        var duckSize = new FileInfo(duckFile).Length;
        report.Add(new BenchRow("parquet write zstd time", "s", writeSeconds, duck.CopySeconds, "DuckDB COPY", "<= 1.5"));
        report.Add(new BenchRow("parquet zstd file size", "MB", ourSize / 1e6, duckSize / 1e6, "DuckDB file", "0.85..1.15"));

        ColumnChecksum? check = null;
        var readDuckFile = await Measure.BestSecondsAsync(async () => check = await ScanAsync(duckFile, null).ConfigureAwait(false), runs).ConfigureAwait(false);
        Verify(check!, duck, ofOurFile: false);
        report.Add(new BenchRow("parquet read all columns, DuckDB's file", "s", readDuckFile, duck.ScanDuckSeconds, "DuckDB query", "<= 1.5"));
        var readOurFile = await Measure.BestSecondsAsync(async () => check = await ScanAsync(ourFile, null).ConfigureAwait(false), runs).ConfigureAwait(false);
        Verify(check!, duck, ofOurFile: true);
        report.Add(new BenchRow("parquet read all columns, our file", "s", readOurFile, duck.ScanOursSeconds, "DuckDB query", "<= 1.5"));

        foreach (var (column, expression, seconds) in duck.Singles())
        {
            var ours = await Measure.BestSecondsAsync(() => ScanAsync(duckFile, column), runs).ConfigureAwait(false);
            report.Add(new BenchRow($"parquet scan {expression}, DuckDB's file", "s", ours, seconds, "DuckDB query", "<= 1.5"));
        }

        if (peakMegabytes > 0)
        {
            sw.Restart();
            var bigBytes = await WriteLargeAsync(bigFile, generator.Schema, batches, peakMegabytes * 1_000_000).ConfigureAwait(false);
            batches.Clear();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wrote {bigBytes / 1e6:N0} MB uncompressed file for the memory probe in {sw.Elapsed.TotalSeconds:0.0} s"));
            var probe = PeakMemoryProbe.RunChild(bigFile, collect: false);
            var collected = PeakMemoryProbe.RunChild(bigFile, collect: true);
            report.Add(new BenchRow("parquet read peak working set / file size", "MB", probe.PeakWorkingSet / 1e6, bigBytes / 1e6, "file size", "near row group"));
            report.Add(new BenchRow("parquet read peak working set / largest row group", "MB", probe.PeakWorkingSet / 1e6, probe.LargestRowGroupArrowBytes / 1e6, "row group (Arrow bytes)", "~1-3"));
            report.Add(new BenchRow("parquet read GC heap peak / largest row group", "MB", probe.PeakGcHeap / 1e6, probe.LargestRowGroupArrowBytes / 1e6, "row group (Arrow bytes)", "info"));
            report.Add(new BenchRow("  same with a full GC after each row group", "MB", collected.PeakWorkingSet / 1e6, collected.LargestRowGroupArrowBytes / 1e6, "row group (Arrow bytes)", "info"));
            File.Delete(bigFile);
        }
    }

    private static async Task WriteAsync(string path, Schema schema, List<RecordBatch> batches, ParquetWriteOptions options)
    {
        await using var writer = ParquetWriter.Create(path, schema, options);
        foreach (var batch in batches)
        {
            await writer.WriteAsync(batch).ConfigureAwait(false);
        }

        await writer.CloseAsync().ConfigureAwait(false);
    }

    /// <summary>An uncompressed file of at least <paramref name="bytes"/> bytes made of the generated batches repeated.</summary>
    private static async Task<long> WriteLargeAsync(string path, Schema schema, List<RecordBatch> batches, long bytes)
    {
        var options = new ParquetWriteOptions { Compression = ParquetCompression.None };
        await using var writer = ParquetWriter.Create(path, schema, options);
        while (writer.BytesWritten < bytes)
        {
            foreach (var batch in batches)
            {
                await writer.WriteAsync(batch).ConfigureAwait(false);
                if (writer.BytesWritten >= bytes)
                {
                    break;
                }
            }
        }

        await writer.CloseAsync().ConfigureAwait(false);
        return new FileInfo(path).Length;
    }

    /// <summary>Decodes every column (or one) of every row group, one row group at a time, and computes the checksum.</summary>
    public static async Task<ColumnChecksum> ScanAsync(string path, string? column)
    {
        var check = new ColumnChecksum();
        await using var reader = await ParquetReader.OpenFileAsync(path).ConfigureAwait(false);
        var fields = column is null ? null : reader.ResolveColumns([column]);
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            check.Add(await reader.ReadRowGroupAsync(g, fields).ConfigureAwait(false));
        }

        return check;
    }

    /// <summary>Our figures must equal DuckDB's (integers modulo 2^64, the double sum to 1e-9 relative).</summary>
    private static void Verify(ColumnChecksum ours, DuckDbBaseline duck, bool ofOurFile)
    {
        foreach (var key in DuckDbBaseline.ScanKeys)
        {
            var expected = duck.ScanValue(key, ofOurFile);
            bool same;
            string actual;
            if (key == "sentiment")
            {
                var e = double.Parse(expected, CultureInfo.InvariantCulture);
                var a = ours.Values[key].Float;
                same = Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e));
                actual = a.ToString("R", CultureInfo.InvariantCulture);
            }
            else
            {
                var a = key == "n" ? ours.Rows : ours.Values[key].Integer;
                same = unchecked((long)Int128.Parse(expected, CultureInfo.InvariantCulture)) == a;
                actual = a.ToString(CultureInfo.InvariantCulture);
            }

            if (!same)
            {
                throw new InvalidOperationException($"checksum of '{key}' differs: ours {actual} (mod 2^64), DuckDB {expected}");
            }
        }
    }
}
