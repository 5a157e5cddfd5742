namespace Lakehouse.Arrow.Types;

/// <summary>Variable-length binary and UTF-8 string types: offset (32/64-bit) and view layouts.</summary>
public sealed class BinaryType : ArrowType
{
    internal BinaryType(ArrowTypeId id) => Id = id;

    public override ArrowTypeId Id { get; }

    public bool IsLarge => Id is ArrowTypeId.LargeBinary or ArrowTypeId.LargeUtf8;

    public bool IsView => Id is ArrowTypeId.BinaryView or ArrowTypeId.Utf8View;

    public override bool Equals(ArrowType? other) => other is BinaryType b && b.Id == Id;

    public override int GetHashCode() => (int)Id;

    public override string ToString() => Id switch
    {
        ArrowTypeId.Binary => "binary",
        ArrowTypeId.LargeBinary => "large_binary",
        ArrowTypeId.Utf8 => "string",
        ArrowTypeId.LargeUtf8 => "large_string",
        ArrowTypeId.BinaryView => "binary_view",
        _ => "string_view",
    };
}
