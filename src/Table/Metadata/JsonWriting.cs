using System.Text.Encodings.Web;
using System.Text.Json;

namespace Lakehouse.Table.Metadata;

/// <summary>Writer options for metadata JSON: no HTML-oriented escaping ("+00:00" stays "+00:00", non-ASCII names stay readable).</summary>
internal static class JsonWriting
{
    public static JsonWriterOptions Options(bool indented = false) => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = indented,
    };
}
