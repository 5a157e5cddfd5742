using System.Globalization;
using Lakehouse.Table.Catalog;
using Lakehouse.Table.IO;
using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Operations;

/// <summary>
/// The commit primitive of one catalog table. <see cref="RefreshAsync"/> loads the current metadata;
/// <see cref="CommitAsync(TableMetadata?, TableMetadata, CancellationToken)"/> writes the next metadata file
/// (<c>{location}/metadata/{version:00000}-{uuid}.metadata.json</c>, gzip per <c>write.metadata.compression-codec</c>)
/// with create-if-absent and swaps it in with the catalog's compare-and-swap. A lost race throws
/// <see cref="CommitConflictException"/> after deleting the file it wrote; <see cref="CommitAsync(Func{TableMetadata, TableMetadata}, CancellationToken)"/>
/// retries by re-applying a change to the refreshed metadata per the <c>commit.retry.*</c> properties.
/// </summary>
public sealed partial class TableOperations
{
    private readonly TimeProvider _time;
    private TableMetadata? _current;

    public TableOperations(ICatalog catalog, TableIdentifier identifier, IFileIO? fileIO = null, TimeProvider? time = null)
    {
        Catalog = catalog;
        Identifier = identifier;
        FileIO = fileIO ?? catalog.FileIO;
        _time = time ?? TimeProvider.System;
    }

    public ICatalog Catalog { get; }

    public TableIdentifier Identifier { get; }

    public IFileIO FileIO { get; }

    /// <summary>The clock used for metadata timestamps (tests pass a fake one).</summary>
    public TimeProvider Time => _time;

    /// <summary>The metadata last loaded or committed by this instance (null before the first refresh).</summary>
    public TableMetadata? Current => _current;

    /// <summary>Loads the table's current metadata from the catalog.</summary>
    public async Task<TableMetadata> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var location = await Catalog.LoadMetadataLocationAsync(Identifier, cancellationToken).ConfigureAwait(false);
        if (_current is not null && string.Equals(_current.MetadataFileLocation, location, StringComparison.Ordinal))
        {
            return _current;
        }

        _current = await TableMetadataParser.ReadAsync(FileIO.NewInputFile(location), cancellationToken).ConfigureAwait(false);
        return _current;
    }

    /// <summary>The current metadata, loading it on first use.</summary>
    public async Task<TableMetadata> CurrentAsync(CancellationToken cancellationToken = default) =>
        _current ?? await RefreshAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Creates the table: writes <paramref name="metadata"/> as version 0 and registers it. Throws
    /// <see cref="IcebergException"/> (AlreadyExists) when the name is taken (the written file is deleted).
    /// </summary>
    public async Task<TableMetadata> CreateAsync(TableMetadata metadata, CancellationToken cancellationToken = default)
    {
        var location = NewMetadataLocation(metadata, 0);
        await WriteAsync(location, metadata, cancellationToken).ConfigureAwait(false);
        try
        {
            await Catalog.RegisterTableAsync(Identifier, location, cancellationToken).ConfigureAwait(false);
        }
        catch (IcebergException e) when (e.Kind == IcebergErrorKind.AlreadyExists)
        {
            await DeleteQuietlyAsync(location).ConfigureAwait(false);
            throw;
        }

        _current = metadata.WithMetadataFileLocation(location);
        return _current;
    }

    /// <summary>Creates a table in <paramref name="catalog"/> (location defaults to the catalog's) and returns its operations.</summary>
    public static async Task<TableOperations> CreateTableAsync(
        ICatalog catalog,
        TableIdentifier identifier,
        Types.Schema schema,
        PartitionSpec? spec = null,
        SortOrder? sortOrder = null,
        string? location = null,
        IReadOnlyDictionary<string, string>? properties = null,
        TimeProvider? time = null,
        CancellationToken cancellationToken = default)
    {
        var ops = new TableOperations(catalog, identifier, time: time);
        var metadata = TableMetadataBuilder.NewTableMetadata(schema, spec, sortOrder, location ?? catalog.DefaultTableLocation(identifier), properties, time: time);
        await ops.CreateAsync(metadata, cancellationToken).ConfigureAwait(false);
        return ops;
    }

    /// <summary>
    /// Commits <paramref name="updated"/> over <paramref name="baseMetadata"/> (which must have been loaded from the
    /// catalog: its file is the expected location of the compare-and-swap). Returns the committed metadata with its
    /// new file location; returns the base unchanged when there is nothing to commit.
    /// </summary>
    public async Task<TableMetadata> CommitAsync(TableMetadata? baseMetadata, TableMetadata updated, CancellationToken cancellationToken = default)
    {
        if (baseMetadata is null)
        {
            return await CreateAsync(updated, cancellationToken).ConfigureAwait(false);
        }

        if (ReferenceEquals(baseMetadata, updated))
        {
            return baseMetadata;
        }

        var expected = baseMetadata.MetadataFileLocation
            ?? throw IcebergException.Invalid("cannot commit: the base metadata was not loaded from a metadata file");
        var location = NewMetadataLocation(updated, ParseVersion(expected) + 1);
        await WriteAsync(location, updated, cancellationToken).ConfigureAwait(false);
        try
        {
            await Catalog.CommitTableAsync(Identifier, expected, location, cancellationToken).ConfigureAwait(false);
        }
        catch (CommitConflictException)
        {
            await DeleteQuietlyAsync(location).ConfigureAwait(false);
            _current = null;
            throw;
        }

        _current = updated.WithMetadataFileLocation(location);
        await DeleteRemovedMetadataFilesAsync(baseMetadata, _current).ConfigureAwait(false);
        return _current;
    }

    /// <summary>
    /// Refreshes, applies <paramref name="update"/> to the current metadata and commits, retrying on
    /// <see cref="CommitConflictException"/> (re-applying the change to the refreshed metadata) with exponential
    /// backoff per <c>commit.retry.num-retries</c>, <c>min-wait-ms</c>, <c>max-wait-ms</c> and <c>total-timeout-ms</c>.
    /// <paramref name="update"/> may throw to abandon the commit (e.g. a validation that failed against newer metadata).
    /// </summary>
    public async Task<TableMetadata> CommitAsync(Func<TableMetadata, TableMetadata> update, CancellationToken cancellationToken = default)
    {
        var start = _time.GetTimestamp();
        var attempt = 0;
        var baseMetadata = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var updated = update(baseMetadata);
            try
            {
                return await CommitAsync(baseMetadata, updated, cancellationToken).ConfigureAwait(false);
            }
            catch (CommitConflictException e)
            {
                var props = baseMetadata.Properties;
                var retries = TableProperties.GetInt(props, TableProperties.CommitNumRetries, TableProperties.CommitNumRetriesDefault);
                var minWait = TableProperties.GetInt(props, TableProperties.CommitMinRetryWaitMs, TableProperties.CommitMinRetryWaitMsDefault);
                var maxWait = TableProperties.GetInt(props, TableProperties.CommitMaxRetryWaitMs, TableProperties.CommitMaxRetryWaitMsDefault);
                var total = TableProperties.GetInt(props, TableProperties.CommitTotalRetryTimeMs, TableProperties.CommitTotalRetryTimeMsDefault);
                attempt++;
                if (attempt > retries || _time.GetElapsedTime(start).TotalMilliseconds > total)
                {
                    throw new CommitConflictException($"commit to {Identifier} failed after {attempt} attempt(s): {e.Message}", e);
                }

                var wait = RetryWaitMs(attempt, minWait, maxWait);
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), _time, cancellationToken).ConfigureAwait(false);
                }

                baseMetadata = await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The folder new metadata files go to: <c>write.metadata.path</c> or <c>{location}/metadata</c>.</summary>
    public static string MetadataFolder(TableMetadata metadata) =>
        metadata.Properties.TryGetValue(TableProperties.WriteMetadataLocation, out var path) ? path.TrimEnd('/') : metadata.Location.TrimEnd('/') + "/metadata";

    /// <summary><c>{folder}/{version:00000}-{uuid}.metadata.json</c> (<c>.gz.metadata.json</c> with gzip).</summary>
    public static string NewMetadataLocation(TableMetadata metadata, int version)
    {
        var gzip = IsGzip(metadata);
        return $"{MetadataFolder(metadata)}/{version.ToString("00000", CultureInfo.InvariantCulture)}-{Guid.NewGuid()}{(gzip ? ".gz" : string.Empty)}.metadata.json";
    }

    /// <summary>The version number at the start of a metadata file name (<c>00012-uuid...</c> or <c>v12...</c>), or -1.</summary>
    public static int ParseVersion(string metadataLocation)
    {
        var name = metadataLocation[(metadataLocation.LastIndexOf('/') + 1)..];
        var start = name.StartsWith('v') ? 1 : 0;
        var end = start;
        while (end < name.Length && char.IsAsciiDigit(name[end]))
        {
            end++;
        }

        return end > start && int.TryParse(name.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
    }

    private static bool IsGzip(TableMetadata metadata)
    {
        var codec = TableProperties.GetString(metadata.Properties, TableProperties.MetadataCompression, TableProperties.MetadataCompressionDefault);
        return codec.ToLowerInvariant() switch
        {
            "gzip" => true,
            "none" or "" => false,
            _ => throw IcebergException.Invalid($"table property '{TableProperties.MetadataCompression}': unsupported codec '{codec}' (none or gzip)"),
        };
    }

    private static int RetryWaitMs(int attempt, int minWait, int maxWait)
    {
        var exp = minWait * Math.Pow(2, attempt - 1);
        var wait = (int)Math.Min(maxWait, exp);
        return wait <= 0 ? 0 : wait - Random.Shared.Next(wait / 10 + 1);
    }

    private async Task WriteAsync(string location, TableMetadata metadata, CancellationToken cancellationToken)
    {
        var bytes = IsGzip(metadata) ? TableMetadataWriter.ToGzipBytes(metadata) : TableMetadataWriter.ToUtf8Bytes(metadata);
        var stream = await FileIO.NewOutputFile(location).CreateAsync(overwrite: false, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }

        // Every file the new metadata references (and the metadata file itself) must be durable before the swap.
        await FileIO.SyncAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteRemovedMetadataFilesAsync(TableMetadata baseMetadata, TableMetadata committed)
    {
        if (!TableProperties.GetBool(committed.Properties, TableProperties.MetadataDeleteAfterCommitEnabled, TableProperties.MetadataDeleteAfterCommitEnabledDefault))
        {
            return;
        }

        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in committed.MetadataLog)
        {
            kept.Add(e.MetadataFile);
        }

        foreach (var e in baseMetadata.MetadataLog)
        {
            if (!kept.Contains(e.MetadataFile))
            {
                await DeleteQuietlyAsync(e.MetadataFile).ConfigureAwait(false);
            }
        }
    }

    private async Task DeleteQuietlyAsync(string location)
    {
        try
        {
            await FileIO.DeleteFileAsync(location, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IcebergException)
        {
            // Best effort: a leftover file is unreferenced and removed by orphan-file cleanup.
        }
    }
}
