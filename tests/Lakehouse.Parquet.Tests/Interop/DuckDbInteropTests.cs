using System.Text.Json.Nodes;
using Lakehouse.Parquet.Reading;
using Lakehouse.Parquet.Tests.Writing;
using Lakehouse.Parquet.Writing;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>Files we write are read by DuckDB; files DuckDB writes are read by us; both match value by value.</summary>
public sealed class DuckDbInteropTests : IDisposable
{
    private readonly string _dir = RepoPaths.NewTempDirectory("parquet-duckdb");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableTheory]
    [InlineData(ParquetCompression.None, true)]
    [InlineData(ParquetCompression.Snappy, true)]
    [InlineData(ParquetCompression.Gzip, true)]
    [InlineData(ParquetCompression.Zstd, false)]
    public async Task DuckDbReadsOurFiles(ParquetCompression compression, bool dictionary)
    {
        var batch = SampleBatches.AllTypes(1500, seed: (int)compression);
        var path = Path.Combine(_dir, $"ours-{compression}.parquet");
        await using (var writer = ParquetWriter.Create(path, batch.Schema, new ParquetWriteOptions { Compression = compression, EnableDictionary = dictionary, RowGroupSize = 600, PageSize = 8192 }))
        {
            await writer.WriteAsync(batch.Slice(0, 700));
            await writer.WriteAsync(batch.Slice(700, 800));
        }

        var expected = DuckDbOracle.Read(path);
        Assert.Null(expected["error"]);
        var difference = CanonicalComparer.Difference(expected["rows"], ArrowCanonical.Rows(batch), "rows");
        Assert.True(difference is null, $"{difference}\ntypes: {expected["types"]!.ToJsonString()}");
    }

    [SkippableFact]
    public async Task DuckDbSeesOurStatisticsAndFieldIds()
    {
        var batch = SampleBatches.AllTypes(300);
        var path = Path.Combine(_dir, "stats.parquet");
        await using (var writer = ParquetWriter.Create(path, batch.Schema))
        {
            await writer.WriteAsync(batch);
        }

        var schema = DuckDbOracle.Query($"SELECT name, field_id FROM parquet_schema('{path}') WHERE field_id IS NOT NULL ORDER BY name");
        var ids = schema["rows"]!.AsArray().Select(r => $"{r![0]}={r[1]}").ToArray();
        Assert.Equal(["b=2", "id=1", "point=10", "s=3"], ids);

        var stats = DuckDbOracle.Query($"SELECT path_in_schema, stats_min_value, stats_max_value, stats_null_count FROM parquet_metadata('{path}') WHERE path_in_schema IN ('id', 'i32')");
        var rows = stats["rows"]!.AsArray();
        var id = rows.First(r => r![0]!.GetValue<string>() == "id")!;
        Assert.Equal("0", id[1]!.GetValue<string>());
        Assert.Equal("299", id[2]!.GetValue<string>());
        Assert.Equal("0", id[3]!.GetValue<string>());
        var i32 = rows.First(r => r![0]!.GetValue<string>() == "i32")!;
        Assert.Equal(int.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture), i32[1]!.GetValue<string>());
    }

    [SkippableTheory]
    [InlineData("uncompressed", "V1")]
    [InlineData("snappy", "V1")]
    [InlineData("gzip", "V1")]
    [InlineData("zstd", "V1")]
    [InlineData("lz4", "V1")]
    [InlineData("brotli", "V1")]
    [InlineData("zstd", "V2")]
    [InlineData("snappy", "V2")]
    public async Task WeReadDuckDbFiles(string codec, string version)
    {
        var path = Path.Combine(_dir, $"duck-{codec}-{version}.parquet");
        var expected = DuckDbOracle.ExecuteAndRead($$"""
            COPY (
              SELECT i AS id,
                     CASE WHEN i % 7 = 0 THEN NULL ELSE 'str' || (i % 13) END AS s,
                     i::DOUBLE / 3 AS d, (i % 3 = 0) AS flag, (i % 200 - 100)::TINYINT AS t, i::UBIGINT * 1000000007 AS u,
                     CAST(i AS DECIMAL(10, 2)) / 7 AS dec, DATE '2020-01-01' + i::INTEGER AS dt, TIMESTAMP '2020-01-01' + INTERVAL (i) SECOND AS ts,
                     CASE WHEN i % 5 = 0 THEN NULL ELSE [i, NULL, i + 1] END AS l,
                     CASE WHEN i % 4 = 0 THEN NULL ELSE {'a': i, 'b': CASE WHEN i % 3 = 0 THEN NULL ELSE 'x' || i END} END AS st,
                     MAP {'k' || (i % 3): i} AS m,
                     [[i], [], NULL] AS ll,
                     md5(i::VARCHAR)::UUID AS v
              FROM range(3000) t(i)
            ) TO '{{path}}' (FORMAT parquet, COMPRESSION {{codec}}, ROW_GROUP_SIZE 2048, PARQUET_VERSION {{version}})
            """, path);
        var ours = await FixtureTests.ReadAllAsync(path);
        var difference = CanonicalComparer.Difference(expected["rows"], ours, "rows");
        Assert.True(difference is null, $"{difference}\ntypes: {expected["types"]!.ToJsonString()}");

        // Dictionary-encoded strings can stay dictionary-encoded.
        var dictionaryRead = await FixtureTests.ReadAllAsync(path, new ParquetReadOptions { KeepStringDictionaries = true });
        Assert.Null(CanonicalComparer.Difference(expected["rows"], dictionaryRead, "rows"));
        await using var reader = await ParquetReader.OpenFileAsync(path, new ParquetReadOptions { KeepStringDictionaries = true });
        Assert.Equal(Arrow.Types.ArrowTypeId.Dictionary, reader.Schema[1].Type.Id);
    }

    [SkippableFact]
    public async Task ProjectionByNameAndFieldIdAndRowGroupSkipping()
    {
        var batch = SampleBatches.AllTypes(3000);
        var path = Path.Combine(_dir, "projection.parquet");
        await using (var writer = ParquetWriter.Create(path, batch.Schema, new ParquetWriteOptions { RowGroupSize = 1000 }))
        {
            await writer.WriteAsync(batch);
        }

        await using var reader = await ParquetReader.OpenFileAsync(path, new ParquetReadOptions { BatchSize = 400 });
        var byId = reader.ResolveFieldIds([10, 3, 999]);
        Assert.Equal([reader.Schema.IndexOf("point"), reader.Schema.IndexOf("s")], byId);
        var byName = reader.ResolveColumns(["id", "tags"]);
        var rows = 0;
        await foreach (var b in reader.ReadBatchesAsync(byName, stats => (long)stats.Find("id")!.DecodeBound(stats.Find("id")!.Max)! >= 1500))
        {
            Assert.Equal(2, b.ColumnCount);
            Assert.True(b.Length <= 400);
            rows += b.Length;
        }

        Assert.Equal(2000, rows);
        var stats = reader.GetRowGroupStatistics(1);
        Assert.Equal(1000L, stats.FindByFieldId(1)!.DecodeBound(stats.FindByFieldId(1)!.Min));
        Assert.Equal("s", stats.FindByFieldId(3)!.Column.DottedPath);
        Assert.Null(stats.FindByFieldId(10));
        var g = await reader.ReadRowGroupAsync(0, byId);
        Assert.Equal(["point", "s"], g.Schema.Fields.Select(f => f.Name));
    }
}
