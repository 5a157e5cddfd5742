using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lakehouse.Parquet.Reading;

namespace Lakehouse.Bench;

/// <summary>
/// Peak memory of reading a file row group by row group, in a fresh child process (so the benchmark's own
/// generated data does not count): <c>Lakehouse.Bench parquet-peak FILE</c> prints one JSON line.
/// </summary>
public sealed record PeakMemoryProbe(long PeakWorkingSet, long PeakGcHeap, long LargestRowGroupArrowBytes, long StartWorkingSet, double Seconds)
{
    /// <summary>
    /// Child side: read every column of every row group, dropping each batch before the next; with
    /// <paramref name="collect"/> a forced full GC runs after each row group.
    /// </summary>
    public static async Task<int> ChildAsync(string path, bool collect)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.WorkingSet64;
        var largest = 0L;
        var peakHeap = 0L;
        var sw = Stopwatch.StartNew();
        await using (var reader = await ParquetReader.OpenFileAsync(path).ConfigureAwait(false))
        {
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var batch = await reader.ReadRowGroupAsync(g).ConfigureAwait(false);
                largest = Math.Max(largest, BatchBytes.Of(batch));
                _ = ColumnChecksum.Of(batch.Column(0));
                peakHeap = Math.Max(peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                batch = null;
                if (collect)
                {
                    // Diagnostic variant: a full blocking collection between row groups tells garbage the GC
                    // has not yet reclaimed apart from memory the reader still holds.
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                }
            }
        }

        process.Refresh();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["peak_working_set"] = process.PeakWorkingSet64,
            ["peak_gc_heap"] = peakHeap,
            ["largest_row_group"] = largest,
            ["start_working_set"] = start,
            ["seconds"] = sw.Elapsed.TotalSeconds,
        }));
        return 0;
    }

    public static PeakMemoryProbe RunChild(string path, bool collect)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) is "dotnet")
        {
            psi.ArgumentList.Add(typeof(PeakMemoryProbe).Assembly.Location);
        }

        psi.ArgumentList.Add("parquet-peak");
        psi.ArgumentList.Add(path);
        if (collect)
        {
            psi.ArgumentList.Add("--collect");
        }
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the probe");
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"memory probe failed ({process.ExitCode})");
        }

        var e = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement;
        var probe = new PeakMemoryProbe(
            (long)e.GetProperty("peak_working_set").GetDouble(),
            (long)e.GetProperty("peak_gc_heap").GetDouble(),
            (long)e.GetProperty("largest_row_group").GetDouble(),
            (long)e.GetProperty("start_working_set").GetDouble(),
            e.GetProperty("seconds").GetDouble());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  memory probe{(collect ? " (forced full GC after each row group)" : "")}: read in {probe.Seconds:0.0} s, working set at start {probe.StartWorkingSet / 1e6:N0} MB, peak {probe.PeakWorkingSet / 1e6:N0} MB, largest row group {probe.LargestRowGroupArrowBytes / 1e6:N0} MB of Arrow buffers"));
        return probe;
    }
}
