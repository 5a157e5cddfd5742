namespace Lakehouse.Ingest.Configuration;

/// <summary>
/// An invalid ingest configuration, found before anything starts. <see cref="Problems"/> holds every problem
/// found, each as <c>FILE:LINE:COLUMN: key: what is wrong</c>; the message joins them one per line.
/// </summary>
public sealed class IngestConfigException : Exception
{
    public IngestConfigException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public IngestConfigException()
        : this([])
    {
    }

    public IngestConfigException(string message)
        : this([message])
    {
    }

    public IngestConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
