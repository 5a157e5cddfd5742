namespace Lakehouse.Avro.Schema;

/// <summary>The Avro schema types of the specification (primitive and complex).</summary>
public enum AvroType
{
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Record,
    Enum,
    Array,
    Map,
    Union,
    Fixed,
}
