namespace Lakehouse.Sql.Execution;

/// <summary>
/// Counts bytes held by blocking operators (hash tables, sort and join buffers) against the query's limit;
/// exceeding it fails the query with a clear error instead of exhausting the process.
/// </summary>
public sealed class MemoryTracker
{
    private long _used;
    private long _peak;

    public MemoryTracker(long? limitBytes) => LimitBytes = limitBytes;

    public long? LimitBytes { get; }

    public long UsedBytes => Interlocked.Read(ref _used);

    public long PeakBytes => Interlocked.Read(ref _peak);

    /// <summary>Adds <paramref name="bytes"/> (negative to release); throws when over the limit.</summary>
    public void Add(long bytes, string what)
    {
        var now = Interlocked.Add(ref _used, bytes);
        long peak;
        while (now > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }

        if (bytes > 0 && LimitBytes is { } limit && now > limit)
        {
            throw new SqlException(SqlErrorKind.Execution, $"query exceeded the memory limit of {Format(limit)} ({what} needed {Format(now)}); raise the limit or reduce the data (filters, fewer groups)");
        }
    }

    private static string Format(long bytes) => bytes >= 1 << 20 ? $"{bytes / (1 << 20)} MiB" : $"{bytes} bytes";
}
