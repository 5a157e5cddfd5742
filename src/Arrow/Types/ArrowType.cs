using System.Text;

namespace Lakehouse.Arrow.Types;

/// <summary>
/// An Arrow logical type. Instances are immutable; parameterless types are singletons exposed as static
/// properties here, parameterized types are created with their constructors. Equality is structural.
/// </summary>
public abstract class ArrowType : IEquatable<ArrowType>
{
    public abstract ArrowTypeId Id { get; }

    /// <summary>Bits per value for fixed-width layouts (1 for boolean), 0 otherwise.</summary>
    public virtual int BitWidth => 0;

    public bool IsFixedWidth => BitWidth > 0;

    public bool IsNested => Id is ArrowTypeId.List or ArrowTypeId.LargeList or ArrowTypeId.ListView
        or ArrowTypeId.LargeListView or ArrowTypeId.FixedSizeList or ArrowTypeId.Struct or ArrowTypeId.Map
        or ArrowTypeId.SparseUnion or ArrowTypeId.DenseUnion;

    public static PrimitiveType Null { get; } = new(ArrowTypeId.Null, 0, "null");
    public static PrimitiveType Boolean { get; } = new(ArrowTypeId.Boolean, 1, "bool");
    public static PrimitiveType Int8 { get; } = new(ArrowTypeId.Int8, 8, "int8");
    public static PrimitiveType Int16 { get; } = new(ArrowTypeId.Int16, 16, "int16");
    public static PrimitiveType Int32 { get; } = new(ArrowTypeId.Int32, 32, "int32");
    public static PrimitiveType Int64 { get; } = new(ArrowTypeId.Int64, 64, "int64");
    public static PrimitiveType UInt8 { get; } = new(ArrowTypeId.UInt8, 8, "uint8");
    public static PrimitiveType UInt16 { get; } = new(ArrowTypeId.UInt16, 16, "uint16");
    public static PrimitiveType UInt32 { get; } = new(ArrowTypeId.UInt32, 32, "uint32");
    public static PrimitiveType UInt64 { get; } = new(ArrowTypeId.UInt64, 64, "uint64");
    public static PrimitiveType Float16 { get; } = new(ArrowTypeId.Float16, 16, "halffloat");
    public static PrimitiveType Float32 { get; } = new(ArrowTypeId.Float32, 32, "float");
    public static PrimitiveType Float64 { get; } = new(ArrowTypeId.Float64, 64, "double");
    public static PrimitiveType Date32 { get; } = new(ArrowTypeId.Date32, 32, "date32[day]");
    public static PrimitiveType Date64 { get; } = new(ArrowTypeId.Date64, 64, "date64[ms]");
    public static BinaryType Binary { get; } = new(ArrowTypeId.Binary);
    public static BinaryType LargeBinary { get; } = new(ArrowTypeId.LargeBinary);
    public static BinaryType Utf8 { get; } = new(ArrowTypeId.Utf8);
    public static BinaryType LargeUtf8 { get; } = new(ArrowTypeId.LargeUtf8);
    public static BinaryType BinaryView { get; } = new(ArrowTypeId.BinaryView);
    public static BinaryType Utf8View { get; } = new(ArrowTypeId.Utf8View);

    public bool IsInteger => Id is >= ArrowTypeId.Int8 and <= ArrowTypeId.UInt64;

    public bool IsSignedInteger => Id is >= ArrowTypeId.Int8 and <= ArrowTypeId.Int64;

    public bool IsFloatingPoint => Id is ArrowTypeId.Float16 or ArrowTypeId.Float32 or ArrowTypeId.Float64;

    /// <summary>True for binary and string types of every offset/view layout.</summary>
    public bool IsBinaryLike => Id is ArrowTypeId.Binary or ArrowTypeId.LargeBinary or ArrowTypeId.Utf8
        or ArrowTypeId.LargeUtf8 or ArrowTypeId.BinaryView or ArrowTypeId.Utf8View;

    public bool IsString => Id is ArrowTypeId.Utf8 or ArrowTypeId.LargeUtf8 or ArrowTypeId.Utf8View;

    public static PrimitiveType IntegerOf(int bitWidth, bool signed) => (bitWidth, signed) switch
    {
        (8, true) => Int8,
        (16, true) => Int16,
        (32, true) => Int32,
        (64, true) => Int64,
        (8, false) => UInt8,
        (16, false) => UInt16,
        (32, false) => UInt32,
        (64, false) => UInt64,
        _ => throw new ArgumentOutOfRangeException(nameof(bitWidth), $"no {bitWidth}-bit integer type"),
    };

    public abstract bool Equals(ArrowType? other);

    public override bool Equals(object? obj) => obj is ArrowType t && Equals(t);

    public abstract override int GetHashCode();

    /// <summary>A readable type name in Arrow C++'s style, e.g. <c>timestamp[us, tz=UTC]</c>.</summary>
    public abstract override string ToString();

    public static bool operator ==(ArrowType? a, ArrowType? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(ArrowType? a, ArrowType? b) => !(a == b);

    private protected static string UnitName(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => "s",
        TimeUnit.Millisecond => "ms",
        TimeUnit.Microsecond => "us",
        _ => "ns",
    };

    private protected static string FieldList(IReadOnlyList<Field> fields)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(fields[i].Name).Append(": ").Append(fields[i].Type.ToString());
            if (!fields[i].IsNullable)
            {
                sb.Append(" not null");
            }
        }

        return sb.ToString();
    }
}
