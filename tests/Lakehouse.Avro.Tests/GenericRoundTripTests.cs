using System.Buffers;

using Lakehouse.Avro.Binary;
using Lakehouse.Avro.Generic;
using Lakehouse.Avro.Schema;

using Xunit;

namespace Lakehouse.Avro.Tests;

public class GenericRoundTripTests
{
    [Fact]
    public void EveryTypeRoundTrips()
    {
        var schema = TestValues.Everything;
        var records = TestValues.Records(schema, 200, seed: 1);
        var w = new ArrayBufferWriter<byte>();
        var writer = new GenericDatumWriter(schema);
        foreach (var r in records)
        {
            writer.Write(new AvroEncoder(w), r);
        }

        var reader = new AvroReader(w.WrittenSpan);
        var datumReader = new GenericDatumReader(schema);
        foreach (var expected in records)
        {
            var actual = datumReader.Read(ref reader);
            Assert.Equal(Plain.ToJson(expected), Plain.ToJson(actual));
        }

        Assert.True(reader.IsAtEnd);

        // Skipping walks exactly the same bytes.
        var skipper = new AvroReader(w.WrittenSpan);
        for (var i = 0; i < records.Count; i++)
        {
            skipper.Skip(schema);
        }

        Assert.True(skipper.IsAtEnd);
    }

    [Theory]
    [InlineData("\"float\"", float.NaN)]
    [InlineData("\"float\"", float.NegativeInfinity)]
    [InlineData("\"double\"", double.NaN)]
    [InlineData("\"double\"", -0.0)]
    [InlineData("\"boolean\"", true)]
    [InlineData("\"string\"", "")]
    [InlineData("\"null\"", null)]
    public void SpecialValuesRoundTrip(string schemaJson, object? value)
    {
        var schema = AvroSchema.Parse(schemaJson);
        var bytes = BinaryEncodingTests.Encode(schema, value);
        var r = new AvroReader(bytes);
        Assert.Equal(value, new GenericDatumReader(schema).Read(ref r));
    }

    [Fact]
    public void UnionBranchesArePickedByValue()
    {
        var u = (UnionSchema)AvroSchema.Parse("""["null","int","long","double","string","bytes",{"type":"array","items":"int"},{"type":"map","values":"int"},{"type":"record","name":"R","fields":[]}]""");
        Assert.Equal(0, GenericDatumWriter.PickBranch(u, null));
        Assert.Equal(1, GenericDatumWriter.PickBranch(u, 5));
        Assert.Equal(2, GenericDatumWriter.PickBranch(u, 5L));
        Assert.Equal(3, GenericDatumWriter.PickBranch(u, 5.0));
        Assert.Equal(3, GenericDatumWriter.PickBranch(u, 5.0f));
        Assert.Equal(4, GenericDatumWriter.PickBranch(u, "x"));
        Assert.Equal(5, GenericDatumWriter.PickBranch(u, new byte[1]));
        Assert.Equal(6, GenericDatumWriter.PickBranch(u, new List<object?> { 1 }));
        Assert.Equal(7, GenericDatumWriter.PickBranch(u, new Dictionary<string, object?>()));
        Assert.Equal(8, GenericDatumWriter.PickBranch(u, new AvroRecord((RecordSchema)u.Branches[8])));
        Assert.Equal(-1, GenericDatumWriter.PickBranch(u, true));
    }

    [Fact]
    public void ValuesThatDoNotFitThrowWithTheirPath()
    {
        var schema = TestValues.Everything;
        var r = TestValues.Records(schema, 1, 2)[0];
        r["fx"] = new byte[3];
        var ex = Assert.Throws<AvroSchemaException>(() => BinaryEncodingTests.Encode(schema, r));
        Assert.Contains("fx", ex.Message, StringComparison.Ordinal);
        r["fx"] = new byte[4];
        r["e"] = "PURPLE";
        Assert.Throws<AvroSchemaException>(() => BinaryEncodingTests.Encode(schema, r));
        r["e"] = "RED";
        r["i"] = "not a number";
        Assert.Throws<AvroSchemaException>(() => BinaryEncodingTests.Encode(schema, r));
    }

    [Fact]
    public void DefaultValuesConvertPerSchema()
    {
        var s = (RecordSchema)AvroSchema.Parse("""
            {"type":"record","name":"D","fields":[
              {"name":"i","type":"int","default":7},
              {"name":"l","type":"long","default":-1},
              {"name":"f","type":"float","default":1.5},
              {"name":"b","type":"bytes","default":"\u00ff\u0001"},
              {"name":"s","type":"string","default":"x"},
              {"name":"u","type":["null","int"],"default":null},
              {"name":"a","type":{"type":"array","items":"int"},"default":[1,2]},
              {"name":"m","type":{"type":"map","values":"long"},"default":{"k":3}},
              {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]},"default":"B"},
              {"name":"r","type":{"type":"record","name":"In","fields":[{"name":"z","type":"int","default":4}]},"default":{}}
            ]}
            """);
        object?[] expected = [7, -1L, 1.5f, new byte[] { 0xff, 1 }, "x", null, new List<object?> { 1, 2 }, null, "B", null];
        for (var i = 0; i < s.Fields.Count; i++)
        {
            var f = s.Fields[i];
            var v = DefaultValues.FromJson(f.Default, f.Schema);
            if (expected[i] is not null)
            {
                Assert.Equal(expected[i], v);
            }
        }

        Assert.Equal(3L, ((Dictionary<string, object?>)DefaultValues.FromJson(s.Fields[7].Default, s.Fields[7].Schema)!)["k"]);
        Assert.Equal(4, ((AvroRecord)DefaultValues.FromJson(s.Fields[9].Default, s.Fields[9].Schema)!)["z"]);
    }
}
