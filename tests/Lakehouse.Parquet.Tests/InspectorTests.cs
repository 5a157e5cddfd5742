using Lakehouse.Parquet.Inspection;
using Lakehouse.Parquet.Reading;
using Lakehouse.Parquet.Tests.Writing;
using Lakehouse.Parquet.Writing;
using Xunit;

namespace Lakehouse.Parquet.Tests;

public class InspectorTests
{
    [Fact]
    public async Task DescribesSchemaFieldIdsRowGroupsAndStatistics()
    {
        var bytes = await WriterRoundTripTests.WriteAsync(new ParquetWriteOptions { RowGroupSize = 50, Compression = ParquetCompression.Zstd }, SampleBatches.AllTypes(120));
        await using var reader = await ParquetReader.OpenAsync(new MemorySource(bytes, "sample.parquet"));
        var text = ParquetInspector.Describe(reader);
        Assert.Contains("rows: 120  row groups: 3", text, StringComparison.Ordinal);
        Assert.Contains("required INT64 id field_id=1 [def=0 rep=0 column=0]", text, StringComparison.Ordinal);
        Assert.Contains("optional group point field_id=10", text, StringComparison.Ordinal);
        Assert.Contains("optional INT64 ts_us_utc TIMESTAMP(MICROS,UTC)", text, StringComparison.Ordinal);
        Assert.Contains("id: INT64 ZSTD values=50", text, StringComparison.Ordinal);
        Assert.Contains("statistics: null_count=0 min=0 max=49", text, StringComparison.Ordinal);
        Assert.Contains("row group 2: rows=20", text, StringComparison.Ordinal);
    }
}
