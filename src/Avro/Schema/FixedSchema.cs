namespace Lakehouse.Avro.Schema;

/// <summary>A fixed: named, a fixed number of bytes per value.</summary>
public sealed class FixedSchema : NamedSchema
{
    public FixedSchema(string name, string? @namespace, int size)
        : base(AvroType.Fixed, name, @namespace)
    {
        if (size < 0)
        {
            throw new AvroSchemaException($"fixed {FullName}: negative size {size}");
        }

        Size = size;
    }

    public int Size { get; }
}
