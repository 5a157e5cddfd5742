namespace Lakehouse.Arrow.Types;

/// <summary>Parameterless fixed-width types: null, boolean, integers, floats and dates.</summary>
public sealed class PrimitiveType : ArrowType
{
    private readonly string _name;

    internal PrimitiveType(ArrowTypeId id, int bitWidth, string name)
    {
        Id = id;
        BitWidth = bitWidth;
        _name = name;
    }

    public override ArrowTypeId Id { get; }

    public override int BitWidth { get; }

    public override bool Equals(ArrowType? other) => other is PrimitiveType p && p.Id == Id;

    public override int GetHashCode() => (int)Id;

    public override string ToString() => _name;
}
