using Lakehouse.Table.IO;
using Lakehouse.Table.Manifests;
using Lakehouse.Table.Metadata;
using Lakehouse.Table.Scanning;

namespace Lakehouse.Table;

/// <summary>A loaded Iceberg table: its metadata, where it lives locally, and scans over it.</summary>
public sealed class IcebergTable
{
    private IcebergTable(TableMetadata metadata, string metadataPath, FileLocator files)
    {
        Metadata = metadata;
        MetadataPath = metadataPath;
        Files = files;
    }

    public TableMetadata Metadata { get; }

    /// <summary>The local metadata JSON file this table was loaded from.</summary>
    public string MetadataPath { get; }

    /// <summary>Resolves paths written in the metadata to local files (moved tables included).</summary>
    public FileLocator Files { get; }

    /// <summary>Loads a table from a folder (latest metadata: version-hint.text or highest version) or a metadata JSON path.</summary>
    public static IcebergTable Load(string path)
    {
        var metadataPath = File.Exists(path) ? Path.GetFullPath(path) : MetadataLocator.FindLatest(path);
        var metadata = TableMetadataParser.ReadFile(metadataPath);
        var dir = Path.GetDirectoryName(metadataPath)!;
        var root = string.Equals(Path.GetFileName(dir), "metadata", StringComparison.Ordinal) ? Path.GetDirectoryName(dir)! : dir;
        return new IcebergTable(metadata, metadataPath, new FileLocator(root, metadata.Location));
    }

    public TableScan NewScan() => new(this);

    /// <summary>The manifests of <paramref name="snapshot"/> (manifest list, or the v1 inline manifest paths).</summary>
    public List<ManifestFile> ReadManifestList(Snapshot snapshot)
    {
        if (snapshot.ManifestList is { } list)
        {
            var local = Files.Resolve(list);
            return ManifestListReader.Read(ReadBytes(local, list), list);
        }

        var result = new List<ManifestFile>();
        foreach (var path in snapshot.Manifests ?? [])
        {
            result.Add(new ManifestFile { ManifestPath = path, AddedSnapshotId = snapshot.SnapshotId, PartitionSpecId = Metadata.DefaultSpecId });
        }

        return result;
    }

    /// <summary>The entries of one manifest, with inheritance applied.</summary>
    public List<ManifestEntry> ReadManifest(ManifestFile manifest)
    {
        var local = Files.Resolve(manifest.ManifestPath);
        return ManifestReader.Read(ReadBytes(local, manifest.ManifestPath), manifest, Metadata);
    }

    private static byte[] ReadBytes(string local, string original)
    {
        try
        {
            return File.ReadAllBytes(local);
        }
        catch (IOException e)
        {
            throw new IcebergException(IcebergErrorKind.NotFound, $"cannot read {original}: {e.Message}", e);
        }
    }

    public override string ToString() => $"{Metadata} from {MetadataPath}";
}
