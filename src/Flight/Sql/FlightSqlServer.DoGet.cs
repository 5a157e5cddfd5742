using System.Diagnostics;

using Google.Protobuf.WellKnownTypes;

using Lakehouse.Arrow;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;

namespace Lakehouse.Flight.Sql;

/// <summary>DoGet: redeem a ticket, run the query under the limits, stream its batches as FlightData.</summary>
public sealed partial class FlightSqlServer
{
    public override async Task DoGetAsync(Ticket ticket, IServerStreamWriter<FlightData> responses, ServerCallContext context)
    {
        var session = Session(context);
        var any = UnpackAny(ticket.Ticket_, "ticket");
        if (CommandName(any) != nameof(TicketStatementQuery))
        {
            throw new RpcException(StatusCode.InvalidArgument, "not a ticket issued by this server");
        }

        var handle = Unpack<TicketStatementQuery>(any).StatementHandle;
        var pending = _tickets.Get(handle, Now);
        if (pending is null || pending.SessionKey != session.Key)
        {
            throw new RpcException(StatusCode.NotFound, "unknown or expired ticket (tickets belong to the session that got them)");
        }

        if (pending.Kind == PendingResultKind.Metadata)
        {
            var batch = await MetadataAsync(pending.Command!, session, context.CancellationToken).ConfigureAwait(false);
            var stream = new FlightDataStream(responses, pending.Schema, _options.MaxFlightDataBytes);
            await stream.WriteBatchAsync(batch, context.CancellationToken).ConfigureAwait(false);
            await stream.WriteSchemaAsync(context.CancellationToken).ConfigureAwait(false);
            return;
        }

        await RunQueryAsync(session, "query", pending.Cancellation.Token, context.CancellationToken, async cancellationToken =>
        {
            var stream = new FlightDataStream(responses, pending.Schema, _options.MaxFlightDataBytes);
            await stream.WriteSchemaAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyList<RecordBatch?> executions = pending.Parameters is { } bound ? [.. bound] : [null];
            foreach (var parameters in executions)
            {
                var result = await _backend.ExecuteQueryAsync(pending.Sql!, parameters, session.Context(cancellationToken)).ConfigureAwait(false);
                if (result.Schema.Count != pending.Schema.Count)
                {
                    throw new RpcException(StatusCode.Internal, "the query's schema changed since GetFlightInfo");
                }

                await foreach (var batch in result.Batches.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    await stream.WriteBatchAsync(Conform(batch, pending.Schema), cancellationToken).ConfigureAwait(false);
                }
            }

            _tickets.Remove(handle);
            return (stream.Rows, stream.Bytes);
        }).ConfigureAwait(false);
    }

    /// <summary>Labels the batch with the announced schema (names, nullability, metadata) when only those differ.</summary>
    private static RecordBatch Conform(RecordBatch batch, Schema schema) =>
        ReferenceEquals(batch.Schema, schema) || batch.Schema.Equals(schema) ? batch : new RecordBatch(schema, batch.Columns, batch.Length);

    /// <summary>
    /// Runs one query-like unit of work: waits for a slot (max concurrent queries), applies the time limit
    /// and cancellation (client, CancelFlightInfo, timeout), maps errors to status codes and logs one line.
    /// </summary>
    private async Task RunQueryAsync(FlightSqlSession session, string kind, CancellationToken cancelled, CancellationToken callToken, Func<CancellationToken, Task<(long Rows, long Bytes)>> work)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = new CancellationTokenSource();
        if (_options.QueryTimeout != Timeout.InfiniteTimeSpan)
        {
            timeout.CancelAfter(_options.QueryTimeout);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, cancelled, timeout.Token);
        bool acquired;
        try
        {
            acquired = await _querySlots.WaitAsync(_options.QueueTimeout, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new RpcException(StatusCode.Cancelled, "cancelled while waiting for a query slot");
        }

        if (!acquired)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"too many concurrent queries (limit {_options.MaxConcurrentQueries})");
        }

        Interlocked.Increment(ref _runningQueries);
        var status = "OK";
        long rows = 0, bytes = 0;
        try
        {
            (rows, bytes) = await work(linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException || (e is FlightSqlException f && f.Kind == FlightSqlErrorKind.Cancelled))
        {
            if (timeout.IsCancellationRequested && !callToken.IsCancellationRequested)
            {
                status = "DEADLINE_EXCEEDED";
                throw new RpcException(StatusCode.DeadlineExceeded, $"query exceeded the time limit of {_options.QueryTimeout}");
            }

            status = "CANCELLED";
            throw new RpcException(StatusCode.Cancelled, cancelled.IsCancellationRequested ? "query cancelled by CancelFlightInfo" : "query cancelled");
        }
        catch (Exception e)
        {
            var rpc = ToRpc(e);
            status = rpc.StatusCode.ToString();
            throw rpc;
        }
        finally
        {
            Interlocked.Decrement(ref _runningQueries);
            _querySlots.Release();
            _logger.QueryCompleted(session.User.Name, kind, status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, rows, bytes);
        }
    }
}
