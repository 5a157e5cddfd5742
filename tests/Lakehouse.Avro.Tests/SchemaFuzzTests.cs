using System.Text;

using Lakehouse.Avro.Schema;

using Xunit;

namespace Lakehouse.Avro.Tests;

/// <summary>Mutated schema JSON parses or fails with <see cref="AvroSchemaException"/>; what parses writes back out.</summary>
public class SchemaFuzzTests
{
    private const string IcebergLike = """
        {"type":"record","name":"manifest_entry","fields":[
          {"name":"status","type":"int","field-id":0},
          {"name":"snapshot_id","type":["null","long"],"default":null,"field-id":1},
          {"name":"data_file","type":{"type":"record","name":"r2","fields":[
            {"name":"file_path","type":"string","doc":"Location URI","field-id":100},
            {"name":"partition","type":{"type":"record","name":"r102","fields":[
              {"name":"d","type":["null",{"type":"int","logicalType":"date"}],"default":null,"field-id":1000},
              {"name":"dec","type":["null",{"type":"fixed","name":"fixed_9","size":9,"logicalType":"decimal","precision":20,"scale":2}],"default":null,"field-id":1001}]},"field-id":102},
            {"name":"bounds","type":["null",{"type":"array","logicalType":"map","items":{"type":"record","name":"k126_v127","fields":[
              {"name":"key","type":"int","field-id":126},{"name":"value","type":"bytes","field-id":127}]}}],"default":null,"field-id":125},
            {"name":"props","type":{"type":"map","values":"string","key-id":7,"value-id":8},"default":{"a":"b"},"field-id":6},
            {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"],"default":"A"},"aliases":["old"],"order":"ignore"},
            {"name":"offsets","type":["null",{"type":"array","items":"long","element-id":133}],"default":null,"field-id":132}]},"field-id":2}]}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MutatedSchemasFailCleanly(int seed)
    {
        var sources = new[] { Encoding.UTF8.GetBytes(TestValues.EverythingSchemaJson), Encoding.UTF8.GetBytes(IcebergLike) };
        var rng = new Random(seed);
        var alphabet = "{}[]\":,0123456789-.abcdefghijklmnopqrstuvwxyz_ \\"u8.ToArray();
        var parsed = 0;
        for (var i = 0; i < 3000; i++)
        {
            var data = (byte[])sources[i % 2].Clone();
            for (var k = rng.Next(1, 4); k > 0; k--)
            {
                var at = rng.Next(data.Length);
                switch (rng.Next(3))
                {
                    case 0:
                        data[at] = alphabet[rng.Next(alphabet.Length)];
                        break;
                    case 1:
                        data = [.. data[..at], .. data[Math.Min(data.Length, at + rng.Next(1, 8))..]];
                        break;
                    default:
                        data[at] ^= (byte)(1 << rng.Next(8));
                        break;
                }
            }

            AvroSchema schema;
            try
            {
                schema = AvroSchema.Parse(data);
            }
            catch (AvroSchemaException)
            {
                continue;
            }

            parsed++;
            var json = schema.ToJson();
            Assert.Equal(json, AvroSchema.Parse(json).ToJson());
            _ = schema.ToCanonicalJson();
            _ = new Generic.GenericDatumReader(schema, schema);
        }

        Assert.True(parsed > 100, $"only {parsed} mutants parsed: the mutations are too destructive to test much");
    }
}
