using System.Diagnostics;

namespace Lakehouse.Bench;

/// <summary>Timing helpers: warm up once, then take the best of several runs (least disturbed by the other core's load).</summary>
public static class Measure
{
    public static double BestSeconds(Action action, int runs = 5)
    {
        action();
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var sw = Stopwatch.StartNew();
            action();
            sw.Stop();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }

        return best;
    }

    /// <summary>Throughput of a plain memory copy of <paramref name="bytes"/> bytes (the physical limit for in-memory codecs).</summary>
    public static double MemcpyGigabytesPerSecond(long bytes)
    {
        var size = (int)Math.Min(bytes, Array.MaxLength - 64);
        var src = GC.AllocateUninitializedArray<byte>(size, pinned: true);
        var dst = GC.AllocateUninitializedArray<byte>(size, pinned: true);
        new Random(1).NextBytes(src);
        var seconds = BestSeconds(() => src.AsSpan().CopyTo(dst));
        return size / seconds / 1e9;
    }
}
