using Lakehouse.Table.Metadata;
using Lakehouse.Table.Types;

namespace Lakehouse.Table.Operations;

/// <summary>
/// Schema evolution: add (incl. nested) columns, delete, rename, widen types per the spec's promotion rules, change
/// nullability and docs, reorder, and set identifier fields. Changes are applied in call order, each resolving column
/// names against the schema as changed so far; new field ids continue from last-column-id. Incompatible changes
/// (adding a required column, optional -&gt; required) need <see cref="AllowIncompatibleChanges"/>. The result is added
/// as a new schema and made current (an unchanged schema commits nothing); a <c>schema.name-mapping.default</c>
/// property is updated for renamed and added fields.
/// </summary>
public sealed partial class UpdateSchema : PendingUpdate
{
    private readonly List<Action<State>> _changes = [];
    private bool _caseSensitive = true;
    private bool _allowIncompatible;
    private IReadOnlyList<string>? _identifierFields;

    public UpdateSchema(TableOperations operations)
        : base(operations)
    {
    }

    public UpdateSchema CaseSensitive(bool caseSensitive)
    {
        _caseSensitive = caseSensitive;
        return this;
    }

    /// <summary>Allows adding required columns and making optional columns required (readers of old data may fail).</summary>
    public UpdateSchema AllowIncompatibleChanges()
    {
        _allowIncompatible = true;
        return this;
    }

    /// <summary>Adds a top-level column (optional unless <paramref name="required"/>).</summary>
    public UpdateSchema AddColumn(string name, IcebergType type, string? doc = null, bool required = false)
    {
        if (name.Contains('.', StringComparison.Ordinal))
        {
            throw IcebergException.Invalid($"cannot add column with ambiguous name '{name}': use AddColumn(parent, name, type) to add a nested field");
        }

        return AddColumn(null, name, type, doc, required);
    }

    /// <summary>Adds a field to the struct <paramref name="parent"/> (a list's element or a map's value struct when the parent is a list or map).</summary>
    public UpdateSchema AddColumn(string? parent, string name, IcebergType type, string? doc = null, bool required = false)
    {
        _changes.Add(s => s.Add(parent, name, type, doc, required));
        return this;
    }

    public UpdateSchema AddRequiredColumn(string name, IcebergType type, string? doc = null) => AddColumn(name, type, doc, required: true);

    /// <summary>
    /// Format v3: adds a primitive column whose rows written before it existed read as <paramref name="defaultValue"/>
    /// (its initial-default, also the write-default). A required column may be added this way without
    /// <see cref="AllowIncompatibleChanges"/>. The value is converted per <see cref="Values.Literals.Convert"/>.
    /// </summary>
    public UpdateSchema AddColumnWithDefault(string? parent, string name, PrimitiveType type, object defaultValue, string? doc = null, bool required = false)
    {
        _changes.Add(s => s.Add(parent, name, type, doc, required, defaultValue));
        return this;
    }

    /// <summary>Format v3: sets the write-default of a primitive column (null clears it); the initial-default never changes.</summary>
    public UpdateSchema UpdateColumnDefault(string name, object? writeDefault)
    {
        _changes.Add(s => s.UpdateWriteDefault(name, writeDefault));
        return this;
    }

    public UpdateSchema DeleteColumn(string name)
    {
        _changes.Add(s => s.Delete(name));
        return this;
    }

    public UpdateSchema RenameColumn(string name, string newName)
    {
        _changes.Add(s => s.Rename(name, newName));
        return this;
    }

    /// <summary>Widens a primitive column (int -&gt; long, float -&gt; double, decimal precision; more in v3).</summary>
    public UpdateSchema UpdateColumn(string name, PrimitiveType newType)
    {
        _changes.Add(s => s.UpdateType(name, newType));
        return this;
    }

    public UpdateSchema UpdateColumnDoc(string name, string? doc)
    {
        _changes.Add(s => s.UpdateDoc(name, doc));
        return this;
    }

    public UpdateSchema MakeColumnOptional(string name)
    {
        _changes.Add(s => s.SetRequired(name, false));
        return this;
    }

    public UpdateSchema RequireColumn(string name)
    {
        _changes.Add(s => s.SetRequired(name, true));
        return this;
    }

    public UpdateSchema MoveFirst(string name)
    {
        _changes.Add(s => s.Move(name, null, before: true));
        return this;
    }

    public UpdateSchema MoveBefore(string name, string beforeName)
    {
        _changes.Add(s => s.Move(name, beforeName, before: true));
        return this;
    }

    public UpdateSchema MoveAfter(string name, string afterName)
    {
        _changes.Add(s => s.Move(name, afterName, before: false));
        return this;
    }

    /// <summary>Replaces the identifier fields (resolved against the final schema of this update).</summary>
    public UpdateSchema SetIdentifierFields(params IEnumerable<string> names)
    {
        _identifierFields = [.. names];
        return this;
    }

    /// <summary>The evolved schema (id not yet assigned) and the new last-column-id.</summary>
    public (Schema Schema, int LastColumnId) ApplySchema(TableMetadata baseMetadata)
    {
        var state = new State(baseMetadata.CurrentSchema, baseMetadata.LastColumnId, baseMetadata.FormatVersion, _caseSensitive, _allowIncompatible);
        foreach (var change in _changes)
        {
            change(state);
        }

        var schema = state.Schema;
        IReadOnlyList<int> identifiers;
        if (_identifierFields is { } names)
        {
            var ids = new List<int>(names.Count);
            foreach (var name in names)
            {
                var f = schema.FindField(name, _caseSensitive) ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot set identifier field: column '{name}' is not in the schema");
                if (!ids.Contains(f.Id))
                {
                    ids.Add(f.Id);
                }
            }

            identifiers = ids;
        }
        else
        {
            foreach (var id in baseMetadata.CurrentSchema.IdentifierFieldIds)
            {
                if (state.DeletedIds.Contains(id))
                {
                    throw IcebergException.Invalid($"cannot delete identifier field '{baseMetadata.CurrentSchema.FindColumnName(id)}': remove it from the identifier fields first (SetIdentifierFields)");
                }
            }

            identifiers = schema.IdentifierFieldIds;
        }

        var result = new Schema(baseMetadata.CurrentSchemaId, schema.Fields, identifiers);
        result.ValidateIdentifierFields();
        CheckSources(baseMetadata, result);
        return (result, state.LastColumnId);
    }

    protected override void ApplyTo(TableMetadataBuilder builder, TableMetadata baseMetadata)
    {
        var (schema, lastColumnId) = ApplySchema(baseMetadata);
        if (schema.SameSchema(baseMetadata.CurrentSchema))
        {
            return;
        }

        builder.SetCurrentSchema(builder.AddSchema(schema, lastColumnId));
        if (baseMetadata.NameMapping is { } mapping)
        {
            var updated = NameMappingUpdate.Update(mapping, schema, baseMetadata.LastColumnId);
            if (!updated.Equals(mapping))
            {
                builder.SetProperties(new Dictionary<string, string> { [NameMapping.DefaultPropertyKey] = updated.ToJson() });
            }
        }
    }

    private static void CheckSources(TableMetadata metadata, Schema schema)
    {
        foreach (var f in metadata.DefaultSpec.Fields)
        {
            foreach (var id in f.SourceIds)
            {
                CheckSource(schema, id, metadata.CurrentSchema, f.Transform, $"partition field '{f.Name}'");
            }
        }

        foreach (var f in metadata.DefaultSortOrder.Fields)
        {
            foreach (var id in f.SourceIds)
            {
                CheckSource(schema, id, metadata.CurrentSchema, f.Transform, $"sort field {f}");
            }
        }
    }

    private static void CheckSource(Schema schema, int id, Schema old, Transforms.Transform transform, string what)
    {
        if (schema.FindField(id) is not { } field)
        {
            throw IcebergException.Invalid($"cannot delete column '{old.FindColumnName(id)}': it is the source of {what}");
        }

        if (field.Type is PrimitiveType p && transform.IsKnown && !transform.CanTransform(p))
        {
            throw IcebergException.Invalid($"cannot change column '{schema.FindColumnName(id)}' to {p}: {what} transform {transform} does not apply to it");
        }
    }
}
