using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lakehouse.Flight.Auth;

/// <summary>
/// Turns a YAML document into the equivalent JSON value so YAML and JSON configuration share one parser.
/// Plain scalars follow the YAML 1.2 core schema (true/false, null/~/empty, integers and floats); quoted
/// scalars are always strings.
/// </summary>
internal static class YamlJson
{
    public static JsonElement Parse(TextReader reader)
    {
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count != 1)
        {
            throw new FormatException($"expected one YAML document, found {stream.Documents.Count}");
        }

        return JsonSerializer.SerializeToElement(Convert(stream.Documents[0].RootNode));
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => ConvertMapping(map),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new FormatException($"unsupported YAML node at {node.Start}"),
    };

    private static JsonObject ConvertMapping(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = key is YamlScalarNode { Value: { } k } ? k : throw new FormatException($"YAML key at {key.Start} is not a scalar");
            if (obj.ContainsKey(name))
            {
                throw new FormatException($"YAML key '{name}' repeated at {key.Start}");
            }

            obj[name] = Convert(value);
        }

        return obj;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => JsonValue.Create(d),
            _ => JsonValue.Create(text),
        };
    }
}
