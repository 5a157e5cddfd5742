using Lakehouse.Arrow.Arrays;
using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// The dictionaries of one stream: for every dictionary id its value field (from the schema, including
/// dictionaries nested inside dictionary values) and its current values.
/// </summary>
internal sealed class DictionaryMemo
{
    private readonly Dictionary<long, Field> _valueFields = [];
    private readonly Dictionary<long, ArrayData> _values = [];

    public DictionaryMemo(Schema schema)
    {
        foreach (var f in schema.Fields)
        {
            Collect(f, 0);
        }
    }

    public bool HasDictionaries => _valueFields.Count > 0;

    private void Collect(Field field, int depth)
    {
        if (depth > 64)
        {
            return;
        }

        var type = field.Type;
        if (type is DictionaryType dict)
        {
            var id = field.DictionaryId ?? throw new InvalidOperationException($"dictionary field '{field.Name}' has no id");
            if (_valueFields.TryGetValue(id, out var existing))
            {
                if (!existing.Type.Equals(dict.ValueType))
                {
                    throw new CorruptFileException(null, -1, $"dictionary id {id} is used with two value types: {existing.Type} and {dict.ValueType}");
                }
            }
            else
            {
                _valueFields[id] = new Field(field.Name, dict.ValueType, true);
            }

            type = dict.ValueType;
        }

        foreach (var child in SchemaWriter.ChildFields(type))
        {
            Collect(child, depth + 1);
        }
    }

    public bool TryGetValueField(long id, out Field field) => _valueFields.TryGetValue(id, out field!);

    public bool TryGet(long id, out ArrayData values) => _values.TryGetValue(id, out values!);

    public bool Contains(long id) => _values.ContainsKey(id);

    public void Set(long id, ArrayData values) => _values[id] = values;
}
