namespace Lakehouse.Ingest.Tests;

/// <summary>Thrown by <see cref="MemoryIngestTable"/> views to simulate the process dying.</summary>
internal sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
