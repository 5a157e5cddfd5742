using Lakehouse.Table.Catalog;

namespace Lakehouse.Sql;

/// <summary>Metadata listings over the engine's catalog (SHOW statements and Flight SQL metadata calls).</summary>
public sealed partial class SqlSession
{
    /// <summary>The catalogs: the engine's one catalog name.</summary>
    public Task<IReadOnlyList<string>> ListCatalogsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([Engine.Options.DefaultCatalog]);

    /// <summary>Schemas (top-level Iceberg namespaces) of <paramref name="catalog"/> (null for the session's).</summary>
    public async Task<IReadOnlyList<string>> ListSchemasAsync(string? catalog = null, CancellationToken cancellationToken = default)
    {
        if (Engine.Options.Catalog is not { } c || !IsOurCatalog(catalog))
        {
            return [];
        }

        var namespaces = await c.ListNamespacesAsync(null, cancellationToken).ConfigureAwait(false);
        return namespaces.Select(n => n.ToString()).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Tables of a schema (null for every schema) in <paramref name="catalog"/>.</summary>
    public async Task<IReadOnlyList<SqlTableInfo>> ListTablesAsync(string? catalog = null, string? schema = null, CancellationToken cancellationToken = default)
    {
        if (Engine.Options.Catalog is not { } c || !IsOurCatalog(catalog))
        {
            return [];
        }

        var schemas = schema is null ? await ListSchemasAsync(catalog, cancellationToken).ConfigureAwait(false) : [schema];
        var tables = new List<SqlTableInfo>();
        foreach (var s in schemas)
        {
            var ids = await c.ListTablesAsync(Namespace.Parse(s), cancellationToken).ConfigureAwait(false);
            tables.AddRange(ids.Select(id => new SqlTableInfo(catalog ?? Catalog, s, id.Name)));
        }

        tables.Sort((a, b) => string.CompareOrdinal(a.Schema + "." + a.Name, b.Schema + "." + b.Name));
        return tables;
    }

    /// <summary>Columns of a table, or of any relation a query returns.</summary>
    public Task<IReadOnlyList<SqlColumnInfo>> GetColumnsAsync(string qualifiedTableName, CancellationToken cancellationToken = default) =>
        GetColumnsCoreAsync(qualifiedTableName, cancellationToken);

    private bool IsOurCatalog(string? catalog) => catalog is null || string.Equals(catalog, Engine.Options.DefaultCatalog, StringComparison.Ordinal);
}
