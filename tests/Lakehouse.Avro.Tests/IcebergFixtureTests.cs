using System.Text;
using System.Text.Json.Nodes;

using Lakehouse.Avro.Container;
using Lakehouse.Avro.Generic;
using Lakehouse.Avro.Schema;
using Lakehouse.Testing;

using Xunit;

namespace Lakehouse.Avro.Tests;

/// <summary>
/// The manifests and manifest lists that Java, PyIceberg, Rust, DuckDB, Impala and others wrote into the
/// shared fixtures: all parse (with their field ids), all records decode, and they equal what avro-js reads.
/// </summary>
public class IcebergFixtureTests
{
    private static List<string> Files()
    {
        var root = SharedFixtures.RequireRoot();
        var dir = Path.Combine(root, "iceberg");
        Skip.If(!Directory.Exists(dir), "no iceberg fixtures");
        var files = Directory.EnumerateFiles(dir, "*.avro", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Skip.If(files.Count == 0, "no Iceberg Avro files in the shared fixtures");

        // Encrypted manifest lists (Iceberg v3 encryption) are not Avro container files until decrypted.
        return files.Where(f => !IsEncrypted(f)).ToList();
    }

    private static bool IsEncrypted(string file)
    {
        Span<byte> magic = stackalloc byte[4];
        using var s = File.OpenRead(file);
        return s.Read(magic) < 4 || !magic.SequenceEqual(AvroContainer.Magic);
    }

    [SkippableFact]
    public void NonAvroFilesAreReportedCorrupt()
    {
        var root = SharedFixtures.RequireRoot();
        var encrypted = Directory.EnumerateFiles(Path.Combine(root, "iceberg"), "*.avro", SearchOption.AllDirectories).Where(IsEncrypted).ToList();
        Skip.If(encrypted.Count == 0, "no encrypted manifest lists in the fixtures");
        foreach (var file in encrypted)
        {
            var ex = Assert.Throws<Lakehouse.Arrow.CorruptFileException>(() => AvroFileReader.Open(file));
            Assert.Equal(file, ex.Source);
        }
    }

    [SkippableFact]
    public void AllManifestsParseWithFieldIds()
    {
        var manifests = 0;
        var manifestLists = 0;
        foreach (var file in Files())
        {
            var reader = AvroFileReader.Open(file);
            var all = reader.ReadAll();
            Assert.Equal(reader.CountObjects(), all.Count);
            if (reader.Schema is not RecordSchema schema)
            {
                continue; // e.g. a test file whose top-level schema is a union
            }

            var records = all.Cast<AvroRecord>().ToList();

            if (schema.GetField("manifest_path") is { } path)
            {
                // A manifest list (v1 or v2): manifest_path is field 500, added_snapshot_id 503.
                manifestLists++;
                Assert.Equal(500, path.FieldId);
                Assert.Equal(503, schema.GetField("added_snapshot_id")?.FieldId);
                Assert.All(records, r => Assert.IsType<string>(r["manifest_path"]));
                Assert.All(records, r => Assert.IsType<long>(r.GetById(501)));
            }
            else if (schema.GetField("data_file") is { } dataFile)
            {
                // A manifest: status 0, data_file 2 with file_path 100, record_count 103, partition 102.
                manifests++;
                Assert.Equal(0, schema.GetField("status")?.FieldId);
                Assert.Equal(2, dataFile.FieldId);
                var df = Assert.IsType<RecordSchema>(dataFile.Schema is UnionSchema u ? u.NonNullBranch : dataFile.Schema);
                Assert.Equal(100, df.GetField("file_path")?.FieldId);
                Assert.Equal(103, df.GetField("record_count")?.FieldId);
                Assert.Equal(102, df.GetField("partition")?.FieldId);
                foreach (var r in records)
                {
                    // BigQuery writes every field as an optional union, so values may be null there.
                    if (r["data_file"] is AvroRecord d)
                    {
                        Assert.True(d["file_path"] is string or null);
                        Assert.True(d.GetById(103) is long or null);
                    }
                }
            }
        }

        Assert.True(manifests > 10, $"only {manifests} manifests found");
        Assert.True(manifestLists > 10, $"only {manifestLists} manifest lists found");
    }

    [SkippableFact]
    public void RecordsEqualWhatAvroJsReads()
    {
        var files = Files();
        var dir = RepoPaths.NewTempDirectory("avro-fixtures");
        var list = Path.Combine(dir, "files.txt");
        File.WriteAllText(list, string.Join('\n', files) + "\n", new UTF8Encoding(false));
        string output;
        try
        {
            output = NodeOracle.Run("avro-read-many.mjs", list);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Count, lines.Length);
        var compared = 0;
        foreach (var line in lines)
        {
            var theirs = JsonNode.Parse(line)!.AsObject();
            var file = theirs["file"]!.GetValue<string>();
            Assert.True(theirs["error"] is null, $"avro-js could not read {file}: {theirs["error"]}");
            var reader = AvroFileReader.Open(file);
            var ours = reader.ReadAll();
            var records = theirs["records"]!.AsArray();
            Assert.True(ours.Count == records.Count, $"{file}: {ours.Count} records, avro-js {records.Count}");
            for (var i = 0; i < ours.Count; i++)
            {
                Plain.AssertMatches(ours[i], records[i], $"{Path.GetFileName(file)}[{i}]");
            }

            var metadata = theirs["metadata"]!.AsObject();
            Assert.Equal(metadata.Count, reader.Metadata.Count);
            foreach (var (key, value) in metadata)
            {
                Assert.Equal(value!.GetValue<string>(), reader.GetMetadataString(key));
            }

            compared++;
        }

        Assert.Equal(files.Count, compared);
    }

    [SkippableFact]
    public void ManifestsResolveAgainstAProjection()
    {
        // A reader that wants only a few fields by id (as the Iceberg scan planner will) with other names.
        var projection = AvroSchema.Parse("""
            {"type":"record","name":"entry","fields":[
              {"name":"st","type":["null","int"],"field-id":0},
              {"name":"df","type":["null",{"type":"record","name":"df","fields":[
                {"name":"path","type":["null","string"],"field-id":100},
                {"name":"rows","type":["null","long"],"field-id":103},
                {"name":"not_there","type":["null","long"],"field-id":99999}]}],"field-id":2}]}
            """);
        var read = 0;
        foreach (var file in Files())
        {
            var reader = AvroFileReader.Open(file);
            if (reader.Schema is not RecordSchema { } top || top.GetField("data_file") is null)
            {
                continue;
            }

            foreach (var r in reader.ReadRecords(projection))
            {
                if (r["df"] is not AvroRecord df)
                {
                    continue;
                }

                Assert.True(df["path"] is string or null);
                Assert.True(df["rows"] is long or null);
                Assert.Null(df["not_there"]);
                read++;
            }
        }

        Assert.True(read > 0);
    }

    [SkippableFact]
    public void RewrittenManifestsReadTheSameInAvroJs()
    {
        // Every fixture rewritten by our writer (same schema and key-value metadata, deflate, small blocks)
        // must read back in avro-js exactly as avro-js reads the original.
        var files = Files();
        var dir = RepoPaths.NewTempDirectory("avro-rewrite");
        try
        {
            var originals = new List<string>();
            var rewritten = new List<string>();
            for (var i = 0; i < files.Count; i++)
            {
                var reader = AvroFileReader.Open(files[i]);
                var extra = reader.Metadata.Where(kv => !kv.Key.StartsWith("avro.", StringComparison.Ordinal)).ToList();
                var target = Path.Combine(dir, $"{i}.avro");
                using (var stream = File.Create(target))
                using (var writer = new AvroFileWriter(stream, reader.Schema, new AvroFileWriterOptions { Codec = AvroCodec.Deflate, BlockSize = 1024, BinaryMetadata = extra }))
                {
                    foreach (var value in reader.Read())
                    {
                        writer.Append(value);
                    }
                }

                originals.Add(files[i]);
                rewritten.Add(target);
            }

            var list = Path.Combine(dir, "files.txt");
            File.WriteAllText(list, string.Join('\n', originals.Concat(rewritten)) + "\n", new UTF8Encoding(false));
            var lines = NodeOracle.Run("avro-read-many.mjs", list).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(originals.Count * 2, lines.Length);
            for (var i = 0; i < originals.Count; i++)
            {
                var original = JsonNode.Parse(lines[i])!.AsObject();
                var ours = JsonNode.Parse(lines[originals.Count + i])!.AsObject();
                Assert.True(ours["error"] is null, $"avro-js cannot read our rewrite of {originals[i]}: {ours["error"]}");
                Assert.True(JsonNode.DeepEquals(original["records"], ours["records"]), $"records of {originals[i]} differ after our rewrite");
                foreach (var (key, value) in original["metadata"]!.AsObject())
                {
                    if (!key.StartsWith("avro.", StringComparison.Ordinal))
                    {
                        Assert.Equal(value!.GetValue<string>(), ours["metadata"]![key]!.GetValue<string>());
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
