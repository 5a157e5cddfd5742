using Lakehouse.Arrow.Arrays;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Transforms;

/// <summary>The source value, unmodified (any primitive except geometry/geography/variant).</summary>
public sealed class IdentityTransform : Transform
{
    internal IdentityTransform()
    {
    }

    public override bool PreservesOrder => true;

    public override bool CanTransform(PrimitiveType source) => source.TypeId is not (TypeId.Geometry or TypeId.Geography or TypeId.Variant);

    public override PrimitiveType ResultType(PrimitiveType source) => source;

    public override object? Apply(object? value, PrimitiveType source) => value;

    /// <summary>Returns the input array itself (zero copy).</summary>
    public override ArrowArray Apply(ArrowArray values, PrimitiveType source) => values;

    public override string ToString() => "identity";
}
