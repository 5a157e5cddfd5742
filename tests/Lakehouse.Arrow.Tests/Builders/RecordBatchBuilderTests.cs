using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Builders;
using Lakehouse.Arrow.Types;

using Xunit;

namespace Lakehouse.Arrow.Tests.Builders;

public class RecordBatchBuilderTests
{
    [Fact]
    public void RowsOfMixedTypes()
    {
        var schema = new Schema(
        [
            new Field("event_id", ArrowType.Int64, false),
            new Field("ts", new TimestampType(TimeUnit.Microsecond, "UTC")),
            new Field("platform", new DictionaryType(ArrowType.Int32, ArrowType.Utf8)),
            new Field("hashtags", new ListType(ArrowType.Utf8)),
            new Field("sentiment", ArrowType.Float64),
        ]);
        var builder = new RecordBatchBuilder(schema);
        builder.AppendRow(1L, DateTime.UnixEpoch, "ios", new[] { "#a", "#b" }, 0.5);
        builder.AppendRow(2L, null, "web", Array.Empty<string>(), null);
        builder.Column<PrimitiveBuilder<long>>("event_id").Append(3);
        builder.Column(1).AppendNull();
        builder.Column<DictionaryBuilder>(2).Append("ios".AsSpan());
        builder.Column(3).AppendNull();
        builder.Column<PrimitiveBuilder<double>>(4).Append(-1.0);
        var batch = builder.Build();
        Assert.Equal(3, batch.Length);
        Assert.Equal(0, batch.Column(0).NullCount);
        Assert.Equal(2, batch.Column(1).NullCount);
        Assert.Equal(2, ((DictionaryArray)batch.Column(2)).Dictionary.Length);
        Assert.Equal(0, builder.Length);

        builder.AppendRow(4L, null, null, null, null);
        builder.Column(0).AppendNull();
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }
}
