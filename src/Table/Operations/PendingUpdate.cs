using Lakehouse.Table.Metadata;

namespace Lakehouse.Table.Operations;

/// <summary>
/// A table change built up by calls and committed once. The change is kept as intent (names, not positions), so
/// <see cref="Apply"/> can be re-run against metadata that another writer committed in the meantime:
/// <see cref="CommitAsync"/> does exactly that on a compare-and-swap conflict (see
/// <see cref="TableOperations.CommitAsync(Func{TableMetadata, TableMetadata}, CancellationToken)"/>).
/// </summary>
public abstract class PendingUpdate
{
    protected PendingUpdate(TableOperations operations) => Operations = operations;

    public TableOperations Operations { get; }

    /// <summary>The metadata this change produces on top of <paramref name="baseMetadata"/>; throws <see cref="IcebergException"/> when it cannot apply.</summary>
    public TableMetadata Apply(TableMetadata baseMetadata)
    {
        var builder = TableMetadataBuilder.BuildFrom(baseMetadata, Operations.Time);
        ApplyTo(builder, baseMetadata);
        return builder.Build();
    }

    /// <summary>Commits the change, re-applying it to refreshed metadata on conflicts; returns the committed metadata.</summary>
    public Task<TableMetadata> CommitAsync(CancellationToken cancellationToken = default) => Operations.CommitAsync(Apply, cancellationToken);

    /// <summary>Records the change on <paramref name="builder"/>, which starts from <paramref name="baseMetadata"/>.</summary>
    protected abstract void ApplyTo(TableMetadataBuilder builder, TableMetadata baseMetadata);
}
