using System.Runtime.InteropServices;

namespace Lakehouse.Cli.Commands;

/// <summary>A cancellation token that fires on Ctrl+C (SIGINT) or SIGTERM, for commands that run until stopped.</summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration _sigint;
    private readonly PosixSignalRegistration _sigterm;

    public ShutdownSignal(TimeSpan? after = null)
    {
        _sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
        if (after is { } delay)
        {
            _source.CancelAfter(delay);
        }
    }

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _sigint.Dispose();
        _sigterm.Dispose();
        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // First signal: stop gracefully; the default action (termination) applies to the next one.
        if (!_source.IsCancellationRequested)
        {
            context.Cancel = true;
            _source.Cancel();
        }
    }
}
