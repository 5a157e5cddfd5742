using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Lakehouse.Arrow;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;

namespace Lakehouse.Flight.Sql;

/// <summary>
/// A Flight SQL client over <see cref="FlightClient"/>, the way JDBC/ADBC drivers run a statement: create a
/// prepared statement; when its dataset schema has columns, GetFlightInfo(CommandPreparedStatementQuery) and
/// DoGet every endpoint; otherwise DoPut(CommandPreparedStatementUpdate) and read the update count; then close
/// the statement. Works against any Flight SQL server that implements prepared statements.
/// </summary>
public sealed class FlightSqlClient(FlightClient client) : IDisposable
{
    public FlightClient Flight => client;

    /// <summary>Runs one statement; the result streams query rows or carries an update count.</summary>
    public async Task<FlightSqlStatementResult> ExecuteAsync(string sql, CancellationToken cancellationToken = default)
    {
        var options = new CallOptions(CancellationToken: cancellationToken);
        var prepared = await client.DoActionCollectAsync("CreatePreparedStatement", Any.Pack(new ActionCreatePreparedStatementRequest { Query = sql }).ToByteString(), options, cancellationToken).ConfigureAwait(false);
        if (prepared.Count != 1)
        {
            throw new InvalidOperationException($"CreatePreparedStatement returned {prepared.Count} results, expected 1");
        }

        var statement = Any.Parser.ParseFrom(prepared[0].Body).Unpack<ActionCreatePreparedStatementResult>();
        var schema = statement.DatasetSchema.IsEmpty ? null : new ArrowStreamReader(statement.DatasetSchema.Memory).Schema;
        if (schema is { Fields.Count: > 0 })
        {
            var descriptor = Command(new CommandPreparedStatementQuery { PreparedStatementHandle = statement.PreparedStatementHandle });
            var info = await client.GetFlightInfoAsync(descriptor, options).ConfigureAwait(false);
            return new FlightSqlStatementResult(schema, ReadAsync(info, statement.PreparedStatementHandle, cancellationToken), null);
        }

        try
        {
            var count = await UpdateAsync(new CommandPreparedStatementUpdate { PreparedStatementHandle = statement.PreparedStatementHandle }, cancellationToken).ConfigureAwait(false);
            return new FlightSqlStatementResult(null, null, count);
        }
        finally
        {
            await CloseAsync(statement.PreparedStatementHandle).ConfigureAwait(false);
        }
    }

    public void Dispose() => client.Dispose();

    private static FlightDescriptor Command(IMessage command) =>
        new() { Type = FlightDescriptor.Types.DescriptorType.Cmd, Cmd = Any.Pack(command).ToByteString() };

    private async IAsyncEnumerable<RecordBatch> ReadAsync(FlightInfo info, ByteString handle, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        try
        {
            foreach (var endpoint in info.Endpoint)
            {
                var decoder = new IpcMessageDecoder();
                await foreach (var data in client.DoGetAsync(endpoint.Ticket, new CallOptions(CancellationToken: cancellationToken)).WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    if (decoder.Decode(data.DataHeader.Memory, data.DataBody.Memory, out var batch) == IpcMessageKind.RecordBatch)
                    {
                        yield return batch!;
                    }
                }
            }
        }
        finally
        {
            await CloseAsync(handle).ConfigureAwait(false);
        }
    }

    private async Task<long> UpdateAsync(IMessage command, CancellationToken cancellationToken)
    {
        using var put = client.DoPut(new CallOptions(CancellationToken: cancellationToken));
        await put.RequestStream.WriteAsync(new FlightData { FlightDescriptor = Command(command) }, cancellationToken).ConfigureAwait(false);
        await put.RequestStream.CompleteAsync().ConfigureAwait(false);
        long count = 0;
        await foreach (var result in put.ResponseStream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            count = DoPutUpdateResult.Parser.ParseFrom(result.AppMetadata).RecordCount;
        }

        return count;
    }

    private async Task CloseAsync(ByteString handle)
    {
        try
        {
            await client.DoActionCollectAsync("ClosePreparedStatement", Any.Pack(new ActionClosePreparedStatementRequest { PreparedStatementHandle = handle }).ToByteString()).ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The statement is gone with its server-side state (expired or the server restarted); nothing to release.
        }
    }
}
