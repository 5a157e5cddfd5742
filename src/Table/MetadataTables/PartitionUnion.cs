using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;
using Lakehouse.Table.Values;
using ArrowStructType = Lakehouse.Arrow.Types.StructType;

namespace Lakehouse.Table.MetadataTables;

/// <summary>
/// The partition struct of the files/entries/partitions tables: the union of the (non-void) partition fields of every
/// spec of the table, by partition field id, typed by the transform results over the current schema. A file written
/// with an older spec has null in the fields its spec lacks.
/// </summary>
internal sealed class PartitionUnion
{
    private readonly TableMetadata _metadata;
    private readonly List<NestedField> _fields = [];
    private readonly Dictionary<int, int> _indexByFieldId = [];

    public PartitionUnion(TableMetadata metadata)
    {
        _metadata = metadata;
        var schema = metadata.CurrentSchema;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in metadata.PartitionSpecs)
        {
            foreach (var field in spec.Fields)
            {
                if (field.Transform is Transforms.VoidTransform || _indexByFieldId.ContainsKey(field.FieldId))
                {
                    continue;
                }

                var name = names.Add(field.Name) ? field.Name : field.Name + "_" + field.FieldId.ToString(System.Globalization.CultureInfo.InvariantCulture);
                names.Add(name);
                _indexByFieldId[field.FieldId] = _fields.Count;
                _fields.Add(NestedField.Optional(field.FieldId, name, PartitionSpec.ResultType(field, schema)));
            }
        }

        Type = new StructType(_fields);
        ArrowType = (ArrowStructType)ArrowSchemaConverter.ToArrowType(Type);
    }

    /// <summary>False for an unpartitioned table (no partition column in the metadata tables).</summary>
    public bool IsPartitioned => _fields.Count > 0;

    public StructType Type { get; }

    public ArrowStructType ArrowType { get; }

    /// <summary>The union tuple of a file's partition values (for the struct builder).</summary>
    public object?[] Values(int specId, IReadOnlyList<object?> partition)
    {
        var values = new object?[_fields.Count];
        var spec = _metadata.SpecById(specId);
        if (spec is null)
        {
            return values;
        }

        for (var i = 0; i < spec.Fields.Count && i < partition.Count; i++)
        {
            if (partition[i] is { } v && _indexByFieldId.TryGetValue(spec.Fields[i].FieldId, out var index))
            {
                values[index] = Literals.TryConvert(v, (PrimitiveType)_fields[index].Type);
            }
        }

        return values;
    }

    /// <summary>A key that groups files of equal union tuples (for the partitions table).</summary>
    public static string Key(object?[] values)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var v in values)
        {
            sb.Append(v switch
            {
                null => "\u0000",
                byte[] b => Convert.ToHexString(b),
                IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                _ => v.ToString(),
            }).Append('\u0001');
        }

        return sb.ToString();
    }
}
