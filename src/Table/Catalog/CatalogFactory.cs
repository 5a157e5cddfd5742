using Lakehouse.Table.Catalog.Sql;
using Lakehouse.Table.IO;

namespace Lakehouse.Table.Catalog;

/// <summary>
/// Opens a warehouse: a root location for table files (a local folder or <c>s3://bucket/prefix</c>) and a catalog URI
/// (<see cref="CatalogUri"/>). Defaults: <see cref="DefaultWarehouse"/> and a SQLite file inside it.
/// </summary>
public static class CatalogFactory
{
    public const string DefaultWarehouse = "./warehouse";
    public const string DefaultCatalogName = "lakehouse";

    /// <summary>The default catalog URI of a warehouse: <c>sqlite:{warehouse}/catalog.db</c> (for a local warehouse).</summary>
    public static string DefaultCatalogUri(string warehouse)
    {
        if (IsRemote(warehouse))
        {
            throw IcebergException.Invalid($"warehouse {warehouse} is not a local folder: give a catalog URI (--catalog), e.g. postgresql://… or sqlite:PATH");
        }

        return "sqlite:" + Path.Combine(LocalFileIO.ToPath(warehouse), "catalog.db");
    }

    /// <summary>Opens (creating when absent) the catalog; the caller disposes it. The database is touched on first use.</summary>
    /// <param name="warehouse">Root of new tables; default <c>./warehouse</c>.</param>
    /// <param name="catalogUri">Where the catalog lives; default <c>sqlite:{warehouse}/catalog.db</c>.</param>
    /// <param name="catalogName">The <c>catalog_name</c> column value shared with other engines.</param>
    /// <param name="fileIO">Storage; by default chosen from the warehouse location (local, or S3 configured from the environment).</param>
    public static SqlCatalog Open(string? warehouse = null, string? catalogUri = null, string catalogName = DefaultCatalogName, IFileIO? fileIO = null)
    {
        warehouse = string.IsNullOrEmpty(warehouse) ? DefaultWarehouse : warehouse;
        var root = IsRemote(warehouse) ? warehouse.TrimEnd('/') : Path.GetFullPath(LocalFileIO.ToPath(warehouse)).TrimEnd('/');
        var uri = string.IsNullOrEmpty(catalogUri) ? DefaultCatalogUri(root) : catalogUri;
        fileIO ??= FileIOFactory.ForLocation(root);
        return new SqlCatalog(catalogName, root, fileIO, CatalogUri.CreateDialect(uri));
    }

    private static bool IsRemote(string location) =>
        location.Contains("://", StringComparison.Ordinal) && !location.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
}
