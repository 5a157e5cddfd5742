using Lakehouse.Table.Types;

namespace Lakehouse.Table.Metadata;

/// <summary>Metadata of a new table with freshly assigned ids.</summary>
public sealed partial class TableMetadataBuilder
{
    /// <summary>
    /// The first metadata of a new table: field ids reassigned from 1, partition field ids from 1000 (spec id 0),
    /// the sort order as id 1 (0 when unsorted), source ids re-bound by column name. The reserved
    /// <c>format-version</c> property selects the format version (default <paramref name="formatVersion"/>) and is
    /// not stored.
    /// </summary>
    public static TableMetadata NewTableMetadata(
        Schema schema,
        PartitionSpec? spec,
        SortOrder? sortOrder,
        string location,
        IReadOnlyDictionary<string, string>? properties = null,
        int formatVersion = 2,
        TimeProvider? time = null)
    {
        var props = new Dictionary<string, string>(properties ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (props.Remove(TableProperties.FormatVersion, out var fv))
        {
            if (!int.TryParse(fv, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out formatVersion))
            {
                throw IcebergException.Invalid($"table property '{TableProperties.FormatVersion}' has invalid value '{fv}'");
            }
        }

        var (fresh, lastColumnId) = FreshIds.AssignFreshIds(schema);
        var builder = BuildNew(formatVersion, location.TrimEnd('/'), time);
        builder.AssignUUID(Guid.NewGuid().ToString());
        builder.SetCurrentSchema(builder.AddSchema(fresh, lastColumnId));
        builder.SetDefaultSpec(builder.AddPartitionSpec(Rebind(spec ?? PartitionSpec.Unpartitioned, schema, fresh)));
        builder.SetDefaultSortOrder(builder.AddSortOrder(Rebind(sortOrder ?? SortOrder.Unsorted, schema, fresh)));
        builder.SetProperties(props);
        return builder.Build();
    }

    private static PartitionSpec Rebind(PartitionSpec spec, Schema original, Schema fresh)
    {
        var fields = new List<PartitionField>(spec.Fields.Count);
        var nextFieldId = PartitionSpec.FirstPartitionFieldId;
        foreach (var f in spec.Fields)
        {
            var sources = f.SourceIds.Select(id => RebindId(id, original, fresh, $"partition field '{f.Name}'")).ToList();
            var source = fresh.Field(sources[0]);
            if (source.Type is not PrimitiveType p || !f.Transform.CanTransform(p))
            {
                throw IcebergException.Invalid($"partition field '{f.Name}': transform {f.Transform} cannot be applied to column '{fresh.FindColumnName(source.Id)}' of type {source.Type}");
            }

            fields.Add(new PartitionField(sources, nextFieldId++, f.Name, f.Transform));
        }

        return new PartitionSpec(0, fields);
    }

    private static SortOrder Rebind(SortOrder order, Schema original, Schema fresh)
    {
        if (order.IsUnsorted)
        {
            return SortOrder.Unsorted;
        }

        var fields = new List<SortField>(order.Fields.Count);
        foreach (var f in order.Fields)
        {
            var sources = f.SourceIds.Select(id => RebindId(id, original, fresh, $"sort field {f}")).ToList();
            fields.Add(new SortField(sources, f.Transform, f.Direction, f.NullOrder));
        }

        return new SortOrder(1, fields);
    }

    private static int RebindId(int id, Schema original, Schema fresh, string what)
    {
        var name = original.FindColumnName(id) ?? throw IcebergException.Invalid($"{what} references column id {id}, which is not in the schema");
        return fresh.Field(name).Id;
    }
}
