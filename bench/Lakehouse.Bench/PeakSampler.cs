using System.Diagnostics;

namespace Lakehouse.Bench;

/// <summary>Samples this process's working set every 5 ms on a background thread and keeps the peak.</summary>
public sealed class PeakSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peak;

    public PeakSampler()
    {
        _thread = new Thread(Loop) { IsBackground = true, Name = "peak sampler" };
        _thread.Start();
    }

    public long Peak => Interlocked.Read(ref _peak);

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }

    private void Loop()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop)
        {
            process.Refresh();
            var ws = process.WorkingSet64;
            if (ws > Interlocked.Read(ref _peak))
            {
                Interlocked.Exchange(ref _peak, ws);
            }

            Thread.Sleep(5);
        }
    }
}
