namespace Lakehouse.Avro.Schema;

/// <summary>An array of <see cref="Items"/>; Iceberg puts the list element's id in <c>element-id</c>.</summary>
public sealed class ArraySchema : AvroSchema
{
    public ArraySchema(AvroSchema items)
        : base(AvroType.Array)
    {
        Items = items;
    }

    public AvroSchema Items { get; }

    /// <summary>Iceberg's <c>element-id</c> attribute, when present.</summary>
    public int? ElementId { get; init; }

    public override string TypeName => "array";
}
