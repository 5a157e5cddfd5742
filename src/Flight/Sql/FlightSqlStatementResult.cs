using Lakehouse.Arrow;

namespace Lakehouse.Flight.Sql;

/// <summary>What <see cref="FlightSqlClient.ExecuteAsync"/> returns: a query's schema and batches, or an update count.</summary>
public sealed record FlightSqlStatementResult(Schema? Schema, IAsyncEnumerable<RecordBatch>? Batches, long? UpdateCount)
{
    public bool IsQuery => Schema is not null;
}
