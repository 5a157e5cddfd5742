using System.Text.Json.Nodes;

namespace Lakehouse.Avro.Schema;

/// <summary>A field of a record: name, schema, optional default (JSON), aliases, order and attributes.</summary>
public sealed class AvroField
{
    private static readonly IReadOnlyList<string> s_none = [];
    private static readonly IReadOnlyDictionary<string, JsonNode?> s_noProperties = new Dictionary<string, JsonNode?>();
    private readonly JsonNode? _default;

    public AvroField(string name, AvroSchema schema)
    {
        Name = name;
        Schema = schema;
    }

    public string Name { get; }

    public AvroSchema Schema { get; }

    /// <summary>Iceberg's <c>field-id</c> attribute, when present.</summary>
    public int? FieldId { get; init; }

    /// <summary>The default value as JSON (only meaningful when <see cref="HasDefault"/>; JSON null is a valid default).</summary>
    public JsonNode? Default
    {
        get => _default;
        init
        {
            _default = value;
            HasDefault = true;
        }
    }

    public bool HasDefault { get; private init; }

    public IReadOnlyList<string> Aliases { get; init; } = s_none;

    public string? Doc { get; init; }

    /// <summary>The <c>order</c> attribute (ascending, descending, ignore), or null when absent.</summary>
    public string? Order { get; init; }

    /// <summary>Custom attributes other than the ones with typed properties.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Properties { get; init; } = s_noProperties;

    /// <summary>Position in its record, set when the record takes the field.</summary>
    public int Position { get; internal set; } = -1;

    public JsonNode? GetProperty(string name) => Properties.TryGetValue(name, out var v) ? v : null;

    public override string ToString() => $"{Name}: {Schema.TypeName}";
}
