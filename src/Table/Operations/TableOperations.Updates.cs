namespace Lakehouse.Table.Operations;

/// <summary>Entry points for the table changes committed through these operations.</summary>
public sealed partial class TableOperations
{
    public UpdateSchema UpdateSchema() => new(this);

    public UpdatePartitionSpec UpdateSpec() => new(this);

    public ReplaceSortOrder ReplaceSortOrder() => new(this);

    public UpdateProperties UpdateProperties() => new(this);

    public ManageSnapshots ManageSnapshots() => new(this);
}
