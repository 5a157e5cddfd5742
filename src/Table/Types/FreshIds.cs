namespace Lakehouse.Table.Types;

/// <summary>
/// Assigns new field ids to a schema the way the reference implementation does for a new table: the fields of a
/// struct get consecutive ids first, then their nested types are numbered (depth by depth), list element / map key
/// and value ids before their own children. Identifier fields are carried over by name.
/// </summary>
public static class FreshIds
{
    /// <summary>Renumbers <paramref name="schema"/> with ids from <paramref name="nextId"/>() and gives it <paramref name="schemaId"/>.</summary>
    public static Schema AssignFreshIds(int schemaId, Schema schema, Func<int> nextId)
    {
        var fields = AssignStruct(schema.Struct, nextId).Fields;
        var fresh = new Schema(schemaId, fields);
        var identifiers = new List<int>(schema.IdentifierFieldIds.Count);
        foreach (var id in schema.IdentifierFieldIds)
        {
            var name = schema.FindColumnName(id) ?? throw IcebergException.Invalid($"identifier field id {id} is not in the schema");
            identifiers.Add(fresh.Field(name).Id);
        }

        return new Schema(schemaId, fields, identifiers);
    }

    /// <summary>Renumbers from 1; returns the schema and the last assigned id.</summary>
    public static (Schema Schema, int LastColumnId) AssignFreshIds(Schema schema)
    {
        var last = 0;
        var fresh = AssignFreshIds(0, schema, () => ++last);
        return (fresh, last);
    }

    /// <summary>Assigns fresh ids to a type being added to an existing schema (the type's own nested ids are ignored).</summary>
    public static IcebergType AssignFreshIds(IcebergType type, Func<int> nextId) => type switch
    {
        StructType s => AssignStruct(s, nextId),
        ListType l => AssignList(l, nextId),
        MapType m => AssignMap(m, nextId),
        _ => type,
    };

    private static StructType AssignStruct(StructType s, Func<int> nextId)
    {
        var ids = new int[s.Fields.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = nextId();
        }

        var fields = new NestedField[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            var f = s.Fields[i];
            fields[i] = new NestedField(ids[i], f.Name, AssignFreshIds(f.Type, nextId), f.IsRequired, f.Doc, f.InitialDefault, f.WriteDefault);
        }

        return new StructType(fields);
    }

    private static ListType AssignList(ListType l, Func<int> nextId)
    {
        var elementId = nextId();
        return new ListType(elementId, AssignFreshIds(l.ElementType, nextId), l.ElementRequired);
    }

    private static MapType AssignMap(MapType m, Func<int> nextId)
    {
        var keyId = nextId();
        var valueId = nextId();
        return new MapType(keyId, AssignFreshIds(m.KeyType, nextId), valueId, AssignFreshIds(m.ValueType, nextId), m.ValueRequired);
    }
}
