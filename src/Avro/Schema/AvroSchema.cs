using System.Text.Json.Nodes;

namespace Lakehouse.Avro.Schema;

/// <summary>
/// An Avro schema: a primitive, a named type (record, enum, fixed) or a complex type (array, map, union).
/// Logical types and every other attribute of the schema JSON are kept: the known ones as typed
/// properties, the rest (e.g. Iceberg's <c>adjust-to-utc</c>) in <see cref="Properties"/>, so that a
/// parsed schema writes back out with the same meaning.
/// </summary>
public abstract partial class AvroSchema
{
    private static readonly IReadOnlyDictionary<string, JsonNode?> s_noProperties = new Dictionary<string, JsonNode?>();

    private LogicalTypeKind? _logicalKind;

    private protected AvroSchema(AvroType type)
    {
        Type = type;
    }

    public AvroType Type { get; }

    /// <summary>The raw <c>logicalType</c> attribute, or null (kept even when unknown or invalid).</summary>
    public string? LogicalType { get; init; }

    /// <summary>Decimal precision (<c>precision</c> attribute), when present.</summary>
    public int? Precision { get; init; }

    /// <summary>Decimal scale (<c>scale</c> attribute); the specification's default is 0.</summary>
    public int? Scale { get; init; }

    /// <summary>Custom attributes other than the ones with typed properties, in declaration order.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Properties { get; init; } = s_noProperties;

    /// <summary>The logical type when it is known and valid for this underlying type, else None.</summary>
    public LogicalTypeKind LogicalKind => _logicalKind ??= LogicalTypes.Classify(this);

    /// <summary>Iceberg's <c>adjust-to-utc</c> attribute on timestamp longs (true for timestamptz).</summary>
    public bool? AdjustToUtc => GetProperty("adjust-to-utc") is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    /// <summary>Name of the type as written in JSON: the primitive name, or the full name of a named type.</summary>
    public abstract string TypeName { get; }

    public JsonNode? GetProperty(string name) => Properties.TryGetValue(name, out var v) ? v : null;

    public static PrimitiveSchema Null { get; } = new(AvroType.Null);

    public static PrimitiveSchema Boolean { get; } = new(AvroType.Boolean);

    public static PrimitiveSchema Int { get; } = new(AvroType.Int);

    public static PrimitiveSchema Long { get; } = new(AvroType.Long);

    public static PrimitiveSchema Float { get; } = new(AvroType.Float);

    public static PrimitiveSchema Double { get; } = new(AvroType.Double);

    public static PrimitiveSchema Bytes { get; } = new(AvroType.Bytes);

    public static PrimitiveSchema String { get; } = new(AvroType.String);

    /// <summary>Parses schema JSON (a primitive name in quotes, an object, or a union array).</summary>
    public static AvroSchema Parse(string json) => AvroSchemaParser.Parse(json);

    /// <summary>Parses UTF-8 schema JSON (as stored in a container file's <c>avro.schema</c>).</summary>
    public static AvroSchema Parse(ReadOnlySpan<byte> utf8Json) => AvroSchemaParser.Parse(utf8Json);

    /// <summary>The schema as compact JSON, every attribute included.</summary>
    public string ToJson() => AvroSchemaWriter.Write(this, canonical: false);

    /// <summary>The specification's Parsing Canonical Form (attributes irrelevant to reading removed).</summary>
    public string ToCanonicalJson() => AvroSchemaWriter.Write(this, canonical: true);

    /// <summary>A union of null and <paramref name="schema"/> (null first, as Iceberg writes optional fields).</summary>
    public static UnionSchema Optional(AvroSchema schema) => new([Null, schema]);

    public override string ToString() => ToJson();

    /// <summary>True when a value of this schema can be encoded in zero bytes (null, empty record, fixed 0...).</summary>
    internal bool CanBeEmpty => _canBeEmpty ??= ComputeCanBeEmpty(new HashSet<AvroSchema>(ReferenceEqualityComparer.Instance));

    private bool? _canBeEmpty;

    private bool ComputeCanBeEmpty(HashSet<AvroSchema> visiting)
    {
        switch (this)
        {
            case PrimitiveSchema p:
                return p.Type == AvroType.Null;
            case FixedSchema f:
                return f.Size == 0;
            case EnumSchema:
            case ArraySchema:
            case MapSchema:
            case UnionSchema:
                return false;
            case RecordSchema r:
                if (!visiting.Add(r))
                {
                    return false; // a recursive record needs at least its union index byte somewhere
                }

                foreach (var f in r.Fields)
                {
                    if (!f.Schema.ComputeCanBeEmpty(visiting))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
