namespace Lakehouse.Table.Catalog;

/// <summary>
/// A commit that cannot succeed: the table changed since the commit's base in a way that conflicts with it
/// (or the compare-and-swap kept failing after the configured retries). Nothing of the failed commit is visible.
/// </summary>
public sealed class CommitConflictException : Exception
{
    public CommitConflictException()
    {
    }

    public CommitConflictException(string message)
        : base(message)
    {
    }

    public CommitConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
