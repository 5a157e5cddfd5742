using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lakehouse.Arrow;
using Lakehouse.Cli.Demo;
using Lakehouse.Parquet.Writing;
using Lakehouse.Sql;

namespace Lakehouse.Bench;

/// <summary>
/// Twelve dashboard queries (<see cref="SqlBenchQueries"/>) over the social events of <see cref="SocialEventGenerator"/>
/// and the 10k-row campaign dimension, in our engine (in-process) and in DuckDB (bench/duckdb/sql.mjs) on the same
/// files in the same run: best-of-runs wall time, result checksums compared, peak memory sampled.
/// </summary>
public static class SqlBenchmark
{
    public static async Task RunAsync(BenchReport report, long rows, int runs, int threads, string workDir, string? only, bool explain = false)
    {
        var dir = Path.Combine(workDir, string.Create(CultureInfo.InvariantCulture, $"sql-{rows}"));
        Directory.CreateDirectory(dir);
        var events = Path.Combine(dir, "events.parquet");
        var campaigns = Path.Combine(dir, "campaigns.parquet");
        var generator = new SocialEventGenerator(seed: 42);
        if (!File.Exists(events) || !File.Exists(campaigns))
        {
            var sw = Stopwatch.StartNew();
            var zstd = new ParquetWriteOptions { Compression = ParquetCompression.Zstd };
            await using (var writer = ParquetWriter.Create(events + ".tmp", generator.Schema, zstd))
            {
                foreach (var batch in generator.GenerateBatches(rows, 64 * 1024))
                {
                    await writer.WriteAsync(batch).ConfigureAwait(false);
                }

                await writer.CloseAsync().ConfigureAwait(false);
            }

            File.Move(events + ".tmp", events, overwrite: true);
            var dimension = CampaignGenerator.Generate(42);
            await using (var writer = ParquetWriter.Create(campaigns, dimension.Schema, zstd))
            {
                await writer.WriteAsync(dimension).ConfigureAwait(false);
                await writer.CloseAsync().ConfigureAwait(false);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"sql: generated {rows:N0} events ({new FileInfo(events).Length / 1e6:N1} MB) and 10k campaigns in {sw.Elapsed.TotalSeconds:0.0} s"));
        }
        else
        {
            Console.WriteLine($"sql: reusing {dir}");
        }

        // The events are evenly spaced from the generator's start at EventsPerHour; "the last hour" ends at the last one.
        var options = SocialEventOptions.Default;
        var lastMicros = options.Start.ToUnixTimeMilliseconds() * 1000 + (rows - 1) * Math.Max(1, 3_600_000_000L / options.EventsPerHour);
        var since = (lastMicros / 1_000_000) - 3600;
        string Fill(string text) => text
            .Replace("{events}", Quote(events), StringComparison.Ordinal)
            .Replace("{campaigns}", Quote(campaigns), StringComparison.Ordinal)
            .Replace("{since}", since.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var queries = SqlBenchQueries.All.Where(q => only is null || q.Name.Contains(only, StringComparison.Ordinal)).ToList();
        var queryFile = Path.Combine(dir, "duckdb-queries.json");
        await File.WriteAllTextAsync(queryFile, JsonSerializer.Serialize(queries.Select(q => new Dictionary<string, string> { ["name"] = q.Name, ["sql"] = Fill(q.DuckDb), ["check_sql"] = Fill(q.DuckDbCheck ?? q.DuckDb) }).ToList())).ConfigureAwait(false);

        if (explain)
        {
            var explainEngine = new SqlEngine(new SqlEngineOptions { DegreeOfParallelism = threads });
            foreach (var q in queries)
            {
                Console.WriteLine($"-- {q.Name}");
                try
                {
                    await using var result = await explainEngine.CreateSession().ExecuteAsync("EXPLAIN ANALYZE " + Fill(q.Ours)).ConfigureAwait(false);
                    await foreach (var batch in result.Batches.ConfigureAwait(false))
                    {
                        for (var c = 0; c < batch.ColumnCount; c++)
                        {
                            if (batch.Column(c) is Lakehouse.Arrow.Arrays.BinaryArray text)
                            {
                                for (var i = 0; i < text.Length; i++)
                                {
                                    Console.WriteLine(text.GetString(i));
                                }
                            }
                        }
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Console.WriteLine($"FAILED: {e.Message}");
                }
            }

            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load average at start: {LoadAverage()}; DuckDB threads={threads}, ours DegreeOfParallelism={threads}; best of {runs}"));
        var sw2 = Stopwatch.StartNew();
        var duck = RunDuckDb(queryFile, runs, threads);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  DuckDB {duck.GetProperty("duckdb").GetString()} took {sw2.Elapsed.TotalSeconds:0.0} s"));

        var engine = new SqlEngine(new SqlEngineOptions { DegreeOfParallelism = threads });
        var ratios = new List<double>();
        var lines = new List<string>();
        foreach (var q in queries)
        {
            var d = duck.GetProperty("queries").GetProperty(q.Name);
            var duckSeconds = d.TryGetProperty("seconds", out var s) ? s.GetDouble() : double.NaN;
            var duckRss = d.TryGetProperty("peak_rss_mb", out var r) ? r.GetDouble() : double.NaN;
            var sql = Fill(q.Ours);
            ResultChecksum? check = null;
            double ours;
            long peak;
            try
            {
                using var sampler = new PeakSampler();
                ours = await Measure.BestSecondsAsync(async () => check = await RunOursAsync(engine, sql).ConfigureAwait(false), runs).ConfigureAwait(false);
                peak = sampler.Peak;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var line = $"{q.Name,-34} FAILED: {e.GetType().Name}: {e.Message.Split('\n')[0]}";
                Console.WriteLine("  " + line);
                lines.Add(line);
                continue;
            }

            var agree = Compare(check!, d, q.Tolerance);
            var ratio = ours / duckSeconds;
            ratios.Add(ratio);
            report.Add(new BenchRow($"sql {q.Name}", "s", ours, duckSeconds, "DuckDB", "<= 4 (geomean <= 2)"));
            var text = string.Create(CultureInfo.InvariantCulture, $"{q.Name,-34} {ours,8:0.000} {duckSeconds,8:0.000} {ratio,7:0.00}x {check!.Rows,9} {peak / 1e6,8:N0} {duckRss,8:N0}  {agree}");
            Console.WriteLine("  " + text);
            lines.Add(text);
        }

        var geomean = ratios.Count == 0 ? double.NaN : Math.Exp(ratios.Average(Math.Log));
        Console.WriteLine();
        Console.WriteLine($"{"query",-34} {"ours s",8} {"duck s",8} {"ratio",8} {"rows",9} {"ours MB",8} {"duck MB",8}  result check");
        foreach (var l in lines)
        {
            Console.WriteLine(l);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"geometric mean ratio over {ratios.Count} queries: {geomean:0.00}x (target <= 2.0x); max {(ratios.Count == 0 ? double.NaN : ratios.Max()):0.00}x (target <= 4x); load average at end: {LoadAverage()}"));
        Console.WriteLine("ours MB = peak process working set sampled every 5 ms during the runs (process-wide, includes the runtime); duck MB = node process RSS peak sampled the same way.");
    }

    private static async Task<ResultChecksum> RunOursAsync(SqlEngine engine, string sql)
    {
        var session = engine.CreateSession();
        var check = new ResultChecksum();
        await using var result = await session.ExecuteAsync(sql).ConfigureAwait(false);
        await foreach (var batch in result.Batches.ConfigureAwait(false))
        {
            check.Add(batch);
        }

        return check;
    }

    private static string Compare(ResultChecksum ours, JsonElement duck, double tolerance)
    {
        if (duck.TryGetProperty("error", out var err))
        {
            return "DuckDB error: " + err.GetString();
        }

        var rows = duck.GetProperty("rows").GetInt64();
        if (rows != ours.Rows)
        {
            return string.Create(CultureInfo.InvariantCulture, $"MISMATCH rows ours {ours.Rows} duckdb {rows}");
        }

        var sums = duck.GetProperty("sums").EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? 0 : e.GetDouble()).ToList();
        for (var c = 0; c < sums.Count && c < ours.Sums.Count; c++)
        {
            var a = ours.Sums[c];
            var e = sums[c];
            if (Math.Abs(a - e) > Math.Max(tolerance, 1e-9) * Math.Max(1, Math.Abs(e)))
            {
                return string.Create(CultureInfo.InvariantCulture, $"MISMATCH column {c + 1}: ours {a:R} duckdb {e:R}");
            }
        }

        return ours.Sums.Count == sums.Count ? "ok" : "MISMATCH column count";
    }

    private static JsonElement RunDuckDb(string queryFile, int runs, int threads)
    {
        var script = Path.Combine(RepoRoot.Find(), "bench", "duckdb", "sql.mjs");
        var psi = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { script, queryFile, runs.ToString(CultureInfo.InvariantCulture), threads.ToString(CultureInfo.InvariantCulture) })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} failed ({process.ExitCode}): {stderr.Result}");
        }

        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
