using Lakehouse.Arrow.Types;

namespace Lakehouse.Arrow.Ipc;

/// <summary>Gives every dictionary-encoded field (including ones nested in dictionary values) a dictionary id.</summary>
internal sealed class DictionaryIds
{
    private readonly HashSet<long> _used = [];
    private long _next;

    public static Schema Assign(Schema schema)
    {
        var ids = new DictionaryIds();
        foreach (var f in schema.Fields)
        {
            ids.CollectExplicit(f, 0);
        }

        var fields = new Field[schema.Count];
        var changed = false;
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = ids.Rewrite(schema[i], 0);
            changed |= !ReferenceEquals(fields[i], schema[i]);
        }

        return changed ? new Schema(fields, schema.Metadata) : schema;
    }

    private void CollectExplicit(Field field, int depth)
    {
        if (depth > 64)
        {
            throw new ArgumentException("schema nests deeper than 64 levels");
        }

        var type = field.Type;
        if (type is DictionaryType d)
        {
            if (field.DictionaryId is { } id)
            {
                _used.Add(id);
            }

            type = d.ValueType;
        }

        foreach (var c in SchemaWriter.ChildFields(type))
        {
            CollectExplicit(c, depth + 1);
        }
    }

    private Field Rewrite(Field field, int depth)
    {
        var type = RewriteType(field.Type is DictionaryType d ? d.ValueType : field.Type, depth);
        if (field.Type is DictionaryType dict)
        {
            var id = field.DictionaryId;
            if (id is null)
            {
                while (_used.Contains(_next))
                {
                    _next++;
                }

                id = _next;
                _used.Add(_next);
            }

            var newDict = ReferenceEquals(type, dict.ValueType) ? dict : new DictionaryType(dict.IndexType, type, dict.Ordered);
            return ReferenceEquals(newDict, dict) && field.DictionaryId == id ? field : field.WithType(newDict).WithDictionaryId(id);
        }

        return ReferenceEquals(type, field.Type) ? field : field.WithType(type);
    }

    private ArrowType RewriteType(ArrowType type, int depth)
    {
        var children = SchemaWriter.ChildFields(type);
        if (children.Count == 0)
        {
            return type;
        }

        var rewritten = new Field[children.Count];
        var changed = false;
        for (var i = 0; i < rewritten.Length; i++)
        {
            rewritten[i] = Rewrite(children[i], depth + 1);
            changed |= !ReferenceEquals(rewritten[i], children[i]);
        }

        if (!changed)
        {
            return type;
        }

        return type switch
        {
            ListType l => new ListType(rewritten[0], l.Id),
            FixedSizeListType f => new FixedSizeListType(rewritten[0], f.ListSize),
            MapType m => new MapType(rewritten[0], m.KeysSorted),
            StructType => new StructType(rewritten),
            UnionType u => new UnionType(rewritten, u.TypeCodes, u.Mode),
            RunEndEncodedType => new RunEndEncodedType(rewritten[0], rewritten[1]),
            _ => type,
        };
    }
}
