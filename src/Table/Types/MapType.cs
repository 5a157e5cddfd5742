namespace Lakehouse.Table.Types;

/// <summary>A map with a required key field ("key") and a value field ("value"), each with its own id.</summary>
public sealed class MapType : IcebergType
{
    public MapType(int keyId, IcebergType keyType, int valueId, IcebergType valueType, bool valueRequired)
    {
        KeyField = new NestedField(keyId, "key", keyType, true);
        ValueField = new NestedField(valueId, "value", valueType, valueRequired);
    }

    public NestedField KeyField { get; }

    public NestedField ValueField { get; }

    public int KeyId => KeyField.Id;

    public int ValueId => ValueField.Id;

    public IcebergType KeyType => KeyField.Type;

    public IcebergType ValueType => ValueField.Type;

    public bool ValueRequired => ValueField.IsRequired;

    public override TypeId TypeId => TypeId.Map;

    public override bool Equals(IcebergType? other) => other is MapType m && m.KeyField.Equals(KeyField) && m.ValueField.Equals(ValueField);

    public override int GetHashCode() => HashCode.Combine(TypeId.Map, KeyField, ValueField);

    public override string ToString() => $"map<{KeyField}, {ValueField}>";
}
