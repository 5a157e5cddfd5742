namespace Lakehouse.Avro.Schema;

/// <summary>null, boolean, int, long, float, double, bytes or string (optionally with a logical type).</summary>
public sealed class PrimitiveSchema : AvroSchema
{
    public PrimitiveSchema(AvroType type)
        : base(type)
    {
        if (type > AvroType.String)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "not a primitive Avro type");
        }
    }

    public override string TypeName => NameOf(Type);

    internal static string NameOf(AvroType type) => type switch
    {
        AvroType.Null => "null",
        AvroType.Boolean => "boolean",
        AvroType.Int => "int",
        AvroType.Long => "long",
        AvroType.Float => "float",
        AvroType.Double => "double",
        AvroType.Bytes => "bytes",
        AvroType.String => "string",
        AvroType.Record => "record",
        AvroType.Enum => "enum",
        AvroType.Array => "array",
        AvroType.Map => "map",
        AvroType.Union => "union",
        AvroType.Fixed => "fixed",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    internal static AvroType? FromName(string name) => name switch
    {
        "null" => AvroType.Null,
        "boolean" => AvroType.Boolean,
        "int" => AvroType.Int,
        "long" => AvroType.Long,
        "float" => AvroType.Float,
        "double" => AvroType.Double,
        "bytes" => AvroType.Bytes,
        "string" => AvroType.String,
        _ => null,
    };
}
