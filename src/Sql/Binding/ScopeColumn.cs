using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Binding;

/// <summary>A column visible to name resolution: its relation alias (null when none), name, type; hidden columns are not expanded by *.</summary>
public sealed record ScopeColumn(string? Relation, string Name, SqlType Type, bool Hidden = false);
