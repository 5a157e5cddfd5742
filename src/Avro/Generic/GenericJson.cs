using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Lakehouse.Avro.Generic;

/// <summary>Renders generic values as JSON for diagnostics and tests (bytes as arrays of numbers).</summary>
public static class GenericJson
{
    public static string ToJson(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    internal static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case string s:
                sb.Append('"').Append(JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(s)).Append('"');
                break;
            case float f:
                sb.Append(float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : "\"" + f.ToString(CultureInfo.InvariantCulture) + "\"");
                break;
            case double d:
                sb.Append(double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "\"" + d.ToString(CultureInfo.InvariantCulture) + "\"");
                break;
            case int or long:
                sb.Append(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                sb.Append('[');
                for (var i = 0; i < bytes.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    sb.Append(bytes[i].ToString(CultureInfo.InvariantCulture));
                }

                sb.Append(']');
                break;
            case AvroRecord r:
                sb.Append('{');
                for (var i = 0; i < r.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    sb.Append('"').Append(r.Schema.Fields[i].Name).Append("\":");
                    Append(sb, r[i]);
                }

                sb.Append('}');
                break;
            case IDictionary<string, object?> map:
                sb.Append('{');
                var first = true;
                foreach (var (k, v) in map)
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    Append(sb, k);
                    sb.Append(':');
                    Append(sb, v);
                }

                sb.Append('}');
                break;
            case IEnumerable list:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        sb.Append(',');
                    }

                    firstItem = false;
                    Append(sb, item);
                }

                sb.Append(']');
                break;
            default:
                sb.Append('"').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append('"');
                break;
        }
    }
}
