namespace Lakehouse.Avro.Schema;

/// <summary>A map from strings to <see cref="Values"/>; Iceberg adds <c>key-id</c> and <c>value-id</c>.</summary>
public sealed class MapSchema : AvroSchema
{
    public MapSchema(AvroSchema values)
        : base(AvroType.Map)
    {
        Values = values;
    }

    public AvroSchema Values { get; }

    /// <summary>Iceberg's <c>key-id</c> attribute, when present.</summary>
    public int? KeyId { get; init; }

    /// <summary>Iceberg's <c>value-id</c> attribute, when present.</summary>
    public int? ValueId { get; init; }

    public override string TypeName => "map";
}
