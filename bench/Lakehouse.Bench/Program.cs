using System.Globalization;

namespace Lakehouse.Bench;

/// <summary>
/// Benchmarks that report ratios against a baseline measured in the same run. Usage:
/// <c>dotnet run -c Release --project bench/Lakehouse.Bench -- &lt;name&gt; [options]</c>; see bench/README.md.
/// </summary>
public static class Program
{
    private const string Usage = """
        benchmarks:
          ipc     [--mb 1024] [--runs 5]
          parquet [--rows 10000000] [--runs 3] [--threads 2] [--peak-mb rows/10M*2048] [--dir DIR]
          commit  [--commits 1000] [--rows 10000000] [--runs 3] [--dir DIR]
          flight  [--rows 10000000] [--runs 3]
          plan    [--manifests 100] [--files-per-manifest 100] [--runs 5] [--dir DIR]
          scan    [--files 8] [--rows-per-file 500000] [--runs 3] [--dir DIR]
          sql     [--rows 10000000] [--runs 3] [--threads 2] [--dir DIR] [--only NAME-PART] [--explain]
          ingest  [--events 200000] [--partitions 4] [--runs 3] [--dir DIR]
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 1 : 0;
        }

        var report = new BenchReport();
        switch (args[0])
        {
            case "ipc":
                IpcBenchmark.Run(report, (int)Option(args, "--mb", 1024), (int)Option(args, "--runs", 5));
                break;
            case "parquet":
                {
                    var rows = Option(args, "--rows", 10_000_000);
                    var dir = StringOption(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "lakehouse-bench");
                    await ParquetBenchmark.RunAsync(
                        report,
                        rows,
                        (int)Option(args, "--runs", 3),
                        (int)Option(args, "--threads", 2),
                        Option(args, "--peak-mb", Math.Max(1, rows * 2048 / 10_000_000)),
                        dir).ConfigureAwait(false);
                    break;
                }

            case "commit":
                await CommitBenchmark.RunAsync(
                    report,
                    (int)Option(args, "--commits", 1000),
                    Option(args, "--rows", 10_000_000),
                    (int)Option(args, "--runs", 3),
                    StringOption(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "lakehouse-bench-commit")).ConfigureAwait(false);
                break;
            case "flight":
                await FlightBenchmark.RunAsync(report, Option(args, "--rows", 10_000_000), (int)Option(args, "--runs", 3)).ConfigureAwait(false);
                break;
            case "plan":
                IcebergBenchmark.RunPlan(
                    report,
                    (int)Option(args, "--manifests", 100),
                    (int)Option(args, "--files-per-manifest", 100),
                    (int)Option(args, "--runs", 5),
                    StringOption(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "lakehouse-bench"));
                break;
            case "scan":
                await IcebergBenchmark.RunScanAsync(
                    report,
                    (int)Option(args, "--files", 8),
                    Option(args, "--rows-per-file", 500_000),
                    (int)Option(args, "--runs", 3),
                    StringOption(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "lakehouse-bench")).ConfigureAwait(false);
                break;
            case "sql":
                await SqlBenchmark.RunAsync(
                    report,
                    Option(args, "--rows", 10_000_000),
                    (int)Option(args, "--runs", 3),
                    (int)Option(args, "--threads", 2),
                    StringOption(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "lakehouse-bench"),
                    StringOption(args, "--only"),
                    args.Contains("--explain")).ConfigureAwait(false);
                break;
            case "ingest":
                await IngestBenchmark.RunAsync(
                    report,
                    Option(args, "--events", 200_000),
                    (int)Option(args, "--partitions", 4),
                    (int)Option(args, "--runs", 3),
                    StringOption(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "lakehouse-bench")).ConfigureAwait(false);
                break;
            case "parquet-peak":
                return await PeakMemoryProbe.ChildAsync(args[1], args.Contains("--collect")).ConfigureAwait(false);
            default:
                Console.Error.WriteLine($"unknown benchmark '{args[0]}'\n{Usage}");
                return 2;
        }

        report.Print(Console.Out);
        return 0;
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var text = StringOption(args, name);
        return text is null ? fallback : long.Parse(text, CultureInfo.InvariantCulture);
    }

    private static string? StringOption(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
