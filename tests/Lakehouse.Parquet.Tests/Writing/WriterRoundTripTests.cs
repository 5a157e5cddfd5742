using Lakehouse.Arrow;
using Lakehouse.Parquet.Metadata;
using Lakehouse.Parquet.Reading;
using Lakehouse.Parquet.Writing;
using Xunit;

namespace Lakehouse.Parquet.Tests.Writing;

public class WriterRoundTripTests
{
    [Theory]
    [InlineData(ParquetCompression.None, true)]
    [InlineData(ParquetCompression.Snappy, true)]
    [InlineData(ParquetCompression.Gzip, false)]
    [InlineData(ParquetCompression.Zstd, true)]
    public async Task EveryTypeRoundTripsThroughOurReader(ParquetCompression compression, bool dictionary)
    {
        var batch = SampleBatches.AllTypes(2500);
        var options = new ParquetWriteOptions { Compression = compression, EnableDictionary = dictionary, RowGroupSize = 1000, PageSize = 4096, CompressionLevel = compression == ParquetCompression.Zstd ? 9 : null };
        var bytes = await WriteAsync(options, batch);
        await using var reader = await ParquetReader.OpenAsync(new MemorySource(bytes));
        Assert.Equal(3, reader.RowGroupCount);
        Assert.Equal(2500, reader.RowCount);
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var read = await reader.ReadRowGroupAsync(g);
            var expected = batch.Slice(offset, read.Length);
            var difference = ArrayComparer.Compare(expected, read);
            Assert.True(difference is null, $"row group {g}: {difference}");
            offset += read.Length;
        }

        Assert.Equal(1, reader.Metadata.Schema[1].FieldId);
        Assert.Equal("1", reader.Schema[0].GetMetadata("PARQUET:field_id"));
        Assert.Equal("10", reader.Schema.Fields[reader.Schema.IndexOf("point")].GetMetadata("PARQUET:field_id"));
        Assert.Equal("arrow.uuid", reader.Schema.Fields[reader.Schema.IndexOf("uuid")].GetMetadata("ARROW:extension:name"));
    }

    [Fact]
    public async Task LocalFileReadsReusePooledChunkBuffersCorrectly()
    {
        // Local files read each column chunk into a pooled array that is handed back after decoding;
        // reading row groups out of order and twice must still give every value back unchanged.
        var batch = SampleBatches.AllTypes(2003);
        var bytes = await WriteAsync(new ParquetWriteOptions { Compression = ParquetCompression.None, RowGroupSize = 700, PageSize = 2048 }, batch);
        var path = Path.Combine(Path.GetTempPath(), $"lakehouse-pooled-{Guid.NewGuid():N}.parquet");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            await using var reader = await ParquetReader.OpenFileAsync(path);
            Assert.Equal(3, reader.RowGroupCount);
            foreach (var g in new[] { 2, 0, 1, 2, 0 })
            {
                var read = await reader.ReadRowGroupAsync(g);
                Assert.Null(ArrayComparer.Compare(batch.Slice(g * 700, read.Length), read));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task DictionaryFallsBackToPlainWhenItGrowsTooLarge()
    {
        var batch = SampleBatches.AllTypes(3000);
        var options = new ParquetWriteOptions { RowGroupSize = 10_000, PageSize = 2048, DictionaryPageSizeLimit = 4096 };
        var bytes = await WriteAsync(options, batch);
        await using var reader = await ParquetReader.OpenAsync(new MemorySource(bytes));
        var id = reader.Metadata.RowGroups[0].Columns[0].MetaData!;
        Assert.Contains(id.EncodingStats!, s => s.PageType == PageType.DataPage && s.Encoding == Metadata.Encoding.RleDictionary);
        Assert.Contains(id.EncodingStats!, s => s.PageType == PageType.DataPage && s.Encoding == Metadata.Encoding.Plain);
        var read = await reader.ReadRowGroupAsync(0);
        Assert.Null(ArrayComparer.Compare(batch, read));

        // Kept dictionaries survive the switch to PLAIN pages mid-chunk.
        await using var dictionaryReader = await ParquetReader.OpenAsync(new MemorySource(bytes), new ParquetReadOptions { KeepStringDictionaries = true });
        var kept = await dictionaryReader.ReadRowGroupAsync(0);
        Assert.Equal(Arrow.Types.ArrowTypeId.Dictionary, kept.Column("s")!.Type.Id);
        Assert.Null(ArrayComparer.Compare(batch, kept));
    }

    [Fact]
    public async Task ColumnsWithoutNullsTakeTheBulkPathAcrossSlices()
    {
        var schema = new Schema(
        [
            new Field("i", Arrow.Types.ArrowType.Int32, false), new Field("u", Arrow.Types.ArrowType.UInt64, false),
            new Field("f", Arrow.Types.ArrowType.Float32, false), new Field("d", Arrow.Types.ArrowType.Float64),
            new Field("s", Arrow.Types.ArrowType.Utf8), new Field("t", new Arrow.Types.TimestampType(Arrow.Types.TimeUnit.Second)),
        ]);
        var b = new Arrow.Builders.RecordBatchBuilder(schema);
        for (var r = 0; r < 1000; r++)
        {
            b.AppendRow(r * 3, (ulong)r << 40, r % 100 == 0 ? float.NaN : r / 4f, r * 1.5, $"value {r % 37}", (long)r * 86400);
        }

        var batch = b.Build();
        var bytes = await WriteAsync(new ParquetWriteOptions { RowGroupSize = 300, PageSize = 1000 }, batch.Slice(0, 450), batch.Slice(450, 550));
        await using var reader = await ParquetReader.OpenAsync(new MemorySource(bytes));
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var read = await reader.ReadRowGroupAsync(g);
            var expected = batch.Slice(offset, read.Length);
            Assert.Null(ArrayComparer.Compare(expected.Column(0), read.Column(0)));
            Assert.Null(ArrayComparer.Compare(expected.Column(1), read.Column(1)));
            Assert.Null(ArrayComparer.Compare(expected.Column(2), read.Column(2)));
            Assert.Null(ArrayComparer.Compare(expected.Column(3), read.Column(3)));
            Assert.Null(ArrayComparer.Compare(expected.Column(4), read.Column(4)));
            var seconds = (Arrow.Arrays.PrimitiveArray<long>)expected.Column(5);
            var millis = (Arrow.Arrays.PrimitiveArray<long>)read.Column(5);
            Assert.Equal(new Arrow.Types.TimestampType(Arrow.Types.TimeUnit.Millisecond), millis.Type);
            for (var i = 0; i < read.Length; i++)
            {
                Assert.Equal(seconds.Value(i) * 1000, millis.Value(i));
            }

            offset += read.Length;
        }

        Assert.Equal(1000, offset);
    }

    [Fact]
    public async Task AFileWithoutRowsHasASchemaAndNoRowGroups()
    {
        var stream = new MemoryStream();
        await using (var writer = new ParquetWriter(stream, SampleBatches.AllTypesSchema, leaveOpen: true))
        {
            await writer.WriteAsync(SampleBatches.AllTypes(0));
        }

        await using var reader = await ParquetReader.OpenAsync(new MemorySource(stream.ToArray()));
        Assert.Equal(0, reader.RowGroupCount);
        Assert.Equal(SampleBatches.AllTypesSchema.Count, reader.Schema.Count);
        await foreach (var unused in reader.ReadBatchesAsync())
        {
            Assert.Fail("no batches expected");
        }
    }

    [Fact]
    public async Task StatisticsAndMetricsFollowTheSortOrders()
    {
        var schema = new Schema([new Field("u", Arrow.Types.ArrowType.UInt32), new Field("s", Arrow.Types.ArrowType.Utf8), new Field("d", Arrow.Types.ArrowType.Float64)]);
        var b = new Arrow.Builders.RecordBatchBuilder(schema);
        b.AppendRow(1u, "b", double.NaN);
        b.AppendRow(uint.MaxValue, new string('z', 80) + "é", 0.0);
        b.AppendRow(null, "a" + new string('\uFFFF', 70), -2.5);
        b.AppendRow(7u, null, null);
        var batch = b.Build();
        var stream = new MemoryStream();
        await using (var writer = new ParquetWriter(stream, schema, new ParquetWriteOptions { StatisticsTruncateLength = 16 }, leaveOpen: true))
        {
            await writer.WriteAsync(batch);
            await writer.CloseAsync();
            var u = writer.ColumnMetrics[0];
            Assert.Equal(4, u.ValueCount);
            Assert.Equal(1, u.NullCount);
            Assert.Equal(1u, BitConverter.ToUInt32(u.LowerBound));
            Assert.Equal(uint.MaxValue, BitConverter.ToUInt32(u.UpperBound));
            var s = writer.ColumnMetrics[1];
            Assert.Equal("a" + new string('\uFFFF', 5), System.Text.Encoding.UTF8.GetString(s.LowerBound!));
            Assert.Equal(new string('z', 15) + "{", System.Text.Encoding.UTF8.GetString(s.UpperBound!));
            var d = writer.ColumnMetrics[2];
            Assert.Equal(1, d.NanCount);
            Assert.Equal(-2.5, BitConverter.ToDouble(d.LowerBound));
            Assert.Equal(0.0, BitConverter.ToDouble(d.UpperBound));
            Assert.True(d.CompressedSize > 0);
            var stats = writer.Metadata!.RowGroups[0].Columns[1].MetaData!.Statistics!;
            Assert.False(stats.IsMaxValueExact);
            Assert.False(stats.IsMinValueExact);
        }
    }

    internal static async Task<byte[]> WriteAsync(ParquetWriteOptions options, params RecordBatch[] batches)
    {
        var stream = new MemoryStream();
        await using (var writer = new ParquetWriter(stream, batches[0].Schema, options, leaveOpen: true))
        {
            foreach (var batch in batches)
            {
                await writer.WriteAsync(batch);
            }
        }

        return stream.ToArray();
    }
}
