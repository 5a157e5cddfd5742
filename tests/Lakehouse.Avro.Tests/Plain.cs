using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

using Lakehouse.Avro.Generic;

using Xunit;

namespace Lakehouse.Avro.Tests;

/// <summary>
/// Generic values as the plain JSON the Node oracle scripts exchange (bytes as number arrays, longs as
/// numbers when exact in a double and as decimal strings otherwise), and a structural comparison.
/// </summary>
internal static class Plain
{
    private const long SafeInteger = 1L << 53;

    public static string ToJson(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case long l when l > SafeInteger || l < -SafeInteger:
                sb.Append('"').Append(l.ToString(CultureInfo.InvariantCulture)).Append('"');
                break;
            case AvroRecord r:
                sb.Append('{');
                for (var i = 0; i < r.Count; i++)
                {
                    sb.Append(i > 0 ? "," : "").Append('"').Append(r.Schema.Fields[i].Name).Append("\":");
                    Append(sb, r[i]);
                }

                sb.Append('}');
                break;
            case IDictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in map)
                {
                    sb.Append(first ? "" : ",").Append(GenericJson.ToJson(k)).Append(':');
                    first = false;
                    Append(sb, v);
                }

                sb.Append('}');
                break;
            case IList list and not byte[]:
                sb.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    sb.Append(i > 0 ? "," : "");
                    Append(sb, list[i]);
                }

                sb.Append(']');
                break;
            default:
                sb.Append(GenericJson.ToJson(value));
                break;
        }
    }

    public static void AssertMatches(object? ours, JsonNode? theirs, string path = "$")
    {
        switch (ours)
        {
            case null:
                Assert.True(theirs is null, $"{path}: expected null, oracle has {theirs?.ToJsonString()}");
                return;
            case bool b:
                Assert.Equal(b, theirs!.GetValue<bool>());
                return;
            case int i:
                Assert.True(i == theirs!.GetValue<long>(), $"{path}: {i} vs {theirs.ToJsonString()}");
                return;
            case long l:
                var theirLong = theirs is JsonValue v && v.TryGetValue<string>(out var s) ? long.Parse(s, CultureInfo.InvariantCulture) : theirs!.GetValue<long>();
                Assert.True(l == theirLong, $"{path}: {l} vs {theirs!.ToJsonString()}");
                return;
            case float f:
                Assert.True(f == (float)theirs!.GetValue<double>(), $"{path}: {f} vs {theirs.ToJsonString()}");
                return;
            case double d:
                Assert.True(d == theirs!.GetValue<double>(), $"{path}: {d} vs {theirs.ToJsonString()}");
                return;
            case string str:
                Assert.True(str == theirs!.GetValue<string>(), $"{path}: \"{str}\" vs {theirs.ToJsonString()}");
                return;
            case byte[] bytes:
                var arr = Assert.IsType<JsonArray>(theirs);
                Assert.True(bytes.Length == arr.Count, $"{path}: {bytes.Length} bytes vs {arr.Count}");
                for (var k = 0; k < bytes.Length; k++)
                {
                    Assert.True(bytes[k] == arr[k]!.GetValue<int>(), $"{path}[{k}]");
                }

                return;
            case AvroRecord r:
                var obj = Assert.IsType<JsonObject>(theirs);
                Assert.True(r.Count == obj.Count, $"{path}: {r.Count} fields vs {obj.Count}");
                for (var k = 0; k < r.Count; k++)
                {
                    var name = r.Schema.Fields[k].Name;
                    Assert.True(obj.ContainsKey(name), $"{path}: oracle lacks field {name}");
                    AssertMatches(r[k], obj[name], path + "." + name);
                }

                return;
            case IDictionary<string, object?> map:
                var mo = Assert.IsType<JsonObject>(theirs);
                Assert.True(map.Count == mo.Count, $"{path}: {map.Count} entries vs {mo.Count}");
                foreach (var (k, val) in map)
                {
                    AssertMatches(val, mo[k], path + "{" + k + "}");
                }

                return;
            case IList list:
                var la = Assert.IsType<JsonArray>(theirs);
                Assert.True(list.Count == la.Count, $"{path}: {list.Count} items vs {la.Count}");
                for (var k = 0; k < list.Count; k++)
                {
                    AssertMatches(list[k], la[k], $"{path}[{k}]");
                }

                return;
            default:
                Assert.Fail($"{path}: unexpected value type {ours.GetType()}");
                return;
        }
    }
}
