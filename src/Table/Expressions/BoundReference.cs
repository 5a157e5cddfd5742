using Lakehouse.Table.Types;

namespace Lakehouse.Table.Expressions;

/// <summary>A column resolved against a schema: its field id, full name, primitive type and whether it is required.</summary>
public sealed record BoundReference(int FieldId, string Name, PrimitiveType Type, bool IsRequired);
