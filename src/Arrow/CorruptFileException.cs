namespace Lakehouse.Arrow;

/// <summary>
/// Thrown by every decoder (Arrow IPC, Parquet, Avro, ...) when its input does not follow the format:
/// names the source, the byte offset where the problem was found (when known) and what was expected.
/// </summary>
public sealed class CorruptFileException : Exception
{
    public CorruptFileException(string message)
        : base(message)
    {
    }

    public CorruptFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CorruptFileException(string? source, long offset, string problem, Exception? innerException = null)
        : base(Format(source, offset, problem), innerException)
    {
        Source = source;
        Offset = offset;
        Problem = problem;
    }

    public CorruptFileException()
    {
    }

    /// <summary>File name or stream description, when known.</summary>
    public new string? Source { get; }

    /// <summary>Byte offset of the problem, or -1 when unknown.</summary>
    public long Offset { get; } = -1;

    public string? Problem { get; }

    private static string Format(string? source, long offset, string problem)
    {
        var where = source is null ? string.Empty : $"{source}: ";
        var at = offset >= 0 ? $" (at byte {offset})" : string.Empty;
        return $"Corrupt file: {where}{problem}{at}";
    }
}
