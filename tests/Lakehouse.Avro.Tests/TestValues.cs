using Lakehouse.Avro.Generic;
using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Tests;

/// <summary>A schema with every Avro type and deterministic values for it.</summary>
internal static class TestValues
{
    public const string EverythingSchemaJson = """
        {"type":"record","name":"Everything","namespace":"lakehouse.test","fields":[
          {"name":"n","type":"null"},
          {"name":"b","type":"boolean"},
          {"name":"i","type":"int"},
          {"name":"l","type":"long"},
          {"name":"f","type":"float"},
          {"name":"d","type":"double"},
          {"name":"by","type":"bytes"},
          {"name":"s","type":"string"},
          {"name":"e","type":{"type":"enum","name":"Color","symbols":["RED","GREEN","BLUE"]}},
          {"name":"fx","type":{"type":"fixed","name":"Four","size":4}},
          {"name":"arr","type":{"type":"array","items":"long"}},
          {"name":"m","type":{"type":"map","values":"string"}},
          {"name":"u","type":["null","string","long"]},
          {"name":"nested","type":{"type":"record","name":"Inner","fields":[{"name":"x","type":"int"},{"name":"color","type":"Color"}]}},
          {"name":"opt","type":["null","Inner"]},
          {"name":"recs","type":{"type":"array","items":"Inner"}},
          {"name":"dec","type":{"type":"bytes","logicalType":"decimal","precision":9,"scale":2}},
          {"name":"date","type":{"type":"int","logicalType":"date"}},
          {"name":"ts","type":{"type":"long","logicalType":"timestamp-micros"}},
          {"name":"uuid","type":{"type":"string","logicalType":"uuid"}}
        ]}
        """;

    public static RecordSchema Everything => (RecordSchema)AvroSchema.Parse(EverythingSchemaJson);

    public static List<AvroRecord> Records(RecordSchema schema, int count, int seed)
    {
        var rng = new Random(seed);
        var inner = (RecordSchema)schema.GetField("nested")!.Schema;
        var colors = new[] { "RED", "GREEN", "BLUE" };
        var list = new List<AvroRecord>(count);
        for (var k = 0; k < count; k++)
        {
            var r = new AvroRecord(schema);
            r["n"] = null;
            r["b"] = rng.Next(2) == 1;
            r["i"] = k switch { 0 => int.MinValue, 1 => int.MaxValue, 2 => 0, _ => rng.Next(int.MinValue, int.MaxValue) };
            r["l"] = k switch { 0 => long.MinValue, 1 => long.MaxValue, 2 => -1L, _ => rng.NextInt64(long.MinValue, long.MaxValue) >> rng.Next(64) };
            r["f"] = (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-5, 6)));
            r["d"] = k == 0 ? double.Epsilon : (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-100, 100));
            var bytes = new byte[rng.Next(0, k % 7 == 0 ? 300 : 20)];
            rng.NextBytes(bytes);
            r["by"] = bytes;
            r["s"] = k % 5 == 0 ? "" : "str-" + k + (k % 3 == 0 ? " ünï©ødé ✓ 🎉" : "");
            r["e"] = colors[rng.Next(3)];
            var fx = new byte[4];
            rng.NextBytes(fx);
            r["fx"] = fx;
            var arr = new List<object?>();
            for (var j = rng.Next(0, 6); j > 0; j--)
            {
                arr.Add(rng.NextInt64(-1_000_000_000_000, 1_000_000_000_000));
            }

            r["arr"] = arr;
            var m = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var j = rng.Next(0, 4); j > 0; j--)
            {
                m["k" + rng.Next(1000)] = "v" + j;
            }

            r["m"] = m;
            r["u"] = (k % 3) switch { 0 => null, 1 => "u" + k, _ => (object)((long)k * 1_000_000_007L) };
            r["nested"] = Inner(inner, k, colors[k % 3]);
            r["opt"] = k % 2 == 0 ? null : Inner(inner, -k, "BLUE");
            var recs = new List<object?>();
            for (var j = k % 3; j > 0; j--)
            {
                recs.Add(Inner(inner, j, colors[j % 3]));
            }

            r["recs"] = recs;
            r["dec"] = new byte[] { 0x10, (byte)(k & 0xFF) }; // minimal two's complement, as decimal writers produce
            r["date"] = 19_000 + k;
            r["ts"] = 1_700_000_000_000_000L + (k * 1_000_003L);
            r["uuid"] = new Guid(k, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).ToString();
            list.Add(r);
        }

        return list;
    }

    private static AvroRecord Inner(RecordSchema inner, int x, string color)
    {
        var r = new AvroRecord(inner);
        r["x"] = x;
        r["color"] = color;
        return r;
    }
}
