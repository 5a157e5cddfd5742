using System.Runtime.CompilerServices;

using Lakehouse.Arrow;
using Lakehouse.Flight.Sql;

namespace Lakehouse.Bench;

/// <summary>BENCH ONLY: a Flight SQL backend whose one query streams the same pre-built batch <c>count</c> times.</summary>
internal sealed class FlightBenchBackend(RecordBatch batch, int count) : IFlightSqlBackend
{
    public IReadOnlyList<string> TableTypes { get; } = ["TABLE"];

    public IReadOnlyList<FlightSqlAdminAction> AdminActions { get; } = [];

    public FlightSqlServerIdentity Identity { get; } = new("bench", "0", ReadOnly: true);

    public ValueTask<FlightSqlPreparedPlan> PrepareAsync(string sql, FlightSqlContext context) =>
        ValueTask.FromResult(new FlightSqlPreparedPlan(batch.Schema, new Schema([]), false));

    public ValueTask<FlightSqlQueryResult> ExecuteQueryAsync(string sql, RecordBatch? parameters, FlightSqlContext context) =>
        ValueTask.FromResult(new FlightSqlQueryResult(batch.Schema, Stream(context.CancellationToken)));

    public ValueTask<long> ExecuteUpdateAsync(string sql, RecordBatch? parameters, FlightSqlContext context) => throw new NotSupportedException();

    public ValueTask<IReadOnlyList<string>> GetCatalogsAsync(FlightSqlContext context) => ValueTask.FromResult<IReadOnlyList<string>>([]);

    public ValueTask<IReadOnlyList<FlightSqlSchemaName>> GetDbSchemasAsync(FlightSqlContext context) => ValueTask.FromResult<IReadOnlyList<FlightSqlSchemaName>>([]);

    public ValueTask<IReadOnlyList<FlightSqlTableInfo>> GetTablesAsync(FlightSqlContext context) => ValueTask.FromResult<IReadOnlyList<FlightSqlTableInfo>>([]);

    public ValueTask<long> IngestAsync(FlightSqlIngestRequest request, Schema schema, IAsyncEnumerable<RecordBatch> batches, FlightSqlContext context) => throw new NotSupportedException();

    public ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> RunAdminActionAsync(string type, ReadOnlyMemory<byte> body, FlightSqlContext context) => throw new NotSupportedException();

    private async IAsyncEnumerable<RecordBatch> Stream([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return batch;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
