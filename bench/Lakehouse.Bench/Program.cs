namespace Lakehouse.Bench;

/// <summary>
/// Benchmarks that report ratios against a baseline measured in the same run. Usage:
/// <c>dotnet run -c Release --project bench/Lakehouse.Bench -- &lt;name&gt; [options]</c>; names are listed by <c>--help</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h")
        {
            Console.WriteLine("benchmarks: ipc [--mb N]");
            return args.Length == 0 ? 1 : 0;
        }

        var report = new BenchReport();
        switch (args[0])
        {
            case "ipc":
                IpcBenchmark.Run(report, Option(args, "--mb", 1024));
                break;
            default:
                Console.Error.WriteLine($"unknown benchmark '{args[0]}'");
                return 2;
        }

        report.Print(Console.Out);
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}
