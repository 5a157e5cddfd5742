using System.Globalization;

using Lakehouse.Arrow.Builders;
using Lakehouse.Parquet.Reading;
using Lakehouse.Parquet.Writing;
using Lakehouse.Table;
using Lakehouse.Table.Expressions;
using Lakehouse.Table.Scanning;
using Lakehouse.Table.Types;

namespace Lakehouse.Bench;

/// <summary>
/// <c>plan</c>: scan planning of a synthetic table (10,000 data files in 100 manifests, metadata written with our Avro
/// writer), full and 1 % selective, against the 100 ms budget. <c>scan</c>: reading a table through
/// <see cref="TableScan"/> against reading the same Parquet files directly with <see cref="ParquetReader"/>.
/// </summary>
public static class IcebergBenchmark
{
    public static void RunPlan(BenchReport report, int manifests, int filesPerManifest, int runs, string dir)
    {
        var root = Path.Combine(dir, $"plan-{manifests}x{filesPerManifest}");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var files = new List<SyntheticIcebergTable.SyntheticFile>();
        for (var m = 0; m < manifests; m++)
        {
            for (var f = 0; f < filesPerManifest; f++)
            {
                var first = ((long)m * filesPerManifest + f) * 1000;
                files.Add(new($"s3://bucket/plan/data/ts_day={m}/file-{f}.parquet", 1000, 50_000, 19000 + m, first, first + 999));
            }
        }

        SyntheticIcebergTable.Write(root, files);
        Console.WriteLine($"plan: {files.Count} data files in {manifests} manifests under {root}");

        var planned = 0;
        var full = Measure.BestSeconds(() => planned = IcebergTable.Load(root).NewScan().PlanFiles().Count, runs);
        var fullCpu = Measure.BestCpuSeconds(() => planned = IcebergTable.Load(root).NewScan().PlanFiles().Count, runs);
        report.Add(new BenchRow($"plan full ({planned} files, {manifests} manifests), wall", "ms", full * 1000, 100, "budget", "ratio <= 1 (issue: < 100 ms)"));
        report.Add(new BenchRow($"plan full ({planned} files, {manifests} manifests), CPU", "ms", fullCpu * 1000, 100, "budget", "ratio <= 1 (issue: < 100 ms)"));

        var day = 19000 + (manifests / 2);
        ScanMetrics? metrics = null;
        var selective = Measure.BestSeconds(
            () =>
            {
                var scan = IcebergTable.Load(root).NewScan()
                    .Where(Expressions.GreaterThanOrEqual("ts", SyntheticIcebergTable.DayStartMicros(day)))
                    .Where(Expressions.LessThan("ts", SyntheticIcebergTable.DayStartMicros(day + 1)));
                planned = scan.PlanFiles().Count;
                metrics = scan.Metrics;
            },
            runs);
        report.Add(new BenchRow($"plan 1% by ts ({planned} files, {metrics!.ManifestsPruned}/{metrics.Manifests} manifests pruned)", "ms", selective * 1000, full * 1000, "full plan", "selective touches only matching manifests"));
        Console.WriteLine($"selective plan: {planned} files, manifests {metrics.Manifests} ({metrics.ManifestsPruned} pruned), files pruned by partition {metrics.FilesPrunedByPartition}, by metrics {metrics.FilesPrunedByMetrics}");
    }

    public static async Task RunScanAsync(BenchReport report, int fileCount, long rowsPerFile, int runs, string dir)
    {
        var root = Path.Combine(dir, $"scan-{fileCount}x{rowsPerFile}");
        var dataDir = Path.Combine(root, "data");
        var schema = new Schema(0, [
            NestedField.Required(1, "id", PrimitiveType.Long),
            NestedField.Required(2, "ts", PrimitiveType.TimestampTz),
            NestedField.Optional(3, "category", PrimitiveType.String),
            NestedField.Optional(4, "value", PrimitiveType.Double),
        ]);
        var arrowSchema = ArrowSchemaConverter.ToArrow(schema);
        var files = new List<SyntheticIcebergTable.SyntheticFile>();
        Directory.CreateDirectory(dataDir);
        string[] categories = ["news", "sports", "tech", "music", "travel", "food", "games", "art"];
        for (var i = 0; i < fileCount; i++)
        {
            var path = Path.Combine(dataDir, $"file-{i.ToString(CultureInfo.InvariantCulture)}.parquet");
            var dayStart = SyntheticIcebergTable.DayStartMicros(19000 + i);
            var first = i * rowsPerFile;
            if (!File.Exists(path))
            {
                await using var writer = ParquetWriter.Create(path, arrowSchema, new ParquetWriteOptions { Compression = ParquetCompression.Snappy });
                var builder = new RecordBatchBuilder(arrowSchema);
                for (long r = 0; r < rowsPerFile; r++)
                {
                    builder.Column<PrimitiveBuilder<long>>(0).Append(first + r);
                    builder.Column<PrimitiveBuilder<long>>(1).Append(dayStart + (r * 86_400_000_000 / rowsPerFile));
                    var cat = builder.Column<BinaryBuilder>(2);
                    if (r % 17 == 0)
                    {
                        cat.AppendNull();
                    }
                    else
                    {
                        cat.Append(categories[(int)(r * 7 % categories.Length)]);
                    }

                    builder.Column<PrimitiveBuilder<double>>(3).Append((r % 1000) * 0.25);
                    if (builder.Length == 65536)
                    {
                        await writer.WriteAsync(builder.Build()).ConfigureAwait(false);
                    }
                }

                if (builder.Length > 0)
                {
                    await writer.WriteAsync(builder.Build()).ConfigureAwait(false);
                }

                await writer.CloseAsync().ConfigureAwait(false);
            }

            files.Add(new(path, rowsPerFile, new FileInfo(path).Length, 19000 + i, first, first + rowsPerFile - 1));
        }

        SyntheticIcebergTable.Write(root, files);
        var totalRows = fileCount * rowsPerFile;
        var bytes = files.Sum(f => f.Bytes);
        Console.WriteLine($"scan: {fileCount} files x {rowsPerFile} rows ({bytes / 1e6:0.0} MB) under {root}");

        long checkDirect = 0, checkTable = 0;
        var direct = await Measure.BestSecondsAsync(
            async () =>
            {
                long rows = 0;
                foreach (var f in files)
                {
                    await using var reader = await ParquetReader.OpenFileAsync(f.Path).ConfigureAwait(false);
                    await foreach (var batch in reader.ReadBatchesAsync().ConfigureAwait(false))
                    {
                        rows += batch.Length;
                    }
                }

                checkDirect = rows;
            },
            runs).ConfigureAwait(false);
        var table = await Measure.BestSecondsAsync(
            async () =>
            {
                long rows = 0;
                await foreach (var batch in IcebergTable.Load(root).NewScan().ToBatchesAsync().ConfigureAwait(false))
                {
                    rows += batch.Length;
                }

                checkTable = rows;
            },
            runs).ConfigureAwait(false);
        if (checkDirect != totalRows || checkTable != totalRows)
        {
            throw new InvalidOperationException($"row counts differ: direct {checkDirect}, table {checkTable}, expected {totalRows}");
        }

        report.Add(new BenchRow($"table scan vs direct Parquet ({fileCount} files, {totalRows / 1e6:0.#} M rows)", "s", table, direct, "ParquetReader", "ratio <= 1.10"));
    }
}
