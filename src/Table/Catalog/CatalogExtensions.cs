namespace Lakehouse.Table.Catalog;

/// <summary>Reading tables through a catalog.</summary>
public static class CatalogExtensions
{
    /// <summary>Loads the table's current metadata (the location the catalog records) through the catalog's storage.</summary>
    public static async Task<IcebergTable> LoadTableAsync(this ICatalog catalog, TableIdentifier identifier, CancellationToken cancellationToken = default)
    {
        var location = await catalog.LoadMetadataLocationAsync(identifier, cancellationToken).ConfigureAwait(false);
        return await IcebergTable.LoadAsync(catalog.FileIO, location, cancellationToken).ConfigureAwait(false);
    }
}
