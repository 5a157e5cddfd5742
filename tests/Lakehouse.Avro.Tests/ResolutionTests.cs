using System.Buffers;

using Lakehouse.Avro.Binary;
using Lakehouse.Avro.Generic;
using Lakehouse.Avro.Schema;

using Xunit;

namespace Lakehouse.Avro.Tests;

public class ResolutionTests
{
    private static object? Resolve(string writerJson, string readerJson, object? value)
    {
        var writer = AvroSchema.Parse(writerJson);
        var bytes = BinaryEncodingTests.Encode(writer, value);
        var r = new AvroReader(bytes);
        var result = new GenericDatumReader(writer, AvroSchema.Parse(readerJson)).Read(ref r);
        Assert.True(r.IsAtEnd);
        return result;
    }

    [Theory]
    [InlineData("\"int\"", "\"long\"", 5, 5L)]
    [InlineData("\"int\"", "\"float\"", 5, 5f)]
    [InlineData("\"int\"", "\"double\"", -5, -5.0)]
    [InlineData("\"long\"", "\"float\"", 1L << 40, (float)(1L << 40))]
    [InlineData("\"long\"", "\"double\"", 3L, 3.0)]
    [InlineData("\"float\"", "\"double\"", 1.5f, 1.5)]
    [InlineData("\"string\"", "\"string\"", "s", "s")]
    [InlineData("\"int\"", "[\"null\",\"long\"]", 9, 9L)]
    [InlineData("[\"null\",\"int\"]", "\"long\"", 9, 9L)]
    [InlineData("[\"null\",\"int\"]", "[\"string\",\"null\",\"double\"]", 9, 9.0)]
    [InlineData("[\"null\",\"int\"]", "[\"string\",\"null\",\"double\"]", null, null)]
    public void Promotions(string writer, string reader, object? value, object? expected) =>
        Assert.Equal(expected, Resolve(writer, reader, value));

    [Fact]
    public void StringsAndBytesInterchange()
    {
        Assert.Equal("héllo"u8.ToArray(), Resolve("\"string\"", "\"bytes\"", "héllo") as byte[]);
        Assert.Equal("héllo", Resolve("\"bytes\"", "\"string\"", "héllo"u8.ToArray()));
    }

    [Fact]
    public void FieldsMatchByIcebergIdThenByName()
    {
        // Writer: id 1 "a" (int), id 2 "b" (string), id 3 "gone" (array). Reader renamed a -> alpha (same id),
        // widened it to long, dropped "gone", added id 4 (optional, no default) and id 5 (default 42).
        const string writer = """
            {"type":"record","name":"w","fields":[
              {"name":"a","type":"int","field-id":1},
              {"name":"gone","type":{"type":"array","items":{"type":"map","values":"string"}},"field-id":3},
              {"name":"b","type":"string","field-id":2}]}
            """;
        const string reader = """
            {"type":"record","name":"r","fields":[
              {"name":"b","type":"string","field-id":2},
              {"name":"alpha","type":"long","field-id":1},
              {"name":"added","type":["null","string"],"field-id":4},
              {"name":"with_default","type":"int","default":42,"field-id":5}]}
            """;
        var w = (RecordSchema)AvroSchema.Parse(writer);
        var value = new AvroRecord(w)
        {
            ["a"] = 7,
            ["gone"] = new List<object?> { new Dictionary<string, object?> { ["x"] = "y" } },
            ["b"] = "bee",
        };
        var result = Assert.IsType<AvroRecord>(Resolve(writer, reader, value));
        Assert.Equal("bee", result["b"]);
        Assert.Equal(7L, result["alpha"]);
        Assert.Null(result["added"]);
        Assert.Equal(42, result["with_default"]);

        // A reader field whose id is absent from an id-bearing writer is missing even if a name matches.
        const string reusedName = """{"type":"record","name":"r","fields":[{"name":"a","type":["null","int"],"field-id":9}]}""";
        Assert.Null(Assert.IsType<AvroRecord>(Resolve(writer, reusedName, value))["a"]);

        // Without ids: by name, then by the reader field's aliases.
        const string noIdsWriter = """{"type":"record","name":"x","fields":[{"name":"old","type":"int"},{"name":"same","type":"int"}]}""";
        const string noIdsReader = """{"type":"record","name":"x","fields":[{"name":"same","type":"int"},{"name":"renamed","type":"int","aliases":["old"]}]}""";
        var v2 = new AvroRecord((RecordSchema)AvroSchema.Parse(noIdsWriter)) { ["old"] = 1, ["same"] = 2 };
        var r2 = Assert.IsType<AvroRecord>(Resolve(noIdsWriter, noIdsReader, v2));
        Assert.Equal(2, r2["same"]);
        Assert.Equal(1, r2["renamed"]);
    }

    [Fact]
    public void MissingRequiredFieldIsAnError()
    {
        Assert.Throws<AvroSchemaException>(() => new GenericDatumReader(
            AvroSchema.Parse("""{"type":"record","name":"x","fields":[]}"""),
            AvroSchema.Parse("""{"type":"record","name":"x","fields":[{"name":"a","type":"int"}]}""")));
        Assert.Throws<AvroSchemaException>(() => new GenericDatumReader(AvroSchema.Parse("\"long\""), AvroSchema.Parse("\"int\"")));
        Assert.Throws<AvroSchemaException>(() => new GenericDatumReader(AvroSchema.Parse("\"string\""), AvroSchema.Parse("[\"null\",\"int\"]")));
        Assert.Throws<AvroSchemaException>(() => new GenericDatumReader(
            AvroSchema.Parse("""{"type":"fixed","name":"f","size":4}"""), AvroSchema.Parse("""{"type":"fixed","name":"f","size":8}""")));

        // Fixed types of the same size resolve whatever their names (Iceberg writers name them differently).
        _ = new GenericDatumReader(AvroSchema.Parse("""{"type":"fixed","name":"fixed_16","size":16}"""), AvroSchema.Parse("""{"type":"fixed","name":"uuid_fixed","size":16}"""));
    }

    [Fact]
    public void EnumsResolveBySymbolWithDefault()
    {
        const string writer = """{"type":"enum","name":"E","symbols":["A","B","C"]}""";
        Assert.Equal("B", Resolve(writer, """{"type":"enum","name":"E","symbols":["C","B"]}""", "B"));
        Assert.Equal("Z", Resolve(writer, """{"type":"enum","name":"E","symbols":["Z","B"],"default":"Z"}""", "A"));
        var noDefault = AvroSchema.Parse("""{"type":"enum","name":"E","symbols":["B"]}""");
        var bytes = BinaryEncodingTests.Encode(AvroSchema.Parse(writer), "A");
        Assert.Throws<AvroSchemaException>(() =>
        {
            var r = new AvroReader(bytes);
            new GenericDatumReader(AvroSchema.Parse(writer), noDefault).Read(ref r);
        });
    }

    [Fact]
    public void WriterUnionBranchesTheReaderLacksFailOnlyWhenUsed()
    {
        const string writer = """["null","string","int"]""";
        Assert.Equal(3L, Resolve(writer, """["null","long"]""", 3));
        Assert.Null(Resolve(writer, """["null","long"]""", null));
        Assert.Throws<AvroSchemaException>(() => Resolve(writer, """["null","long"]""", "text"));
    }

    [Fact]
    public void RecordsResolveInsideUnionsArraysAndMapsEvenWhenNamesDiffer()
    {
        const string writer = """{"type":"array","items":["null",{"type":"record","name":"r102","fields":[{"name":"x","type":"int","field-id":1000},{"name":"y","type":"string","field-id":1001}]}]}""";
        const string reader = """{"type":"array","items":["null",{"type":"record","name":"partition","fields":[{"name":"y","type":"string","field-id":1001}]}]}""";
        var ws = (ArraySchema)AvroSchema.Parse(writer);
        var rec = (RecordSchema)((UnionSchema)ws.Items).Branches[1];
        var list = new List<object?> { null, new AvroRecord(rec) { ["x"] = 1, ["y"] = "a" } };
        var result = Assert.IsType<List<object?>>(Resolve(writer, reader, list));
        Assert.Null(result[0]);
        var r = Assert.IsType<AvroRecord>(result[1]);
        Assert.Equal(1, r.Count);
        Assert.Equal("a", r["y"]);
    }

    [Fact]
    public void RecursiveSchemasResolve()
    {
        const string schema = """{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},{"name":"next","type":["null","Node"]}]}""";
        var s = (RecordSchema)AvroSchema.Parse(schema);
        var tail = new AvroRecord(s) { ["v"] = 2, ["next"] = null };
        var head = new AvroRecord(s) { ["v"] = 1, ["next"] = tail };
        var w = new ArrayBufferWriter<byte>();
        new GenericDatumWriter(s).Write(new AvroEncoder(w), head);
        var reader = new AvroReader(w.WrittenSpan);
        var readerSchema = AvroSchema.Parse("""{"type":"record","name":"Node","fields":[{"name":"v","type":"long"},{"name":"next","type":["null","Node"]}]}""");
        var result = (AvroRecord)new GenericDatumReader(s, readerSchema).Read(ref reader)!;
        Assert.Equal(1L, result["v"]);
        Assert.Equal(2L, ((AvroRecord)result["next"]!)["v"]);
    }
}
