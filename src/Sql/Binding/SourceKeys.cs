using Lakehouse.Sql.Parsing.Ast;

namespace Lakehouse.Sql.Binding;

/// <summary>Keys under which sources resolved before binding are found by the binder.</summary>
public static class SourceKeys
{
    /// <summary>The fully qualified parts (catalog, schema, table) of a table name.</summary>
    public static (string Catalog, string Schema, string Table) Qualify(QualifiedName name, string catalog, string schema)
    {
        var parts = name.Parts.AsSpan().ToArray().Select(p => p.Value).ToArray();
        return parts.Length switch
        {
            1 => (catalog, schema, parts[0]),
            2 => (catalog, parts[0], parts[1]),
            _ => (parts[^3], string.Join('.', parts[..^1].Skip(1)), parts[^1]),
        };
    }

    public static string ForTable(TableReference table, string catalog, string schema)
    {
        var (c, s, t) = Qualify(table.Name, catalog, schema);
        return $"table:{c}.{s}.{t}" + (table.Version is { } v ? $"@{v.Kind}:{v.Value}" : string.Empty);
    }

    public static string ForFunction(TableFunctionRelation function) =>
        $"fn:{Scope.Display(function.Name).ToLowerInvariant()}({string.Join(", ", function.Arguments.AsSpan().ToArray().Select(a => (a.Name is null ? string.Empty : a.Name.Value + " => ") + a.Value))})";
}
