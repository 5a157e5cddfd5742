namespace Lakehouse.Avro.Schema;

/// <summary>A record: named, with ordered fields. Recursive records set their fields after construction.</summary>
public sealed class RecordSchema : NamedSchema
{
    private IReadOnlyList<AvroField> _fields = [];
    private Dictionary<string, int>? _byName;
    private bool _fieldsSet;

    public RecordSchema(string name, string? @namespace = null, IEnumerable<AvroField>? fields = null)
        : base(AvroType.Record, name, @namespace)
    {
        if (fields is not null)
        {
            SetFields(fields);
        }
    }

    public IReadOnlyList<AvroField> Fields => _fields;

    /// <summary>Sets the fields once (for recursive records, after the record itself can be referenced).</summary>
    public void SetFields(IEnumerable<AvroField> fields)
    {
        if (_fieldsSet)
        {
            throw new InvalidOperationException($"fields of record {FullName} are already set");
        }

        var list = new List<AvroField>(fields);
        var byName = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Position >= 0)
            {
                throw new AvroSchemaException($"field {list[i].Name} already belongs to a record");
            }

            if (!byName.TryAdd(list[i].Name, i))
            {
                throw new AvroSchemaException($"record {FullName} has two fields named {list[i].Name}");
            }

            list[i].Position = i;
        }

        _fields = list;
        _byName = byName;
        _fieldsSet = true;
    }

    /// <summary>Index of the field named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _byName is not null && _byName.TryGetValue(name, out var i) ? i : -1;

    public AvroField? GetField(string name)
    {
        var i = IndexOf(name);
        return i < 0 ? null : _fields[i];
    }

    /// <summary>The field with Iceberg field id <paramref name="fieldId"/>, or null.</summary>
    public AvroField? GetFieldById(int fieldId)
    {
        foreach (var f in _fields)
        {
            if (f.FieldId == fieldId)
            {
                return f;
            }
        }

        return null;
    }
}
