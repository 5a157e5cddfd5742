using Lakehouse.Table.Catalog;
using Lakehouse.Table.IO;
using Lakehouse.Table.Maintenance;
using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Operations;

/// <summary>Registering an existing metadata file and dropping a table.</summary>
public sealed partial class TableOperations
{
    /// <summary>
    /// Registers an existing metadata file (e.g. written by another engine) under <paramref name="identifier"/>; the file
    /// must exist and parse. Throws <see cref="IcebergException"/> (AlreadyExists) when the name is taken.
    /// </summary>
    public static async Task<TableOperations> RegisterTableAsync(ICatalog catalog, TableIdentifier identifier, string metadataLocation, IFileIO? fileIO = null, CancellationToken cancellationToken = default)
    {
        var ops = new TableOperations(catalog, identifier, fileIO);
        var metadata = await TableMetadataParser.ReadAsync(ops.FileIO.NewInputFile(metadataLocation), cancellationToken).ConfigureAwait(false);
        await catalog.RegisterTableAsync(identifier, metadataLocation, cancellationToken).ConfigureAwait(false);
        ops._current = metadata;
        return ops;
    }

    /// <summary>
    /// Removes the table from the catalog; with <paramref name="purge"/> then deletes every file its current metadata
    /// reaches (<see cref="DropTableData"/>). Returns false when the table did not exist.
    /// </summary>
    public async Task<bool> DropAsync(bool purge, CancellationToken cancellationToken = default)
    {
        TableMetadata? metadata = null;
        if (purge)
        {
            try
            {
                metadata = await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IcebergException e) when (e.Kind == IcebergErrorKind.NotFound)
            {
                return false;
            }

            if (!TableProperties.GetBool(metadata.Properties, TableProperties.GcEnabled, TableProperties.GcEnabledDefault))
            {
                throw IcebergException.Invalid($"cannot purge table {Identifier}: garbage collection is disabled ({TableProperties.GcEnabled}=false)");
            }
        }

        if (!await Catalog.DropTableAsync(Identifier, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        _current = null;
        if (metadata is not null)
        {
            await DropTableData.DeleteAsync(FileIO, metadata, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
