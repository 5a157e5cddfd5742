using Lakehouse.Table.Types;

namespace Lakehouse.Table.Operations;

/// <summary>The schema being evolved and the tree rewrites behind each change.</summary>
public sealed partial class UpdateSchema
{
    private sealed class State
    {
        private readonly int _formatVersion;
        private readonly bool _caseSensitive;
        private readonly bool _allowIncompatible;

        public State(Schema schema, int lastColumnId, int formatVersion, bool caseSensitive, bool allowIncompatible)
        {
            Schema = schema;
            LastColumnId = lastColumnId;
            _formatVersion = formatVersion;
            _caseSensitive = caseSensitive;
            _allowIncompatible = allowIncompatible;
        }

        public Schema Schema { get; private set; }

        public int LastColumnId { get; private set; }

        public HashSet<int> DeletedIds { get; } = [];

        public void Add(string? parent, string name, IcebergType type, string? doc, bool required, object? defaultValue = null)
        {
            if (defaultValue is not null)
            {
                RequireV3($"cannot add column '{name}' with a default value");
                defaultValue = Values.Literals.Convert(defaultValue, (PrimitiveType)type);
            }

            if (string.IsNullOrEmpty(name))
            {
                throw IcebergException.Invalid("cannot add a column with an empty name");
            }

            int? ownerId = null;
            IReadOnlyList<NestedField> siblings = Schema.Fields;
            var fullName = name;
            if (parent is not null)
            {
                var p = Find(parent, "add a field to");
                var owner = p.Type switch
                {
                    ListType l => l.ElementField,
                    MapType m => m.ValueField,
                    _ => p,
                };
                if (owner.Type is not StructType s)
                {
                    throw IcebergException.Invalid($"cannot add column '{name}' to '{parent}': it is not a struct (type {p.Type})");
                }

                ownerId = owner.Id;
                siblings = s.Fields;
                fullName = Schema.FindColumnName(owner.Id) + "." + name;
            }

            var cmp = _caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            if (siblings.Any(f => string.Equals(f.Name, name, cmp)))
            {
                throw IcebergException.Invalid($"cannot add column '{fullName}': a column with that name already exists");
            }

            if (required && defaultValue is null && !_allowIncompatible)
            {
                throw IcebergException.Invalid($"incompatible change: cannot add required column '{fullName}' (existing rows have no value; give a default (v3) or use AllowIncompatibleChanges)");
            }

            var id = ++LastColumnId;
            var freshType = FreshIds.AssignFreshIds(type, () => ++LastColumnId);
            var field = new NestedField(id, name, freshType, required, doc, defaultValue, defaultValue);
            Rewrite(editChildren: (owner, children) =>
            {
                if (owner == ownerId)
                {
                    children.Add(field);
                }
            });
        }

        public void Delete(string name)
        {
            var field = Find(name, "delete");
            CheckStructChild(field, name, "delete");
            Rewrite(editField: f => f.Id == field.Id ? null : f);
            foreach (var id in new Schema([field]).AllFieldIds())
            {
                DeletedIds.Add(id);
            }
        }

        public void Rename(string name, string newName)
        {
            if (string.IsNullOrEmpty(newName))
            {
                throw IcebergException.Invalid($"cannot rename column '{name}' to an empty name");
            }

            var field = Find(name, "rename");
            CheckStructChild(field, name, "rename");
            var cmp = _caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            if (Siblings(field).Any(f => f.Id != field.Id && string.Equals(f.Name, newName, cmp)))
            {
                throw IcebergException.Invalid($"cannot rename column '{name}' to '{newName}': a column with that name already exists");
            }

            Rewrite(editField: f => f.Id == field.Id ? new NestedField(f.Id, newName, f.Type, f.IsRequired, f.Doc, f.InitialDefault, f.WriteDefault) : f);
        }

        public void UpdateType(string name, PrimitiveType newType)
        {
            var field = Find(name, "update");
            if (field.Type is not PrimitiveType current)
            {
                throw IcebergException.Invalid($"cannot change column type: '{name}' is not a primitive type ({field.Type})");
            }

            if (!TypePromotion.IsAllowed(current, newType, _formatVersion))
            {
                throw IcebergException.Invalid($"cannot change column type: '{name}': {current} -> {newType} is not an allowed promotion in format v{_formatVersion}");
            }

            Rewrite(editField: f => f.Id == field.Id ? f.WithType(newType) : f);
        }

        public void UpdateWriteDefault(string name, object? writeDefault)
        {
            RequireV3($"cannot set the default of column '{name}'");
            var field = Find(name, "update");
            if (field.Type is not PrimitiveType p)
            {
                throw IcebergException.Invalid($"cannot set a default on '{name}': it is not a primitive type ({field.Type})");
            }

            var value = writeDefault is null ? null : Values.Literals.Convert(writeDefault, p);
            Rewrite(editField: f => f.Id == field.Id ? new NestedField(f.Id, f.Name, f.Type, f.IsRequired, f.Doc, f.InitialDefault, value) : f);
        }

        public void UpdateDoc(string name, string? doc)
        {
            var field = Find(name, "update");
            Rewrite(editField: f => f.Id == field.Id ? new NestedField(f.Id, f.Name, f.Type, f.IsRequired, doc, f.InitialDefault, f.WriteDefault) : f);
        }

        public void SetRequired(string name, bool required)
        {
            var field = Find(name, "update");
            if (field.IsRequired == required)
            {
                return;
            }

            if (Schema.ParentId(field.Id) is { } parentId && Schema.FindField(parentId)!.Type is MapType m && m.KeyId == field.Id)
            {
                throw IcebergException.Invalid($"cannot make map key '{name}' optional");
            }

            if (required && !_allowIncompatible)
            {
                throw IcebergException.Invalid($"cannot change column nullability: '{name}': optional -> required (use AllowIncompatibleChanges)");
            }

            Rewrite(editField: f => f.Id == field.Id ? new NestedField(f.Id, f.Name, f.Type, required, f.Doc, f.InitialDefault, f.WriteDefault) : f);
        }

        public void Move(string name, string? reference, bool before)
        {
            var field = Find(name, "move");
            CheckStructChild(field, name, "move");
            var parentId = Schema.ParentId(field.Id);
            NestedField? target = null;
            if (reference is not null)
            {
                target = Find(reference, "move a column relative to");
                if (target.Id == field.Id)
                {
                    throw IcebergException.Invalid($"cannot move column '{name}' {(before ? "before" : "after")} itself");
                }

                if (Schema.ParentId(target.Id) != parentId)
                {
                    throw IcebergException.Invalid($"cannot move column '{name}' {(before ? "before" : "after")} '{reference}': they are in different structs");
                }
            }

            Rewrite(editChildren: (owner, children) =>
            {
                if (owner != parentId)
                {
                    return;
                }

                var index = children.FindIndex(f => f.Id == field.Id);
                var moved = children[index];
                children.RemoveAt(index);
                var at = target is null ? 0 : children.FindIndex(f => f.Id == target.Id) + (before ? 0 : 1);
                children.Insert(at, moved);
            });
        }

        private void RequireV3(string what)
        {
            if (_formatVersion < 3)
            {
                throw IcebergException.Invalid($"{what}: default values need format version 3 (the table is v{_formatVersion})");
            }
        }

        private NestedField Find(string name, string action) =>
            Schema.FindField(name, _caseSensitive) ?? throw new IcebergException(IcebergErrorKind.NotFound, $"cannot {action} column '{name}': it is not in the schema");

        private void CheckStructChild(NestedField field, string name, string action)
        {
            if (Schema.ParentId(field.Id) is { } parentId && Schema.FindField(parentId)!.Type is ListType or MapType)
            {
                throw IcebergException.Invalid($"cannot {action} '{name}': list elements and map keys/values can only be changed through their parent");
            }
        }

        private IReadOnlyList<NestedField> Siblings(NestedField field) =>
            Schema.ParentId(field.Id) is { } parentId ? ((StructType)Schema.FindField(parentId)!.Type).Fields : Schema.Fields;

        private void Rewrite(Func<NestedField, NestedField?>? editField = null, Action<int?, List<NestedField>>? editChildren = null)
        {
            var fields = WalkStruct(Schema.Fields, null, editField, editChildren);
            Schema = new Schema(Schema.SchemaId, fields, Schema.IdentifierFieldIds.Where(id => Contains(fields, id)).ToList());
        }

        private static bool Contains(IReadOnlyList<NestedField> fields, int id) => new Schema(fields).FindField(id) is not null;

        private static List<NestedField> WalkStruct(IReadOnlyList<NestedField> fields, int? ownerId, Func<NestedField, NestedField?>? editField, Action<int?, List<NestedField>>? editChildren)
        {
            var result = new List<NestedField>(fields.Count + 1);
            foreach (var f in fields)
            {
                if (WalkField(f, editField, editChildren) is { } nf)
                {
                    result.Add(nf);
                }
            }

            editChildren?.Invoke(ownerId, result);
            return result;
        }

        private static NestedField? WalkField(NestedField f, Func<NestedField, NestedField?>? editField, Action<int?, List<NestedField>>? editChildren)
        {
            IcebergType type = f.Type switch
            {
                StructType s => new StructType(WalkStruct(s.Fields, f.Id, editField, editChildren)),
                ListType l => WalkList(l, editField, editChildren),
                MapType m => WalkMap(m, editField, editChildren),
                _ => f.Type,
            };
            var nf = ReferenceEquals(type, f.Type) ? f : new NestedField(f.Id, f.Name, type, f.IsRequired, f.Doc, f.InitialDefault, f.WriteDefault);
            return editField is null ? nf : editField(nf);
        }

        private static ListType WalkList(ListType l, Func<NestedField, NestedField?>? editField, Action<int?, List<NestedField>>? editChildren)
        {
            var e = WalkField(l.ElementField, editField, editChildren) ?? l.ElementField;
            return new ListType(e.Id, e.Type, e.IsRequired);
        }

        private static MapType WalkMap(MapType m, Func<NestedField, NestedField?>? editField, Action<int?, List<NestedField>>? editChildren)
        {
            var k = WalkField(m.KeyField, editField, editChildren) ?? m.KeyField;
            var v = WalkField(m.ValueField, editField, editChildren) ?? m.ValueField;
            return new MapType(k.Id, k.Type, v.Id, v.Type, v.IsRequired);
        }
    }
}
