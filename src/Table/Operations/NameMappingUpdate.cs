using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Keeps <c>schema.name-mapping.default</c> in step with schema evolution (as the reference implementation): a renamed
/// field keeps its old names and gains the new one (files written before the rename still map), added fields get
/// an entry with their name, entries of deleted fields stay.
/// </summary>
internal static class NameMappingUpdate
{
    public static NameMapping Update(NameMapping mapping, Schema schema, int previousLastColumnId) =>
        new(Merge(mapping.Fields, schema.Fields, previousLastColumnId));

    private static List<MappedField> Merge(IReadOnlyList<MappedField> mapped, IReadOnlyList<NestedField> fields, int previousLastColumnId)
    {
        var byId = new Dictionary<int, NestedField>();
        foreach (var f in fields)
        {
            byId[f.Id] = f;
        }

        var result = new List<MappedField>(mapped.Count);
        var seen = new HashSet<int>();
        foreach (var m in mapped)
        {
            if (m.FieldId is { } id && byId.TryGetValue(id, out var f))
            {
                seen.Add(id);
                var names = m.Names.Contains(f.Name, StringComparer.Ordinal) ? m.Names : [.. m.Names, f.Name];
                result.Add(new MappedField(id, names, Merge(m.Fields, Children(f.Type), previousLastColumnId)));
            }
            else
            {
                result.Add(m);
            }
        }

        foreach (var f in fields)
        {
            if (!seen.Contains(f.Id) && f.Id > previousLastColumnId)
            {
                result.Add(new MappedField(f.Id, [f.Name], Merge([], Children(f.Type), previousLastColumnId)));
            }
        }

        return result;
    }

    private static IReadOnlyList<NestedField> Children(IcebergType type) => type switch
    {
        StructType s => s.Fields,
        ListType l => [l.ElementField],
        MapType m => [m.KeyField, m.ValueField],
        _ => [],
    };
}
