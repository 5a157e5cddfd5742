using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Lakehouse.Table.Catalog.Sql;

/// <summary>
/// The embedded catalog database: one SQLite file (Microsoft.Data.Sqlite, pooled connections). Several processes may
/// commit to the same file: the database runs in WAL mode, every connection waits for the write lock
/// (<c>busy_timeout</c>) instead of failing at once, and transactions that write take the lock up front
/// (<c>BEGIN IMMEDIATE</c>), so a CAS never fails with a stale-snapshot error.
/// </summary>
public sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;

    /// <param name="path">The database file; created (with its folder) on first use unless <paramref name="readOnly"/>.</param>
    /// <param name="readOnly">Open without ever writing (e.g. another engine's catalog file).</param>
    /// <param name="busyTimeout">How long a statement waits for another process's write lock.</param>
    public SqliteDialect(string path, bool readOnly = false, TimeSpan? busyTimeout = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        ReadOnly = readOnly;
        _busyTimeoutMs = (int)(busyTimeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
        if (readOnly && !File.Exists(Path))
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"catalog database not found: {Path}");
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = Math.Max(1, _busyTimeoutMs / 1000),
        }.ToString();
    }

    /// <summary>The absolute path of the database file.</summary>
    public string Path { get; }

    public override string Description => "sqlite:" + Path;

    public override bool ReadOnly { get; }

    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (!ReadOnly)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {_busyTimeoutMs};");
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public override async Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 or 2067 };

    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection held the lock longer than the busy timeout.
    public override bool IsTransient(DbException exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 };

    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open (and its WAL); release them so the file can be removed or copied.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return base.DisposeAsync();
    }
}
