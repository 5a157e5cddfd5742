using Lakehouse.Avro.Schema;

using Xunit;

namespace Lakehouse.Avro.Tests;

public class SchemaTests
{
    [Theory]
    [InlineData("\"null\"", AvroType.Null)]
    [InlineData("\"boolean\"", AvroType.Boolean)]
    [InlineData("\"int\"", AvroType.Int)]
    [InlineData("\"long\"", AvroType.Long)]
    [InlineData("\"float\"", AvroType.Float)]
    [InlineData("\"double\"", AvroType.Double)]
    [InlineData("\"bytes\"", AvroType.Bytes)]
    [InlineData("\"string\"", AvroType.String)]
    [InlineData("{\"type\":\"string\"}", AvroType.String)]
    public void PrimitivesParse(string json, AvroType type)
    {
        var s = AvroSchema.Parse(json);
        Assert.Equal(type, s.Type);
        Assert.Equal("\"" + PrimitiveName(type) + "\"", s.ToJson());
    }

    [Fact]
    public void EveryTypeRoundTripsThroughJson()
    {
        var schema = AvroSchema.Parse(TestValues.EverythingSchemaJson);
        var json = schema.ToJson();
        var again = AvroSchema.Parse(json);
        Assert.Equal(json, again.ToJson());
        var r = Assert.IsType<RecordSchema>(again);
        Assert.Equal("lakehouse.test.Everything", r.FullName);
        Assert.Equal(20, r.Fields.Count);
        var inner = Assert.IsType<RecordSchema>(r.GetField("nested")!.Schema);
        Assert.Equal("lakehouse.test.Inner", inner.FullName);
        Assert.Same(inner.GetField("color")!.Schema, r.GetField("e")!.Schema); // reference to an earlier named type
        Assert.Same(inner, ((UnionSchema)r.GetField("opt")!.Schema).Branches[1]);
        Assert.Equal(LogicalTypeKind.Decimal, r.GetField("dec")!.Schema.LogicalKind);
        Assert.Equal(9, r.GetField("dec")!.Schema.Precision);
        Assert.Equal(2, r.GetField("dec")!.Schema.Scale);
        Assert.Equal(LogicalTypeKind.Date, r.GetField("date")!.Schema.LogicalKind);
        Assert.Equal(LogicalTypeKind.TimestampMicros, r.GetField("ts")!.Schema.LogicalKind);
        Assert.Equal(LogicalTypeKind.Uuid, r.GetField("uuid")!.Schema.LogicalKind);
    }

    [Fact]
    public void IcebergAttributesAreTypedAndKept()
    {
        const string json = """
            {"type":"record","name":"manifest_entry","fields":[
              {"name":"status","type":"int","field-id":0},
              {"name":"snapshot_id","type":["null","long"],"default":null,"field-id":1},
              {"name":"ts","type":{"type":"long","logicalType":"timestamp-micros","adjust-to-utc":true},"field-id":2},
              {"name":"tags","type":["null",{"type":"array","items":"string","element-id":4}],"default":null,"field-id":3},
              {"name":"props","type":{"type":"map","values":"string","key-id":6,"value-id":7},"field-id":5},
              {"name":"bounds","type":["null",{"type":"array","logicalType":"map","items":{"type":"record","name":"k8_v9","fields":[
                {"name":"key","type":"int","field-id":8},{"name":"value","type":"bytes","field-id":9}]}}],"default":null,"field-id":10,"doc":"Map of column id to lower bound"}
            ]}
            """;
        var r = (RecordSchema)AvroSchema.Parse(json);
        Assert.Equal(0, r.GetField("status")!.FieldId);
        Assert.Equal(1, r.GetField("snapshot_id")!.FieldId);
        Assert.True(r.GetField("snapshot_id")!.HasDefault);
        Assert.Null(r.GetField("snapshot_id")!.Default);
        Assert.False(r.GetField("status")!.HasDefault);
        Assert.True(r.GetField("ts")!.Schema.AdjustToUtc);
        var tags = (ArraySchema)((UnionSchema)r.GetField("tags")!.Schema).NonNullBranch!;
        Assert.Equal(4, tags.ElementId);
        var props = (MapSchema)r.GetField("props")!.Schema;
        Assert.Equal(6, props.KeyId);
        Assert.Equal(7, props.ValueId);
        var bounds = (ArraySchema)((UnionSchema)r.GetField("bounds")!.Schema).NonNullBranch!;
        Assert.Equal(LogicalTypes.IcebergMap, bounds.LogicalType);
        Assert.Equal(8, ((RecordSchema)bounds.Items).GetField("key")!.FieldId);
        Assert.Equal("Map of column id to lower bound", r.GetField("bounds")!.Doc);
        Assert.Same(r.GetField("bounds"), r.GetFieldById(10));

        // Written back with every attribute.
        var again = (RecordSchema)AvroSchema.Parse(r.ToJson());
        Assert.Equal(r.ToJson(), again.ToJson());
        Assert.Contains("\"field-id\":10", again.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"adjust-to-utc\":true", again.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"element-id\":4", again.ToJson(), StringComparison.Ordinal);
        Assert.Contains("\"key-id\":6", again.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void NamespacesAndAliases()
    {
        const string json = """
            {"type":"record","name":"Outer","namespace":"a.b","aliases":["Old","x.y.Older"],"fields":[
              {"name":"f1","type":{"type":"fixed","name":"F","size":16,"logicalType":"uuid"}},
              {"name":"f2","type":"F"},
              {"name":"f3","type":"a.b.F"},
              {"name":"f4","type":{"type":"enum","name":"c.E","symbols":["A","B"],"default":"A"}},
              {"name":"f5","type":"c.E","aliases":["old_f5"],"order":"descending"},
              {"name":"f6","type":{"type":"record","name":"G","namespace":"","fields":[{"name":"g","type":"int"}]}},
              {"name":"f7","type":"G"}
            ]}
            """;
        var r = (RecordSchema)AvroSchema.Parse(json);
        var f = (FixedSchema)r.Fields[0].Schema;
        Assert.Equal("a.b.F", f.FullName);
        Assert.Same(f, r.Fields[1].Schema);
        Assert.Same(f, r.Fields[2].Schema);
        Assert.Equal(LogicalTypeKind.Uuid, f.LogicalKind);
        var e = (EnumSchema)r.Fields[3].Schema;
        Assert.Equal("c.E", e.FullName);
        Assert.Equal("A", e.Default);
        Assert.Same(e, r.Fields[4].Schema);
        Assert.Equal(["old_f5"], r.Fields[4].Aliases);
        Assert.Equal("descending", r.Fields[4].Order);
        Assert.Equal(["a.b.Old", "x.y.Older"], r.Aliases);
        Assert.True(r.MatchesName("a.b.Old"));
        var g = (RecordSchema)r.Fields[5].Schema;
        Assert.Null(g.Namespace);
        Assert.Same(g, r.Fields[6].Schema);
        Assert.Equal(r.ToJson(), AvroSchema.Parse(r.ToJson()).ToJson());
    }

    [Fact]
    public void CanonicalFormStripsAttributesAndUsesFullNames()
    {
        var s = AvroSchema.Parse("""{"type":"record","name":"R","namespace":"n","doc":"d","fields":[{"name":"a","type":{"type":"long","logicalType":"timestamp-micros"},"field-id":1,"default":0},{"name":"e","type":{"type":"enum","name":"E","symbols":["X"]}}]}""");
        Assert.Equal("""{"name":"n.R","type":"record","fields":[{"name":"a","type":"long"},{"name":"e","type":{"name":"n.E","type":"enum","symbols":["X"]}}]}""", s.ToCanonicalJson());
    }

    [Fact]
    public void InvalidLogicalTypesFallBackToTheUnderlyingType()
    {
        Assert.Equal(LogicalTypeKind.None, AvroSchema.Parse("""{"type":"bytes","logicalType":"decimal","precision":2,"scale":3}""").LogicalKind);
        Assert.Equal(LogicalTypeKind.None, AvroSchema.Parse("""{"type":"fixed","name":"f","size":2,"logicalType":"decimal","precision":10}""").LogicalKind);
        Assert.Equal(LogicalTypeKind.Decimal, AvroSchema.Parse("""{"type":"fixed","name":"f","size":16,"logicalType":"decimal","precision":38,"scale":10}""").LogicalKind);
        Assert.Equal(LogicalTypeKind.None, AvroSchema.Parse("""{"type":"int","logicalType":"timestamp-millis"}""").LogicalKind);
        Assert.Equal(LogicalTypeKind.Duration, AvroSchema.Parse("""{"type":"fixed","name":"d","size":12,"logicalType":"duration"}""").LogicalKind);
        Assert.Equal(LogicalTypeKind.TimestampNanos, AvroSchema.Parse("""{"type":"long","logicalType":"timestamp-nanos"}""").LogicalKind);
        Assert.Equal(LogicalTypeKind.LocalTimestampMicros, AvroSchema.Parse("""{"type":"long","logicalType":"local-timestamp-micros"}""").LogicalKind);
        Assert.Equal(LogicalTypeKind.TimeMillis, AvroSchema.Parse("""{"type":"int","logicalType":"time-millis"}""").LogicalKind);
        Assert.Equal(LogicalTypeKind.TimeMicros, AvroSchema.Parse("""{"type":"long","logicalType":"time-micros"}""").LogicalKind);
        var unknown = AvroSchema.Parse("""{"type":"string","logicalType":"made-up","x":1}""");
        Assert.Equal("made-up", unknown.LogicalType);
        Assert.Equal(LogicalTypeKind.None, unknown.LogicalKind);
        Assert.Equal("""{"type":"string","logicalType":"made-up","x":1}""", unknown.ToJson());
        Assert.Equal(38, LogicalTypes.MaxDecimalPrecision(16));
        Assert.Equal(2, LogicalTypes.MaxDecimalPrecision(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"unknown\"")]
    [InlineData("{}")]
    [InlineData("42")]
    [InlineData("""{"type":"record","name":"R"}""")]
    [InlineData("""{"type":"record","name":"1R","fields":[]}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"long"}]}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a-b","type":"int"}]}""")]
    [InlineData("""{"type":"enum","name":"E","symbols":["A","A"]}""")]
    [InlineData("""{"type":"enum","name":"E","symbols":["A"],"default":"B"}""")]
    [InlineData("""{"type":"fixed","name":"F","size":-1}""")]
    [InlineData("""{"type":"fixed","name":"F"}""")]
    [InlineData("""["int","int"]""")]
    [InlineData("""["int",["long"]]""")]
    [InlineData("""{"type":"array"}""")]
    [InlineData("""[{"type":"fixed","name":"F","size":1},{"type":"fixed","name":"F","size":2}]""")]
    [InlineData("""{"type":"record","name":"int","fields":[]}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"Later"}]}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"int","field-id":"x"}]}""")]
    [InlineData("""{"type":"record","name":"R","fields":[{"name":"a","type":"int","order":"up"}]}""")]
    public void InvalidSchemasThrowAvroSchemaException(string json) =>
        Assert.Throws<AvroSchemaException>(() => AvroSchema.Parse(json));

    [Fact]
    public void ProgrammaticSchemasWriteLikeIceberg()
    {
        var partition = new RecordSchema("r102", null, [new AvroField("day", AvroSchema.Optional(new PrimitiveSchema(AvroType.Int) { LogicalType = LogicalTypes.Date })) { FieldId = 1000, Default = null }]);
        var s = new RecordSchema("data_file", null,
        [
            new AvroField("file_path", AvroSchema.String) { FieldId = 100, Doc = "Location URI with FS scheme" },
            new AvroField("partition", partition) { FieldId = 102 },
            new AvroField("split_offsets", AvroSchema.Optional(new ArraySchema(AvroSchema.Long) { ElementId = 133 })) { FieldId = 132, Default = null },
        ]);
        Assert.Equal(
            """{"type":"record","name":"data_file","fields":[{"name":"file_path","type":"string","doc":"Location URI with FS scheme","field-id":100},{"name":"partition","type":{"type":"record","name":"r102","fields":[{"name":"day","type":["null",{"type":"int","logicalType":"date"}],"default":null,"field-id":1000}]},"field-id":102},{"name":"split_offsets","type":["null",{"type":"array","items":"long","element-id":133}],"default":null,"field-id":132}]}""",
            s.ToJson());
        Assert.Throws<InvalidOperationException>(() => partition.SetFields([]));
    }

    private static string PrimitiveName(AvroType type) => type.ToString().ToLowerInvariant();
}
