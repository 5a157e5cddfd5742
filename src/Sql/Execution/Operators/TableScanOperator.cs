using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>Reads a <see cref="LogicalGet"/>'s source with its pushed projection, filter and limit.</summary>
public sealed class TableScanOperator(LogicalGet get) : PhysicalOperator(get)
{
    protected override IAsyncEnumerable<DataChunk> ExecuteCoreAsync(QueryContext context) =>
        get.Source.ScanAsync(new ScanRequest(get.Projection, get.Filter, get.Limit, GetStats(context)), context);
}
