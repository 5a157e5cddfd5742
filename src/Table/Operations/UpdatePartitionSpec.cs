using Lakehouse.Table.Metadata;
using Lakehouse.Table.Transforms;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Partition spec evolution: add fields (a transform of a source column), remove and rename fields, producing a new
/// default spec. New partition field ids continue from last-partition-id (v2 reuses the id of an identical field
/// of an earlier spec, as the reference implementation); in v1 removed fields stay as <c>void</c> transforms so
/// field ids keep their positions. Default names follow the reference implementation
/// (<c>col</c>, <c>col_bucket_16</c>, <c>col_trunc_4</c>, <c>col_day</c>...).
/// </summary>
public sealed class UpdatePartitionSpec : PendingUpdate
{
    private readonly List<(string? Name, string Column, Transform Transform)> _adds = [];
    private readonly List<string> _removesByName = [];
    private readonly List<(string Column, Transform Transform)> _removesByTerm = [];
    private readonly List<(string Name, string NewName)> _renames = [];
    private bool _caseSensitive = true;

    public UpdatePartitionSpec(TableOperations operations)
        : base(operations)
    {
    }

    public UpdatePartitionSpec CaseSensitive(bool caseSensitive)
    {
        _caseSensitive = caseSensitive;
        return this;
    }

    public UpdatePartitionSpec AddField(string column, Transform transform, string? name = null)
    {
        _adds.Add((name, column, transform));
        return this;
    }

    /// <summary>Adds an identity partition on <paramref name="column"/>.</summary>
    public UpdatePartitionSpec AddField(string column) => AddField(column, Transform.Identity);

    public UpdatePartitionSpec RemoveField(string name)
    {
        _removesByName.Add(name);
        return this;
    }

    public UpdatePartitionSpec RemoveField(string column, Transform transform)
    {
        _removesByTerm.Add((column, transform));
        return this;
    }

    public UpdatePartitionSpec RenameField(string name, string newName)
    {
        _renames.Add((name, newName));
        return this;
    }

    /// <summary>The new spec's fields (spec id left to the builder) for <paramref name="metadata"/>.</summary>
    public PartitionSpec ApplySpec(TableMetadata metadata)
    {
        var schema = metadata.CurrentSchema;
        var current = metadata.DefaultSpec;
        var v1 = metadata.FormatVersion == 1;
        var removed = new HashSet<int>();
        foreach (var name in _removesByName)
        {
            var f = current.Fields.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.Ordinal))
                ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot remove partition field '{name}': it is not in the current spec");
            if (!removed.Add(f.FieldId))
            {
                throw IcebergException.Invalid($"cannot remove partition field '{name}' twice");
            }
        }

        foreach (var (column, transform) in _removesByTerm)
        {
            var source = FindColumn(schema, column, "remove a partition on");
            var f = current.Fields.FirstOrDefault(x => x.SourceId == source.Id && x.Transform.Equals(transform))
                ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot remove partition {transform}({column}): it is not in the current spec");
            if (!removed.Add(f.FieldId))
            {
                throw IcebergException.Invalid($"cannot remove partition {transform}({column}) twice");
            }
        }

        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, newName) in _renames)
        {
            var f = current.Fields.FirstOrDefault(x => string.Equals(x.Name, name, StringComparison.Ordinal))
                ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot rename partition field '{name}': it is not in the current spec");
            if (removed.Contains(f.FieldId))
            {
                throw IcebergException.Invalid($"cannot rename partition field '{name}': it is being removed");
            }

            renames[name] = newName;
        }

        var fields = new List<PartitionField>();
        foreach (var f in current.Fields)
        {
            var name = renames.GetValueOrDefault(f.Name, f.Name);
            if (removed.Contains(f.FieldId))
            {
                if (v1)
                {
                    fields.Add(new PartitionField(f.SourceIds, f.FieldId, name, Transform.Void));
                }

                continue;
            }

            fields.Add(new PartitionField(f.SourceIds, f.FieldId, name, f.Transform));
        }

        var lastPartitionId = metadata.LastPartitionId;
        foreach (var (requestedName, column, transform) in _adds)
        {
            var source = FindColumn(schema, column, "partition by");
            if (source.Type is not PrimitiveType p || !transform.CanTransform(p))
            {
                throw IcebergException.Invalid($"cannot partition by {transform}({column}): the transform does not apply to {source.Type}");
            }

            var existing = fields.FirstOrDefault(x => x.SourceId == source.Id && x.Transform.Equals(transform));
            if (existing is not null)
            {
                throw IcebergException.Invalid($"cannot add duplicate partition field {transform}({column}): it is already '{existing.Name}'");
            }

            if (current.Fields.Any(x => removed.Contains(x.FieldId) && x.SourceId == source.Id && x.Transform.Equals(transform)))
            {
                throw IcebergException.Invalid($"cannot add partition {transform}({column}): it is being removed in the same update");
            }

            var name = requestedName ?? DefaultName(schema.FindColumnName(source.Id)!, transform);
            if (fields.Any(x => string.Equals(x.Name, name, StringComparison.Ordinal)))
            {
                throw IcebergException.Invalid($"cannot add partition field '{name}': a partition field with that name already exists");
            }

            if (requestedName is not null && schema.FindField(name) is { } clash && clash.Id != source.Id)
            {
                throw IcebergException.Invalid($"cannot add partition field '{name}': it conflicts with schema column '{name}'");
            }

            int fieldId;
            if (v1)
            {
                fieldId = PartitionSpec.FirstPartitionFieldId + fields.Count;
            }
            else
            {
                var previous = metadata.PartitionSpecs.SelectMany(s => s.Fields)
                    .FirstOrDefault(x => x.SourceId == source.Id && x.Transform.Equals(transform))?.FieldId;

                // Tables upgraded from v1 may reuse ids across specs: never put one id twice in a spec.
                fieldId = previous is { } p2 && !fields.Any(x => x.FieldId == p2) ? p2 : ++lastPartitionId;
            }

            fields.Add(new PartitionField(source.Id, fieldId, name, transform));
        }

        return new PartitionSpec(0, fields);
    }

    /// <summary>The reference implementation's default partition field name for a transform of a column.</summary>
    public static string DefaultName(string column, Transform transform) => transform switch
    {
        IdentityTransform => column,
        BucketTransform b => $"{column}_bucket_{b.NumBuckets}",
        TruncateTransform t => $"{column}_trunc_{t.Width}",
        DateTimeTransform d => $"{column}_{d.Part.ToString().ToLowerInvariant()}",
        VoidTransform => $"{column}_null",
        _ => $"{column}_{transform}",
    };

    protected override void ApplyTo(TableMetadataBuilder builder, TableMetadata baseMetadata)
    {
        var spec = ApplySpec(baseMetadata);
        if (spec.IsCompatibleWith(baseMetadata.DefaultSpec) && spec.Fields.Select(f => f.FieldId).SequenceEqual(baseMetadata.DefaultSpec.Fields.Select(f => f.FieldId)))
        {
            return;
        }

        builder.SetDefaultSpec(builder.AddPartitionSpec(spec));
    }

    private NestedField FindColumn(Schema schema, string column, string action) =>
        schema.FindField(column, _caseSensitive) ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot {action} column '{column}': it is not in the schema");
}
