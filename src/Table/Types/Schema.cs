namespace Lakehouse.Table.Types;

/// <summary>
/// A table schema: a struct of top-level fields plus the schema id and the identifier field ids.
/// Indexes (id -> field, full dotted name -> id, id -> parent id) are built on first use. Full names
/// follow the nesting: <c>location.lat</c> for a struct child, <c>tags.element</c> for a list element,
/// <c>props.key</c>/<c>props.value</c> for a map.
/// </summary>
public sealed class Schema : IEquatable<Schema>
{
    private Index? _index;

    public Schema(int schemaId, IReadOnlyList<NestedField> fields, IReadOnlyList<int>? identifierFieldIds = null)
    {
        SchemaId = schemaId;
        Struct = new StructType(fields);
        IdentifierFieldIds = identifierFieldIds ?? [];
    }

    public Schema(IReadOnlyList<NestedField> fields)
        : this(0, fields)
    {
    }

    public int SchemaId { get; }

    public StructType Struct { get; }

    public IReadOnlyList<NestedField> Fields => Struct.Fields;

    public IReadOnlyList<int> IdentifierFieldIds { get; }

    /// <summary>The highest field id anywhere in the schema (0 for an empty schema).</summary>
    public int HighestFieldId => GetIndex().HighestId;

    public Schema WithSchemaId(int schemaId) => new(schemaId, Fields, IdentifierFieldIds);

    /// <summary>The field with id <paramref name="id"/> at any depth, or null.</summary>
    public NestedField? FindField(int id) => GetIndex().ById.GetValueOrDefault(id);

    /// <summary>The field with full dotted name <paramref name="name"/>, or null.</summary>
    public NestedField? FindField(string name, bool caseSensitive = true)
    {
        var index = GetIndex();
        if (caseSensitive)
        {
            return index.ByName.TryGetValue(name, out var id) ? index.ById[id] : null;
        }

        return index.ByLowerName.TryGetValue(name.ToLowerInvariant(), out var lid) ? index.ById[lid] : null;
    }

    public NestedField Field(int id) => FindField(id) ?? throw new IcebergException(IcebergErrorKind.NotFound, $"field id {id} is not in schema {SchemaId}");

    public NestedField Field(string name, bool caseSensitive = true) =>
        FindField(name, caseSensitive) ?? throw new IcebergException(IcebergErrorKind.NotFound, $"column '{name}' is not in schema {SchemaId}");

    /// <summary>The full dotted name of field <paramref name="id"/>, or null.</summary>
    public string? FindColumnName(int id) => GetIndex().NameById.GetValueOrDefault(id);

    /// <summary>The id of the struct/list/map field that contains field <paramref name="id"/>, or null for top-level fields.</summary>
    public int? ParentId(int id) => GetIndex().ParentById.TryGetValue(id, out var parent) ? parent : null;

    /// <summary>
    /// Checks the identifier fields against the spec: each must exist, be a required primitive that is not
    /// float or double, and not be nested in a list, a map or an optional struct. Throws on the first violation.
    /// </summary>
    public void ValidateIdentifierFields()
    {
        foreach (var id in IdentifierFieldIds)
        {
            var field = FindField(id) ?? throw IcebergException.Invalid($"identifier field {id} is not in schema {SchemaId}");
            var name = FindColumnName(id);
            if (field.Type is not PrimitiveType p)
            {
                throw IcebergException.Invalid($"identifier field '{name}' must be a primitive type, not {field.Type}");
            }

            if (p.TypeId is TypeId.Float or TypeId.Double)
            {
                throw IcebergException.Invalid($"identifier field '{name}' must not be {p}");
            }

            if (field.IsOptional)
            {
                throw IcebergException.Invalid($"identifier field '{name}' must be required");
            }

            for (var parent = ParentId(id); parent is { } pid; parent = ParentId(pid))
            {
                var container = FindField(pid)!;
                if (container.Type is not StructType || container.IsOptional)
                {
                    throw IcebergException.Invalid($"identifier field '{name}' must not be nested in a list, a map or an optional struct ('{FindColumnName(pid)}')");
                }
            }
        }
    }

    /// <summary>All field ids in depth-first order.</summary>
    public IEnumerable<int> AllFieldIds() => GetIndex().ById.Keys;

    public bool Equals(Schema? other)
    {
        if (other is null || other.SchemaId != SchemaId || !other.Struct.Equals(Struct) || other.IdentifierFieldIds.Count != IdentifierFieldIds.Count)
        {
            return false;
        }

        for (var i = 0; i < IdentifierFieldIds.Count; i++)
        {
            if (other.IdentifierFieldIds[i] != IdentifierFieldIds[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Same fields and identifier fields, ignoring the schema id.</summary>
    public bool SameSchema(Schema other) => other.WithSchemaId(SchemaId).Equals(this);

    public override bool Equals(object? obj) => obj is Schema s && Equals(s);

    public override int GetHashCode() => HashCode.Combine(SchemaId, Fields.Count);

    public override string ToString() => $"schema {SchemaId}: {Struct}";

    private Index GetIndex() => _index ??= new Index(this);

    private sealed class Index
    {
        public Index(Schema schema)
        {
            foreach (var f in schema.Fields)
            {
                Add(f, null, null);
            }
        }

        public Dictionary<int, NestedField> ById { get; } = [];

        public Dictionary<int, string> NameById { get; } = [];

        public Dictionary<string, int> ByName { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> ByLowerName { get; } = new(StringComparer.Ordinal);

        public Dictionary<int, int> ParentById { get; } = [];

        public int HighestId { get; private set; }

        private void Add(NestedField field, string? prefix, int? parent)
        {
            var name = prefix is null ? field.Name : prefix + "." + field.Name;
            ById[field.Id] = field;
            NameById[field.Id] = name;
            ByName.TryAdd(name, field.Id);
            ByLowerName.TryAdd(name.ToLowerInvariant(), field.Id);
            if (parent is { } p)
            {
                ParentById[field.Id] = p;
            }

            HighestId = Math.Max(HighestId, field.Id);
            switch (field.Type)
            {
                case StructType s:
                    foreach (var child in s.Fields)
                    {
                        Add(child, name, field.Id);
                    }

                    break;
                case ListType l:
                    Add(l.ElementField, name, field.Id);
                    break;
                case MapType m:
                    Add(m.KeyField, name, field.Id);
                    Add(m.ValueField, name, field.Id);
                    break;
                default:
                    break;
            }
        }
    }
}
