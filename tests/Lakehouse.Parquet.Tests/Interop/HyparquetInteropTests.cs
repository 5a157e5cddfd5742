using System.Text.Json.Nodes;
using Lakehouse.Parquet.Tests.Writing;
using Lakehouse.Parquet.Writing;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Parquet.Tests.Interop;

/// <summary>hyparquet (a second, independent reader) reads files we write, nested and with nulls.</summary>
public sealed class HyparquetInteropTests : IDisposable
{
    private static readonly string[] s_columns = ["id", "b", "i32", "f64", "s", "bin", "tags", "point", "people"];

    private readonly string _dir = RepoPaths.NewTempDirectory("parquet-hyparquet");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableTheory]
    [InlineData(ParquetCompression.None, true)]
    [InlineData(ParquetCompression.Snappy, false)]
    public async Task HyparquetReadsOurFiles(ParquetCompression compression, bool dictionary)
    {
        var batch = SampleBatches.AllTypes(1200, seed: 99);
        var path = Path.Combine(_dir, "ours.parquet");
        await using (var writer = ParquetWriter.Create(path, batch.Schema, new ParquetWriteOptions { Compression = compression, EnableDictionary = dictionary, RowGroupSize = 500, PageSize = 4096 }))
        {
            await writer.WriteAsync(batch);
        }

        var output = NodeOracle.Run("parquet-hyparquet.mjs", path, string.Join(',', s_columns));
        var expected = JsonNode.Parse(output)!["rows"];
        var ours = new JsonArray();
        var indexes = s_columns.Select(batch.Schema.IndexOf).ToArray();
        for (var r = 0; r < batch.Length; r++)
        {
            var row = new JsonArray();
            foreach (var c in indexes)
            {
                row.Add(ArrowCanonical.Value(batch.Column(c), batch.Schema[c], r));
            }

            ours.Add(row);
        }

        var difference = CanonicalComparer.Difference(expected, ours, "rows");
        Assert.True(difference is null, difference);
    }
}
