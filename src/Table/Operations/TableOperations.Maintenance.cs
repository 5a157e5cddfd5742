using Lakehouse.Table.Maintenance;

namespace Lakehouse.Table.Operations;

/// <summary>Entry points for table maintenance.</summary>
public sealed partial class TableOperations
{
    public ExpireSnapshots ExpireSnapshots() => new(this);

    public RemoveOrphanFiles RemoveOrphanFiles() => new(this);
}
