using Lakehouse.Arrow;
using Lakehouse.Arrow.Types;
using Lakehouse.Cli.Demo;
using Lakehouse.Cli.Output;
using Xunit;

namespace Lakehouse.Cli.Tests;

public class SchemaTextTests
{
    [Fact]
    public void FieldsTypesAndMetadata()
    {
        var schema = new Schema(
            [
                new Field("id", new FixedSizeBinaryType(16), false, [new("ARROW:extension:name", "arrow.uuid")]),
                new Field("m", new MapType(ArrowType.Utf8, ArrowType.Int32)),
            ],
            [new("pandas", "{\"a\":\n1}")]);
        Assert.Equal(
            "id: fixed_size_binary[16] not null\n" +
            "  -- ARROW:extension:name: arrow.uuid\n" +
            "m: map<string, int32>\n" +
            "-- schema metadata --\n" +
            "pandas: {\"a\":\\n1}\n",
            SchemaText.Format(schema).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void SocialEventsSchema()
    {
        var text = SchemaText.Format(SocialEventGenerator.EventSchema);
        Assert.Contains("ts: timestamp[us, tz=UTC] not null", text, StringComparison.Ordinal);
        Assert.Contains("hashtags: list<item: string not null> not null", text, StringComparison.Ordinal);
        Assert.Contains("campaign_id: string", text, StringComparison.Ordinal);
    }
}
