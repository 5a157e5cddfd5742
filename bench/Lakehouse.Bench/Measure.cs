using System.Diagnostics;

namespace Lakehouse.Bench;

/// <summary>Timing helpers: warm up once, then take the best of several runs (least disturbed by other load on the machine).</summary>
public static class Measure
{
    public static double BestSeconds(Action action, int runs = 5)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            Settle();
            var sw = Stopwatch.StartNew();
            action();
            sw.Stop();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>
    /// Best process CPU time of several runs after a warm-up: on a machine shared with other load, wall time measures the
    /// scheduler; CPU time of a single-threaded action measures the work.
    /// </summary>
    public static double BestCpuSeconds(Action action, int runs = 5)
    {
        action();
        var best = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            Settle();
            process.Refresh();
            var before = process.TotalProcessorTime;
            action();
            process.Refresh();
            best = Math.Min(best, (process.TotalProcessorTime - before).TotalSeconds);
        }

        return best;
    }

    /// <summary>Best of <paramref name="runs"/> (no separate warm-up run when <paramref name="warmUp"/> is false: for long runs).</summary>
    public static async Task<double> BestSecondsAsync(Func<Task> action, int runs, bool warmUp = true)
    {
        if (warmUp)
        {
            await action().ConfigureAwait(false);
        }

        var best = double.MaxValue;
        for (var i = 0; i < Math.Max(1, runs); i++)
        {
            Settle();
            var sw = Stopwatch.StartNew();
            await action().ConfigureAwait(false);
            sw.Stop();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
