namespace Lakehouse.Arrow.Types;

/// <summary>
/// A map: physically a list of non-null <c>entries</c> structs with a non-null key field and a value field.
/// </summary>
public sealed class MapType : ArrowType
{
    public MapType(Field entriesField, bool keysSorted = false)
    {
        if (entriesField.Type is not StructType s || s.Fields.Count != 2)
        {
            throw new ArgumentException("map entries must be a struct of exactly two fields (key, value)", nameof(entriesField));
        }

        EntriesField = entriesField;
        KeysSorted = keysSorted;
    }

    public MapType(ArrowType keyType, ArrowType valueType, bool valueNullable = true, bool keysSorted = false)
        : this(new Field("entries", new StructType([new Field("key", keyType, false), new Field("value", valueType, valueNullable)]), false), keysSorted)
    {
    }

    public Field EntriesField { get; }

    public Field KeyField => ((StructType)EntriesField.Type).Fields[0];

    public Field ValueField => ((StructType)EntriesField.Type).Fields[1];

    public bool KeysSorted { get; }

    public override ArrowTypeId Id => ArrowTypeId.Map;

    public override bool Equals(ArrowType? other) =>
        other is MapType m && m.KeysSorted == KeysSorted && m.EntriesField.Equals(EntriesField);

    public override int GetHashCode() => HashCode.Combine(ArrowTypeId.Map, EntriesField);

    public override string ToString() => $"map<{KeyField.Type}, {ValueField.Type}{(KeysSorted ? ", keys_sorted" : string.Empty)}>";
}
