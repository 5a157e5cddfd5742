using System.Collections.Concurrent;
using Lakehouse.Parquet.Reading;
using Lakehouse.Table.IO;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Scanning;

namespace Lakehouse.Table;

/// <summary>
/// A loaded Iceberg table: its metadata, the storage its files are read from, and scans over it. Tables loaded from a
/// local folder (<see cref="Load"/>) resolve the paths written in their metadata through a <see cref="FileLocator"/>
/// (moved tables work); tables loaded through an <see cref="IFileIO"/> (<see cref="LoadAsync"/>, e.g. on S3 or from a
/// catalog) read every location as written.
/// </summary>
public sealed class IcebergTable
{
    // Manifest lists and manifests of remote tables, fetched ahead (asynchronously) by PrefetchManifestsAsync so that
    // the synchronous planning reads them from memory. Manifest files are immutable, so entries never go stale.
    private readonly ConcurrentDictionary<string, byte[]>? _remoteCache;

    private IcebergTable(TableMetadata metadata, string metadataLocation, IFileIO fileIO, FileLocator? files)
    {
        Metadata = metadata;
        MetadataLocation = metadataLocation;
        FileIO = fileIO;
        Files = files;
        _remoteCache = files is null ? new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal) : null;
    }

    public TableMetadata Metadata { get; }

    /// <summary>The metadata file this table was loaded from (a local path, or a location in <see cref="FileIO"/>).</summary>
    public string MetadataLocation { get; }

    /// <summary>The metadata file this table was loaded from (same as <see cref="MetadataLocation"/>).</summary>
    public string MetadataPath => MetadataLocation;

    /// <summary>The storage the table's files are read from.</summary>
    public IFileIO FileIO { get; }

    /// <summary>For tables loaded from a local folder: resolves paths written in the metadata to local files (moved tables included).</summary>
    public FileLocator? Files { get; }

    /// <summary>Loads a table from a local folder (latest metadata: version-hint.text or highest version) or a metadata JSON path.</summary>
    public static IcebergTable Load(string path)
    {
        var local = LocalFileIO.ToPath(path);
        var metadataPath = File.Exists(local) ? Path.GetFullPath(local) : MetadataLocator.FindLatest(local);
        var metadata = TableMetadataParser.ReadFile(metadataPath);
        return new IcebergTable(metadata, metadataPath, LocalFileIO.Instance, LocatorFor(metadataPath, metadata));
    }

    /// <summary>
    /// Loads the table whose metadata file is <paramref name="metadataLocation"/> in <paramref name="fileIO"/>. With
    /// <see cref="LocalFileIO"/> this is <see cref="Load"/> (paths resolved for moved tables).
    /// </summary>
    public static async Task<IcebergTable> LoadAsync(IFileIO fileIO, string metadataLocation, CancellationToken cancellationToken = default)
    {
        if (fileIO is LocalFileIO)
        {
            var path = Path.GetFullPath(LocalFileIO.ToPath(metadataLocation));
            var local = await TableMetadataParser.ReadAsync(fileIO.NewInputFile(path), cancellationToken).ConfigureAwait(false);
            return new IcebergTable(local, path, fileIO, LocatorFor(path, local));
        }

        var metadata = await TableMetadataParser.ReadAsync(fileIO.NewInputFile(metadataLocation), cancellationToken).ConfigureAwait(false);
        return new IcebergTable(metadata, metadataLocation, fileIO, null);
    }

    /// <summary>A table over metadata already in memory (e.g. just committed).</summary>
    public static IcebergTable FromMetadata(TableMetadata metadata, string metadataLocation, IFileIO fileIO) =>
        fileIO is LocalFileIO
            ? new IcebergTable(metadata, metadataLocation, fileIO, LocatorFor(Path.GetFullPath(LocalFileIO.ToPath(metadataLocation)), metadata))
            : new IcebergTable(metadata, metadataLocation, fileIO, null);

    private static FileLocator LocatorFor(string metadataPath, TableMetadata metadata)
    {
        var dir = Path.GetDirectoryName(metadataPath)!;
        var root = string.Equals(Path.GetFileName(dir), "metadata", StringComparison.Ordinal) ? Path.GetDirectoryName(dir)! : dir;
        return new FileLocator(root, metadata.Location);
    }

    public TableScan NewScan() => new(this);

    /// <summary>A file named in the metadata (data, delete, manifest), resolved for moved local tables.</summary>
    public IInputFile NewInputFile(string location) =>
        Files is null ? FileIO.NewInputFile(location) : new LocalInputFile(location, Files.Resolve(location));

    /// <summary>Opens a Parquet file named in the metadata for reading (the reader owns the source).</summary>
    public async Task<ParquetReader> OpenParquetAsync(string location, CancellationToken cancellationToken = default)
    {
        var source = await NewInputFile(location).OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ParquetReader.OpenAsync(source, ownsSource: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The manifests of <paramref name="snapshot"/> (manifest list, or the v1 inline manifest paths).</summary>
    public List<ManifestFile> ReadManifestList(Snapshot snapshot)
    {
        if (snapshot.ManifestList is { } list)
        {
            return ManifestListReader.Read(ReadBytes(list), list);
        }

        return InlineManifests(snapshot);
    }

    /// <summary>The manifests of <paramref name="snapshot"/>, read asynchronously.</summary>
    public async Task<List<ManifestFile>> ReadManifestListAsync(Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        if (snapshot.ManifestList is { } list)
        {
            return ManifestListReader.Read(await ReadBytesAsync(list, cancellationToken).ConfigureAwait(false), list);
        }

        return InlineManifests(snapshot);
    }

    /// <summary>The entries of one manifest, with inheritance applied.</summary>
    public List<ManifestEntry> ReadManifest(ManifestFile manifest) =>
        ManifestReader.Read(ReadBytes(manifest.ManifestPath), manifest, Metadata);

    /// <summary>The entries of one manifest, read asynchronously.</summary>
    public async Task<List<ManifestEntry>> ReadManifestAsync(ManifestFile manifest, CancellationToken cancellationToken = default) =>
        ManifestReader.Read(await ReadBytesAsync(manifest.ManifestPath, cancellationToken).ConfigureAwait(false), manifest, Metadata);

    /// <summary>
    /// For remote tables: fetches the manifest list and every manifest of <paramref name="snapshot"/> (4 at a time) into
    /// memory, so that the synchronous <see cref="TableScan.PlanFiles"/> does not wait on the network per file.
    /// Local tables need nothing.
    /// </summary>
    public async Task PrefetchManifestsAsync(Snapshot? snapshot, CancellationToken cancellationToken = default)
    {
        if (_remoteCache is null || snapshot is null)
        {
            return;
        }

        var manifests = await ReadManifestListAsync(snapshot, cancellationToken).ConfigureAwait(false);
        await Parallel.ForEachAsync(
            manifests,
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (manifest, ct) => await ReadBytesAsync(manifest.ManifestPath, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private List<ManifestFile> InlineManifests(Snapshot snapshot)
    {
        var result = new List<ManifestFile>();
        foreach (var path in snapshot.Manifests ?? [])
        {
            result.Add(new ManifestFile { ManifestPath = path, AddedSnapshotId = snapshot.SnapshotId, PartitionSpecId = Metadata.DefaultSpecId });
        }

        return result;
    }

    private byte[] ReadBytes(string location)
    {
        if (Files is not null)
        {
            var local = Files.Resolve(location);
            try
            {
                return File.ReadAllBytes(local);
            }
            catch (IOException e)
            {
                throw new IcebergException(IcebergErrorKind.NotFound, $"cannot read {location}: {e.Message}", e);
            }
        }

        if (_remoteCache!.TryGetValue(location, out var cached))
        {
            return cached;
        }

        // Not prefetched: a synchronous caller on remote storage waits for the read on a pool thread.
        return Task.Run(() => ReadBytesAsync(location, CancellationToken.None)).GetAwaiter().GetResult();
    }

    private async Task<byte[]> ReadBytesAsync(string location, CancellationToken cancellationToken)
    {
        if (Files is not null)
        {
            return await NewInputFile(location).ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_remoteCache!.TryGetValue(location, out var cached))
        {
            return cached;
        }

        var bytes = await FileIO.NewInputFile(location).ReadAllBytesAsync(cancellationToken).ConfigureAwait(false);
        _remoteCache[location] = bytes;
        return bytes;
    }

    public override string ToString() => $"{Metadata} from {MetadataLocation}";
}
