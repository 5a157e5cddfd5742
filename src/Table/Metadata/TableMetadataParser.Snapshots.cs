using System.Text.Json;

namespace Lakehouse.Table.Metadata;

/// <summary>Snapshots, refs, logs, statistics and encryption keys.</summary>
public static partial class TableMetadataParser
{
    private static List<Snapshot> ReadSnapshots(JsonElement root, JsonPath path, int formatVersion)
    {
        var result = new List<Snapshot>();
        if (!JsonPath.TryGet(root, "snapshots", out var array))
        {
            return result;
        }

        var p = path.Child("snapshots");
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw p.Error("must be a list");
        }

        var i = 0;
        foreach (var s in array.EnumerateArray())
        {
            result.Add(ReadSnapshot(s, p.Index(i++), formatVersion));
        }

        return result;
    }

    private static Snapshot ReadSnapshot(JsonElement s, JsonPath p, int formatVersion)
    {
        p.ExpectObject(s);
        var v1 = formatVersion == 1;
        var manifestList = p.OptionalString(s, "manifest-list");
        List<string>? manifests = null;
        if (manifestList is null)
        {
            if (JsonPath.TryGet(s, "manifests", out var m) && m.ValueKind == JsonValueKind.Array)
            {
                manifests = [];
                foreach (var e in m.EnumerateArray())
                {
                    manifests.Add(e.ValueKind == JsonValueKind.String ? e.GetString()! : throw p.Child("manifests").Error("must be a list of strings"));
                }
            }
            else if (!v1)
            {
                throw p.Child("manifest-list").Error("is missing");
            }
        }

        var summary = p.StringMap(s, "summary");
        if (!v1 && !JsonPath.TryGet(s, "summary", out _))
        {
            throw p.Child("summary").Error("is missing");
        }

        var parent = p.OptionalLong(s, "parent-snapshot-id");
        return new Snapshot
        {
            SnapshotId = p.RequiredLong(s, "snapshot-id"),
            ParentSnapshotId = parent == -1 ? null : parent,
            SequenceNumber = v1 ? p.OptionalLong(s, "sequence-number") ?? 0 : p.RequiredLong(s, "sequence-number"),
            TimestampMs = p.RequiredLong(s, "timestamp-ms"),
            ManifestList = manifestList,
            Manifests = manifests,
            Summary = summary,
            SchemaId = p.OptionalInt(s, "schema-id"),
            FirstRowId = p.OptionalLong(s, "first-row-id"),
            AddedRows = p.OptionalLong(s, "added-rows"),
            KeyId = p.OptionalString(s, "key-id"),
        };
    }

    private static Dictionary<string, SnapshotRef> ReadRefs(JsonElement root, JsonPath path)
    {
        var refs = new Dictionary<string, SnapshotRef>(StringComparer.Ordinal);
        if (!JsonPath.TryGet(root, "refs", out var obj))
        {
            return refs;
        }

        var p = path.Child("refs");
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw p.Error("must be an object");
        }

        foreach (var prop in obj.EnumerateObject())
        {
            var rp = p.Child(prop.Name);
            rp.ExpectObject(prop.Value);
            var type = rp.RequiredString(prop.Value, "type").ToLowerInvariant() switch
            {
                "branch" => SnapshotRefType.Branch,
                "tag" => SnapshotRefType.Tag,
                var t => throw rp.Child("type").Error($"must be \"branch\" or \"tag\", got \"{t}\""),
            };
            refs[prop.Name] = new SnapshotRef(
                rp.RequiredLong(prop.Value, "snapshot-id"),
                type,
                rp.OptionalInt(prop.Value, "min-snapshots-to-keep"),
                rp.OptionalLong(prop.Value, "max-snapshot-age-ms"),
                rp.OptionalLong(prop.Value, "max-ref-age-ms"));
        }

        return refs;
    }

    private static List<SnapshotLogEntry> ReadSnapshotLog(JsonElement root, JsonPath path)
    {
        var result = new List<SnapshotLogEntry>();
        foreach (var (e, p) in Items(root, path, "snapshot-log"))
        {
            result.Add(new SnapshotLogEntry(p.RequiredLong(e, "timestamp-ms"), p.RequiredLong(e, "snapshot-id")));
        }

        return result;
    }

    private static List<MetadataLogEntry> ReadMetadataLog(JsonElement root, JsonPath path)
    {
        var result = new List<MetadataLogEntry>();
        foreach (var (e, p) in Items(root, path, "metadata-log"))
        {
            result.Add(new MetadataLogEntry(p.RequiredLong(e, "timestamp-ms"), p.RequiredString(e, "metadata-file")));
        }

        return result;
    }

    private static List<StatisticsFile> ReadStatistics(JsonElement root, JsonPath path)
    {
        var result = new List<StatisticsFile>();
        foreach (var (e, p) in Items(root, path, "statistics"))
        {
            var blobs = new List<BlobMetadata>();
            foreach (var (b, bp) in Items(e, p, "blob-metadata"))
            {
                blobs.Add(new BlobMetadata
                {
                    Type = bp.RequiredString(b, "type"),
                    SourceSnapshotId = bp.RequiredLong(b, "snapshot-id"),
                    SourceSnapshotSequenceNumber = bp.RequiredLong(b, "sequence-number"),
                    Fields = bp.IntList(bp.Required(b, "fields"), "fields"),
                    Properties = JsonPath.TryGet(b, "properties", out _) ? bp.StringMap(b, "properties") : null,
                });
            }

            result.Add(new StatisticsFile
            {
                SnapshotId = p.RequiredLong(e, "snapshot-id"),
                StatisticsPath = p.RequiredString(e, "statistics-path"),
                FileSizeInBytes = p.RequiredLong(e, "file-size-in-bytes"),
                FileFooterSizeInBytes = p.RequiredLong(e, "file-footer-size-in-bytes"),
                KeyMetadata = p.OptionalString(e, "key-metadata"),
                BlobMetadata = blobs,
            });
        }

        return result;
    }

    private static List<PartitionStatisticsFile> ReadPartitionStatistics(JsonElement root, JsonPath path)
    {
        var result = new List<PartitionStatisticsFile>();
        foreach (var (e, p) in Items(root, path, "partition-statistics"))
        {
            result.Add(new PartitionStatisticsFile(p.RequiredLong(e, "snapshot-id"), p.RequiredString(e, "statistics-path"), p.RequiredLong(e, "file-size-in-bytes")));
        }

        return result;
    }

    private static List<EncryptionKey> ReadEncryptionKeys(JsonElement root, JsonPath path)
    {
        var result = new List<EncryptionKey>();
        foreach (var (e, p) in Items(root, path, "encryption-keys"))
        {
            result.Add(new EncryptionKey
            {
                KeyId = p.RequiredString(e, "key-id"),
                EncryptedKeyMetadata = p.OptionalString(e, "encrypted-key-metadata") ?? p.RequiredString(e, "key-metadata"),
                EncryptedById = p.OptionalString(e, "encrypted-by-id"),
                Properties = JsonPath.TryGet(e, "properties", out _) ? p.StringMap(e, "properties") : null,
            });
        }

        return result;
    }

    private static IEnumerable<(JsonElement Element, JsonPath Path)> Items(JsonElement obj, JsonPath path, string name)
    {
        if (!JsonPath.TryGet(obj, name, out var array))
        {
            yield break;
        }

        var p = path.Child(name);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw p.Error("must be a list");
        }

        var i = 0;
        foreach (var e in array.EnumerateArray())
        {
            var ep = p.Index(i++);
            ep.ExpectObject(e);
            yield return (e, ep);
        }
    }
}
