using Lakehouse.Arrow;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;
using Lakehouse.Parquet.Reading;
using Lakehouse.Parquet.Writing;
using Xunit;

namespace Lakehouse.Parquet.Tests.Reading;

/// <summary>Decoding the columns of a row group in parallel gives exactly the sequential result.</summary>
public sealed class ParallelDecodeTests
{
    [Fact]
    public async Task ParallelAndSequentialDecodingAgree()
    {
        var schema = new Schema([
            new Field("a", ArrowType.Int64), new Field("b", ArrowType.Utf8), new Field("c", new ListType(ArrowType.Int32)),
            new Field("d", new StructType([new Field("x", ArrowType.Float64), new Field("y", ArrowType.Utf8)])), new Field("e", ArrowType.Boolean),
        ]);
        var builder = new RecordBatchBuilder(schema);
        var random = new Random(7);
        for (var r = 0; r < 5000; r++)
        {
            builder.AppendRow(
                r % 11 == 0 ? null : random.NextInt64(),
                r % 7 == 0 ? null : "s" + random.Next(100),
                r % 5 == 0 ? null : new List<object?> { r, null, -r },
                r % 13 == 0 ? null : new object?[] { random.NextDouble(), r % 3 == 0 ? null : "y" },
                r % 2 == 0);
        }

        using var stream = new MemoryStream();
        await using (var writer = new ParquetWriter(stream, schema, new ParquetWriteOptions { RowGroupSize = 1500 }, leaveOpen: true))
        {
            await writer.WriteAsync(builder.Build());
        }

        var bytes = stream.ToArray();
        var sequential = await ReadAllAsync(bytes, 1);
        var parallel = await ReadAllAsync(bytes, 4);
        Assert.Equal(sequential.Count, parallel.Count);
        Assert.True(sequential.Count > 1);
        for (var i = 0; i < sequential.Count; i++)
        {
            Assert.Null(ArrayComparer.Compare(sequential[i], parallel[i]));
        }
    }

    private static async Task<List<RecordBatch>> ReadAllAsync(byte[] bytes, int parallelism)
    {
        var result = new List<RecordBatch>();
        await using var reader = await ParquetReader.OpenAsync(new MemorySource(bytes), new ParquetReadOptions { DecodeParallelism = parallelism });
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            result.Add(await reader.ReadRowGroupAsync(g));
        }

        return result;
    }
}
