namespace Lakehouse.Table.Types;

/// <summary>
/// An Iceberg data type: a <see cref="PrimitiveType"/> (including the v3 semi-structured <c>variant</c>,
/// which has no children) or a nested <see cref="StructType"/>, <see cref="ListType"/> or <see cref="MapType"/>.
/// Immutable; equality is structural.
/// </summary>
public abstract class IcebergType : IEquatable<IcebergType>
{
    public abstract TypeId TypeId { get; }

    public bool IsPrimitive => this is PrimitiveType;

    public bool IsNested => this is StructType or ListType or MapType;

    public PrimitiveType AsPrimitive() => this as PrimitiveType ?? throw IcebergException.Invalid($"{this} is not a primitive type");

    public StructType AsStruct() => this as StructType ?? throw IcebergException.Invalid($"{this} is not a struct type");

    public abstract bool Equals(IcebergType? other);

    public override bool Equals(object? obj) => obj is IcebergType t && Equals(t);

    public abstract override int GetHashCode();

    /// <summary>The spec's type string for primitives (e.g. <c>decimal(9,2)</c>), a readable form for nested types.</summary>
    public abstract override string ToString();

    public static bool operator ==(IcebergType? a, IcebergType? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(IcebergType? a, IcebergType? b) => !(a == b);
}
