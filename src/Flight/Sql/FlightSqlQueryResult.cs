using Lakehouse.Arrow;

namespace Lakehouse.Flight.Sql;

/// <summary>A running query: its schema and the batches as the executor produces them.</summary>
public sealed record FlightSqlQueryResult(Schema Schema, IAsyncEnumerable<RecordBatch> Batches);
