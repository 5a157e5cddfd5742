using Lakehouse.Arrow.Types;
using Lakehouse.Ingest.Decoding;
using YamlDotNet.RepresentationModel;

namespace Lakehouse.Ingest.Configuration;

/// <summary>The <c>target</c> section: table, mode, columns (JSON path -> typed column) and partitioning.</summary>
public sealed partial class IngestConfigLoader
{
    private static readonly string[] s_columnKeys = ["name", "path", "type", "required", "unit"];
    private static readonly string[] s_transforms = ["identity", "year", "month", "day", "hour", "bucket", "truncate", "void"];

    private TargetConfig ParseTarget(YamlMappingNode? node)
    {
        if (node is null)
        {
            return new TargetConfig();
        }

        CheckKeys(node, "target", s_targetKeys);
        var table = OptionalString(node, "target", "table");
        if (table is null)
        {
            Problem(node, "target.table", "required: the table identifier (namespace.name)");
        }
        else if (!IsTableIdentifier(table))
        {
            Problem(Value(node, "table")!, "target.table", $"'{table}' is not a table identifier (namespace.name)");
        }

        var mode = OptionalString(node, "target", "mode") ?? "header_body";
        if (mode is not "header_body" and not "fields")
        {
            Problem(Value(node, "mode")!, "target.mode", $"'{mode}' is not header_body or fields");
        }

        var columns = new List<ColumnMapping>();
        var columnsNode = Value(node, "columns");
        if (columnsNode is YamlSequenceNode list)
        {
            for (var i = 0; i < list.Children.Count; i++)
            {
                if (ParseColumn(list.Children[i], $"target.columns[{i}]") is { } c)
                {
                    columns.Add(c);
                }
            }
        }
        else if (columnsNode is not null)
        {
            Problem(columnsNode, "target.columns", "expected a list of columns ({name, path, type, required})");
        }

        var envelope = mode != "fields";
        if (!envelope && columns.Count == 0 && columnsNode is not null)
        {
            Problem(columnsNode, "target.columns", "mode 'fields' needs at least one column");
        }
        else if (!envelope && columnsNode is null)
        {
            Problem(node, "target.columns", "mode 'fields' needs at least one column");
        }

        var maxMessage = OptionalSize(node, "target", "max_message_bytes", JsonMappingOptions.DefaultMaxMessageBytes, 1, 64 << 20);
        var mapping = new JsonMappingOptions { Columns = columns, IncludeEnvelope = envelope, MaxMessageBytes = (int)maxMessage };
        try
        {
            _ = new JsonEventDecoder(mapping);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            Problem(columnsNode ?? node, "target.columns", e.Message);
        }

        var partitionBy = ParsePartitionBy(Value(node, "partition_by"), mapping);
        var evolution = OptionalBoolean(node, "target", "schema_evolution", false);
        if (evolution && !envelope)
        {
            Problem(Value(node, "schema_evolution")!, "target.schema_evolution", "needs mode header_body (new fields are detected in the body)");
        }

        return new TargetConfig { Table = table ?? string.Empty, Mapping = mapping, PartitionBy = partitionBy, SchemaEvolution = evolution };
    }

    private ColumnMapping? ParseColumn(YamlNode node, string key)
    {
        if (node is not YamlMappingNode m)
        {
            Problem(node, key, "expected a mapping {name, path, type, required, unit}");
            return null;
        }

        CheckKeys(m, key, s_columnKeys);
        var name = OptionalString(m, key, "name");
        if (name is null or { Length: 0 })
        {
            Problem(m, key + ".name", "required");
            return null;
        }

        var path = OptionalString(m, key, "path") ?? name;
        var typeText = OptionalString(m, key, "type");
        if (typeText is null)
        {
            Problem(m, key + ".type", "required (string, int32, int64, float64, boolean, timestamp, json, list<T>)");
            return null;
        }

        if (!TryParseType(typeText, out var type, out var element))
        {
            Problem(Value(m, "type")!, key + ".type", $"unknown type '{typeText}' (expected string, int32/int, int64/long, float64/double, boolean, timestamp, json or list<T> of a scalar type)");
            return null;
        }

        var unit = TimeUnit.Millisecond;
        if (OptionalString(m, key, "unit") is { } unitText)
        {
            unit = unitText switch
            {
                "s" => TimeUnit.Second,
                "ms" => TimeUnit.Millisecond,
                "us" => TimeUnit.Microsecond,
                _ => TimeUnit.Nanosecond,
            };
            if (unit == TimeUnit.Nanosecond)
            {
                Problem(Value(m, "unit")!, key + ".unit", $"'{unitText}' is not an epoch unit (s, ms or us)");
                unit = TimeUnit.Millisecond;
            }
            else if (type != JsonColumnType.Timestamp && element != JsonColumnType.Timestamp)
            {
                Problem(Value(m, "unit")!, key + ".unit", "only for timestamp columns");
            }
        }

        var column = new ColumnMapping(name, path, type, OptionalBoolean(m, key, "required", false)) { ElementType = element, EpochUnit = unit };
        try
        {
            _ = column.Segments();
        }
        catch (FormatException e)
        {
            Problem(Value(m, "path") ?? m, key + ".path", e.Message);
            return null;
        }

        return column;
    }

    private static bool TryParseType(string text, out JsonColumnType type, out JsonColumnType element)
    {
        element = JsonColumnType.String;
        var t = text.Trim().ToLowerInvariant();
        if (t.StartsWith("list<", StringComparison.Ordinal) && t.EndsWith('>'))
        {
            type = JsonColumnType.List;
            return TryParseScalarType(t[5..^1].Trim(), out element) && element != JsonColumnType.Json;
        }

        return TryParseScalarType(t, out type);
    }

    private static bool TryParseScalarType(string t, out JsonColumnType type)
    {
        switch (t)
        {
            case "string":
                type = JsonColumnType.String;
                return true;
            case "int" or "int32" or "integer":
                type = JsonColumnType.Int32;
                return true;
            case "long" or "int64":
                type = JsonColumnType.Int64;
                return true;
            case "double" or "float64":
                type = JsonColumnType.Float64;
                return true;
            case "boolean" or "bool":
                type = JsonColumnType.Boolean;
                return true;
            case "timestamp" or "timestamptz":
                type = JsonColumnType.Timestamp;
                return true;
            case "json":
                type = JsonColumnType.Json;
                return true;
            default:
                type = default;
                return false;
        }
    }

    private List<PartitionFieldConfig> ParsePartitionBy(YamlNode? node, JsonMappingOptions mapping)
    {
        var result = new List<PartitionFieldConfig>();
        if (node is null)
        {
            return result;
        }

        var items = node switch
        {
            YamlSequenceNode seq => seq.Children,
            YamlScalarNode => (IList<YamlNode>)[node],
            _ => null,
        };
        if (items is null)
        {
            Problem(node, "target.partition_by", "expected a list like [day(ts), identity(platform)]");
            return result;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var key = $"target.partition_by[{i}]";
            if (items[i] is not YamlScalarNode scalar)
            {
                Problem(items[i], key, "expected a transform like day(ts)");
                continue;
            }

            var text = Expand(scalar, key).Replace(" ", string.Empty, StringComparison.Ordinal);
            var open = text.IndexOf('(', StringComparison.Ordinal);
            if (open <= 0 || !text.EndsWith(')'))
            {
                Problem(scalar, key, $"'{text}' is not transform(column), e.g. day(ts), identity(platform), bucket(16, user_id)");
                continue;
            }

            var transform = text[..open].ToLowerInvariant();
            var args = text[(open + 1)..^1].Split(',');
            if (Array.IndexOf(s_transforms, transform) < 0)
            {
                Problem(scalar, key, $"unknown transform '{transform}' (expected {string.Join(", ", s_transforms)})");
                continue;
            }

            var parameterized = transform is "bucket" or "truncate";
            if (args.Length != (parameterized ? 2 : 1))
            {
                Problem(scalar, key, parameterized ? $"{transform} takes (N, column)" : $"{transform} takes one column");
                continue;
            }

            var column = args[^1];
            if (parameterized)
            {
                if (!int.TryParse(args[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n <= 0)
                {
                    Problem(scalar, key, $"'{args[0]}' is not a positive integer");
                    continue;
                }

                transform = $"{transform}[{n}]";
            }

            var type = ColumnType(mapping, column);
            if (type is null)
            {
                Problem(scalar, key, $"column '{column}' is not a table column");
                continue;
            }

            if (transform is "year" or "month" or "day" or "hour" && type is not TimestampType)
            {
                Problem(scalar, key, $"{transform} needs a timestamp column; '{column}' is {type}");
                continue;
            }

            result.Add(new PartitionFieldConfig(transform, column));
        }

        return result;
    }

    private static ArrowType? ColumnType(JsonMappingOptions mapping, string column)
    {
        JsonEventDecoder decoder;
        try
        {
            decoder = new JsonEventDecoder(mapping);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            return null;
        }

        foreach (var f in decoder.Schema.Fields)
        {
            if (string.Equals(f.Name, column, StringComparison.Ordinal))
            {
                return f.Type;
            }
        }

        return null;
    }
}
