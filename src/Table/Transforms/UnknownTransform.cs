using Lakehouse.Arrow.Arrays;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Transforms;

/// <summary>
/// A transform this implementation does not know, kept by its string so metadata round-trips. Readers ignore
/// such partition fields for filtering (spec: required in v3); applying one is "not supported".
/// </summary>
public sealed class UnknownTransform : Transform
{
    private readonly string _text;

    public UnknownTransform(string text) => _text = text;

    public override bool IsKnown => false;

    public override bool CanTransform(PrimitiveType source) => true;

    /// <summary>Unknown results are read as strings (they are only compared for partition equality).</summary>
    public override PrimitiveType ResultType(PrimitiveType source) => PrimitiveType.String;

    public override object? Apply(object? value, PrimitiveType source) => throw IcebergException.NotSupported($"applying the unknown transform '{_text}'");

    public override ArrowArray Apply(ArrowArray values, PrimitiveType source) => throw IcebergException.NotSupported($"applying the unknown transform '{_text}'");

    public override string ToString() => _text;
}
