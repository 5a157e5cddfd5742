using System.Globalization;
using System.Text.Json;
using Lakehouse.Table.Operations;
using Lakehouse.Table.Tests.Operations;
using Lakehouse.Testing;
using Xunit;
using Ex = Lakehouse.Table.Expressions.Expressions;

namespace Lakehouse.Table.Tests.Writing;

/// <summary>Tables we write, checked by independent readers: avro-js (manifests, lists) and DuckDB (data files), plus python3-avro.</summary>
public sealed class InteropTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("table-interop");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableFact]
    public async Task AvroJsAndDuckDbReadOurTable()
    {
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "db.t", properties: new Dictionary<string, string> { ["commit.manifest.min-count-to-merge"] = "2" });
        for (var i = 0; i < 3; i++)
        {
            var writer = ops.NewDataWriter();
            await writer.WriteAsync(WriteFixture.Batch(i * 100, 100));
            await ops.NewAppend().AppendAll(await writer.CompleteAsync()).CommitAsync();
        }

        var committed = await ops.NewDelete().DeleteFromRowFilter(Ex.Equal("category", "b")).CommitAsync();
        var output = NodeOracle.Run("iceberg-table-check.mjs", committed.MetadataFileLocation!, "id,category");
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var errors = root.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(4, root.GetProperty("snapshots").GetInt32());
        Assert.True(root.GetProperty("manifests").GetInt32() >= 4);
        var rows = root.GetProperty("rows").EnumerateArray()
            .Select(r => (long.Parse(r[0].GetString()!, CultureInfo.InvariantCulture), r[1].GetString())).ToList();
        Assert.Equal(WriteFixture.Expected(0, 300).Where(r => r.Category != "b").ToList(), rows);
        Assert.Equal(await WriteFixture.ReadRowsAsync(committed), rows);
    }

    [SkippableFact]
    public async Task PythonAvroReadsOurManifests()
    {
        Skip.IfNot(File.Exists("/usr/bin/python3"), "python3 is not installed");
        var catalog = new InMemoryCatalog(_dir);
        var ops = await WriteFixture.CreateAsync(catalog, "t");
        var writer = ops.NewDataWriter();
        await writer.WriteAsync(WriteFixture.Batch(0, 50));
        var committed = await ops.NewFastAppend().AppendAll(await writer.CompleteAsync()).CommitAsync();
        var list = committed.CurrentSnapshot!.ManifestList!;
        var manifest = WriteFixture.Manifests(committed)[0].ManifestPath;
        var script = """
            import sys, json
            try:
                import avro.datafile, avro.io
            except ImportError:
                print("SKIP"); sys.exit(0)
            out = []
            for path in sys.argv[1:]:
                with open(path, "rb") as f:
                    r = avro.datafile.DataFileReader(f, avro.io.DatumReader())
                    meta = {k: v.decode() for k, v in r.meta.items() if k != "avro.sync"}
                    recs = list(r)
                    out.append({"meta": sorted(meta.keys()), "count": len(recs), "first": sorted(recs[0].keys())})
            print(json.dumps(out))
            """;
        var psi = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(list);
        psi.ArgumentList.Add(manifest);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stdout = await p.StandardOutput.ReadToEndAsync();
        var stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, stderr);
        Skip.If(stdout.Trim() == "SKIP", "python3-avro is not installed");
        using var doc = JsonDocument.Parse(stdout);
        var listInfo = doc.RootElement[0];
        Assert.Contains("snapshot-id", listInfo.GetProperty("meta").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, listInfo.GetProperty("count").GetInt32());
        Assert.Contains("added_files_count", listInfo.GetProperty("first").EnumerateArray().Select(e => e.GetString()));
        var manifestInfo = doc.RootElement[1];
        Assert.Equal(["avro.codec", "avro.schema", "content", "format-version", "partition-spec", "partition-spec-id", "schema", "schema-id"], manifestInfo.GetProperty("meta").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(4, manifestInfo.GetProperty("count").GetInt32());
        Assert.Equal(["data_file", "file_sequence_number", "sequence_number", "snapshot_id", "status"], manifestInfo.GetProperty("first").EnumerateArray().Select(e => e.GetString()!));
    }
}
