namespace Lakehouse.Table.IO;

/// <summary>
/// Batched folder fsyncs for local files. A new file's bytes are fsynced when its stream is disposed, but the
/// folder entry that names it is only recorded here (<see cref="Defer"/>); <see cref="SyncPending"/> fsyncs every
/// recorded folder once. Every commit calls it (through <see cref="IFileIO.SyncAsync"/>) after writing the
/// metadata file and before the catalog swap, so all data, delete, manifest, manifest-list and metadata files a
/// snapshot references are durable before it becomes current, at one folder fsync per folder per commit instead
/// of one per file. The set is process-wide (any <see cref="LocalFileIO"/> instance), and a sync holds a lock for
/// the whole drain-and-fsync, so a caller never returns while a folder it depends on is still being synced by
/// another thread.
/// </summary>
internal static class DirectorySync
{
    private static readonly Lock s_lock = new();
    private static readonly Lock s_syncLock = new();
    private static HashSet<string> s_pending = new(StringComparer.Ordinal);

    private static long s_syncCount;

    /// <summary>Number of folder fsyncs issued so far (for tests and the bench).</summary>
    public static long SyncCount => Interlocked.Read(ref s_syncCount);

    /// <summary>Number of folders waiting for a sync.</summary>
    public static int PendingCount
    {
        get
        {
            lock (s_lock)
            {
                return s_pending.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="directory"/> (a full path) has files whose names are not yet durable.</summary>
    public static bool IsPending(string directory)
    {
        lock (s_lock)
        {
            return s_pending.Contains(directory);
        }
    }

    public static void Defer(string directory)
    {
        lock (s_lock)
        {
            s_pending.Add(directory);
        }
    }

    public static void SyncPending()
    {
        lock (s_syncLock)
        {
            HashSet<string> drained;
            lock (s_lock)
            {
                if (s_pending.Count == 0)
                {
                    return;
                }

                drained = s_pending;
                s_pending = new HashSet<string>(StringComparer.Ordinal);
            }

            foreach (var directory in drained)
            {
                Sync(directory);
            }
        }
    }

    public static void Sync(string directory)
    {
        Interlocked.Increment(ref s_syncCount);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var handle = File.OpenHandle(directory, FileMode.Open, FileAccess.Read);
            RandomAccess.FlushToDisk(handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Some filesystems refuse fsync on directories (or the folder was removed since); the files are durable.
        }
    }
}
