using System.Text;

using Lakehouse.Avro.Schema;

namespace Lakehouse.Avro.Generic;

/// <summary>
/// A record value of the generic data model: one slot per field of <see cref="Schema"/>. Field values are
/// null, bool, int, long, float, double, byte[] (bytes and fixed), string (string and enum symbol),
/// <see cref="List{T}"/> of values (array), <see cref="Dictionary{TKey,TValue}"/> from string (map) or a
/// nested <see cref="AvroRecord"/>; a union holds the value of its branch.
/// </summary>
public sealed class AvroRecord
{
    private readonly object?[] _values;

    public AvroRecord(RecordSchema schema)
    {
        Schema = schema;
        _values = schema.Fields.Count == 0 ? [] : new object?[schema.Fields.Count];
    }

    public RecordSchema Schema { get; }

    public int Count => _values.Length;

    public object? this[int index]
    {
        get => _values[index];
        set => _values[index] = value;
    }

    public object? this[string name]
    {
        get => _values[IndexOrThrow(name)];
        set => _values[IndexOrThrow(name)] = value;
    }

    public bool TryGetValue(string name, out object? value)
    {
        var i = Schema.IndexOf(name);
        value = i >= 0 ? _values[i] : null;
        return i >= 0;
    }

    /// <summary>The value of the field whose Iceberg field id is <paramref name="fieldId"/> (null when absent).</summary>
    public object? GetById(int fieldId)
    {
        var fields = Schema.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].FieldId == fieldId)
            {
                return _values[i];
            }
        }

        return null;
    }

    /// <summary>Typed access: the value of field <paramref name="name"/> as <typeparamref name="T"/> (default when null).</summary>
    public T? Get<T>(string name) => _values[IndexOrThrow(name)] is T t ? t : default;

    public override string ToString()
    {
        var sb = new StringBuilder();
        GenericJson.Append(sb, this);
        return sb.ToString();
    }

    private int IndexOrThrow(string name)
    {
        var i = Schema.IndexOf(name);
        return i >= 0 ? i : throw new KeyNotFoundException($"record {Schema.FullName} has no field {name}");
    }
}
