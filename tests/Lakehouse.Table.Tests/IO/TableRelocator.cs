using System.Text.Json.Nodes;
using Lakehouse.Avro.Container;
using Lakehouse.Avro.Generic;
using Lakehouse.Table.IO;

namespace Lakehouse.Table.Tests.IO;

/// <summary>
/// Copies the current snapshot of a local table to another storage under a new location, rewriting every path on the
/// way (metadata <c>location</c> and <c>manifest-list</c>, manifest-list <c>manifest_path</c>, manifest
/// <c>data_file.file_path</c>); data and delete files are copied byte for byte, so tables whose position-delete
/// files name data paths cannot be moved this way.
/// </summary>
internal static class TableRelocator
{
    public static async Task<string> CopyAsync(IcebergTable table, IFileIO target, string newLocation)
    {
        var snapshot = table.Metadata.CurrentSnapshot ?? throw new InvalidOperationException("table has no snapshot");
        var counter = 0;
        string NewPath(string old) => $"{newLocation}/data/{Interlocked.Increment(ref counter):D4}-{old[(old.LastIndexOf('/') + 1)..]}";

        var manifests = table.ReadManifestList(snapshot);
        var manifestPaths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var manifest in manifests)
        {
            var newManifest = $"{newLocation}/metadata/{Interlocked.Increment(ref counter):D4}-{manifest.ManifestPath[(manifest.ManifestPath.LastIndexOf('/') + 1)..]}";
            manifestPaths[manifest.ManifestPath] = newManifest;
            var bytes = File.ReadAllBytes(table.Files!.Resolve(manifest.ManifestPath));
            await RewriteAvroAsync(bytes, target, newManifest, async record =>
            {
                var dataFile = (AvroRecord)record["data_file"]!;
                var oldPath = (string)dataFile["file_path"]!;
                var newPath = NewPath(oldPath);
                await WriteAsync(target, newPath, File.ReadAllBytes(table.Files!.Resolve(oldPath)));
                dataFile["file_path"] = newPath;
            });
        }

        string? newList = null;
        if (snapshot.ManifestList is { } list)
        {
            newList = $"{newLocation}/metadata/snap-{snapshot.SnapshotId}-relocated.avro";
            await RewriteAvroAsync(File.ReadAllBytes(table.Files!.Resolve(list)), target, newList, record =>
            {
                record["manifest_path"] = manifestPaths[(string)record["manifest_path"]!];
                return Task.CompletedTask;
            });
        }

        var json = JsonNode.Parse(File.ReadAllBytes(table.MetadataLocation))!.AsObject();
        json["location"] = newLocation;
        foreach (var s in json["snapshots"]!.AsArray())
        {
            if (s!["snapshot-id"]!.GetValue<long>() == snapshot.SnapshotId)
            {
                if (newList is not null)
                {
                    s["manifest-list"] = newList;
                }
                else
                {
                    s["manifests"] = new JsonArray([.. s["manifests"]!.AsArray().Select(m => (JsonNode)JsonValue.Create(manifestPaths[m!.GetValue<string>()]))]);
                }
            }
        }

        var metadataLocation = $"{newLocation}/metadata/00000-relocated.metadata.json";
        await WriteAsync(target, metadataLocation, System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        return metadataLocation;
    }

    private static async Task RewriteAvroAsync(byte[] bytes, IFileIO target, string location, Func<AvroRecord, Task> rewrite)
    {
        var reader = AvroFileReader.Open(bytes, location);
        var records = reader.ReadRecords().ToList();
        foreach (var record in records)
        {
            await rewrite(record);
        }

        var metadata = reader.Metadata.Where(kv => !kv.Key.StartsWith("avro.", StringComparison.Ordinal)).ToList();
        using var buffer = new MemoryStream();
        await using (var writer = new AvroFileWriter(buffer, reader.Schema, new AvroFileWriterOptions { BinaryMetadata = metadata, LeaveOpen = true }))
        {
            foreach (var record in records)
            {
                writer.Append(record);
            }
        }

        await WriteAsync(target, location, buffer.ToArray());
    }

    private static async Task WriteAsync(IFileIO io, string location, byte[] bytes)
    {
        var stream = await io.NewOutputFile(location).CreateAsync(overwrite: true);
        await using (stream)
        {
            await stream.WriteAsync(bytes);
        }
    }
}
