using Lakehouse.Arrow.Arrays;
using Lakehouse.Parquet.Reading;
using Lakehouse.Table.Scanning;
using Lakehouse.Testing;
using Xunit;

namespace Lakehouse.Table.Tests.Scanning;

/// <summary>Tables whose fixtures carry expected_results (Spark's own output): the live rows match exactly, as multisets.</summary>
public sealed class ExpectedResultsTests
{
    [SkippableTheory]
    [InlineData("duckdb__duckdb-iceberg@96752aede1ca/data/iceberg/generated_spec2_0_001")]
    [InlineData("duckdb__duckdb-iceberg@96752aede1ca/data/iceberg/generated_spec1_0_001")]
    public async Task LiveRowsEqualExpectedResults(string fixture)
    {
        var folder = SharedFixtures.Require(Path.Combine("iceberg", fixture));
        var expectedDir = Path.Combine(folder, "expected_results", "last");
        var count = long.Parse(File.ReadAllLines(Path.Combine(expectedDir, "count.csv"))[1], System.Globalization.CultureInfo.InvariantCulture);

        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        List<string>? names = null;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(expectedDir, "data"), "*.parquet"))
        {
            await using var reader = await ParquetReader.OpenFileAsync(file);
            names ??= [.. reader.Schema.Fields.Select(f => f.Name)];
            await foreach (var batch in reader.ReadBatchesAsync())
            {
                AddRows(expected, batch, names);
            }
        }

        var actual = new Dictionary<string, int>(StringComparer.Ordinal);
        long rows = 0;
        await foreach (var batch in IcebergTable.Load(Path.Combine(folder, "pyspark_iceberg_table")).NewScan().ToBatchesAsync())
        {
            rows += batch.Length;
            AddRows(actual, batch, names!);
        }

        Assert.Equal(count, rows);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (key, n) in expected)
        {
            Assert.True(actual.TryGetValue(key, out var m) && m == n, $"row {key.Replace('\u0001', '|')} expected {n} times, read {m}");
        }
    }

    private static void AddRows(Dictionary<string, int> rows, Lakehouse.Arrow.RecordBatch batch, List<string> names)
    {
        var columns = new ArrowArray?[names.Count];
        for (var c = 0; c < names.Count; c++)
        {
            columns[c] = batch.Column(names[c]) ?? throw new InvalidOperationException($"column {names[c]} missing");
        }

        for (var r = 0; r < batch.Length; r++)
        {
            var key = CellKeys.Key(columns, r);
            rows[key] = rows.GetValueOrDefault(key) + 1;
        }
    }
}
