using System.Text.Json;
using Lakehouse.Arrow;
using Lakehouse.Parquet.Writing;
using Lakehouse.Table.Types;
using Schema = Lakehouse.Arrow.Schema;
using Lakehouse.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>
/// The live rows of every fixture table's current snapshot against an independent oracle
/// (tests/interop/iceberg-expected.mjs: avro-js for manifests, the spec's delete rules, DuckDB for the data files):
/// the row counts, and the row multisets — our rows are written as Parquet and DuckDB compares them with the oracle's
/// rows (EXCEPT ALL both ways, every column as DuckDB text of its Iceberg type). Tables either side cannot read
/// (variant, Puffin data files) are listed, not compared.
/// </summary>
public sealed class FixtureOracleTests(ITestOutputHelper output)
{
    /// <summary>Reads the live rows and writes them to <paramref name="path"/> as Parquet (all columns nullable); null when not supported.</summary>
    internal static async Task<(long Rows, string? NotSupported)> WriteRowsAsync(string folder, long? snapshotId, string path)
    {
        var table = IcebergTable.Load(folder);
        var scan = table.NewScan();
        long rows = 0;
        if (snapshotId is { } id)
        {
            scan.UseSnapshot(id);
        }

        try
        {
            // The writer takes the first batch's Arrow types (nested field names and nullability may differ from the table's).
            var names = ArrowSchemaConverter.ToArrow(scan.ProjectedSchema);
            Schema? schema = null;
            ParquetWriter? writer = null;
            try
            {
                await foreach (var batch in scan.ToBatchesAsync())
                {
                    if (schema is null)
                    {
                        var fields = new Field[batch.ColumnCount];
                        for (var i = 0; i < fields.Length; i++)
                        {
                            fields[i] = new Field(names[i].Name, batch.Column(i).Type);
                        }

                        schema = new Schema(fields);
                        writer = ParquetWriter.Create(path, schema);
                    }

                    for (var c = 0; c < batch.ColumnCount; c++)
                    {
                        if (!batch.Column(c).Type.Equals(schema[c].Type))
                        {
                            return (rows, $"not compared: column {schema[c].Name} read as {batch.Column(c).Type} and as {schema[c].Type}");
                        }
                    }

                    await writer!.WriteAsync(new RecordBatch(schema, [.. batch.Columns], batch.Length));
                    rows += batch.Length;
                }

                writer ??= ParquetWriter.Create(path, names);
                await writer.CloseAsync();
            }
            finally
            {
                if (writer is not null)
                {
                    await writer.DisposeAsync();
                }
            }
        }
        catch (IcebergException e) when (e.Kind == IcebergErrorKind.NotSupported)
        {
            return (rows, e.Message);
        }

        return (rows, null);
    }

    [SkippableFact]
    public async Task LiveRowMultisetsMatchAvroJsPlusDuckDb()
    {
        var tables = FixtureTables.All();
        var dir = Directory.CreateTempSubdirectory("lakehouse-oracle-");
        try
        {
            var args = new List<string>();
            var ours = new Dictionary<string, (long Rows, string? NotSupported)>(StringComparer.Ordinal);
            for (var i = 0; i < tables.Count; i++)
            {
                var path = Path.Combine(dir.FullName, $"t{i}.parquet");
                var result = await WriteRowsAsync(tables[i], null, path);
                ours[tables[i]] = result;
                args.Add(result.NotSupported is null ? $"{tables[i]}=>{path}" : tables[i]);
            }

            var json = NodeOracle.Run("iceberg-expected.mjs", TimeSpan.FromMinutes(10), null, [.. args]);
            var expected = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var line in json.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var e = JsonDocument.Parse(line).RootElement.Clone();
                expected[e.GetProperty("table").GetString()!.Split("=>")[0]] = e;
            }

            var mismatches = new List<string>();
            int counted = 0, multisets = 0;
            foreach (var folder in tables)
            {
                var name = FixtureTables.Name(folder);
                var oracle = expected[folder];
                var (rows, notSupported) = ours[folder];
                if (!oracle.TryGetProperty("rows", out var rowsText))
                {
                    output.WriteLine($"{name}: oracle could not compute ({oracle})");
                    continue;
                }

                if (notSupported is not null && !notSupported.StartsWith("not compared", StringComparison.Ordinal))
                {
                    output.WriteLine($"{name}: {notSupported}");
                    continue;
                }

                counted++;
                var want = long.Parse(rowsText.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                if (notSupported is not null)
                {
                    output.WriteLine($"{name}: {notSupported}");
                    (rows, _) = await FixtureScanTests.ReadAllAsync(folder);
                }

                multisets += OracleVerdict.Check(name, rows, want, oracle, mismatches, output) ? 1 : 0;
            }

            output.WriteLine($"{counted} tables' counts compared, {multisets} row multisets compared");
            Assert.True(counted > 60, $"only {counted} tables compared");
            Assert.True(multisets > 55, $"only {multisets} row multisets compared");
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
