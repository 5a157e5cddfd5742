using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

using Lakehouse.Arrow;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;

namespace Lakehouse.Flight.Sql;

/// <summary>GetFlightInfo, PollFlightInfo, GetSchema and ListFlights: describe a command and issue its ticket.</summary>
public sealed partial class FlightSqlServer
{
    public override async Task<FlightInfo> GetFlightInfoAsync(FlightDescriptor descriptor, ServerCallContext context)
    {
        var session = Session(context);
        var command = CommandOf(descriptor);
        var (schema, pending) = await DescribeAsync(command, session, context.CancellationToken, issueTicket: true).ConfigureAwait(false);
        var handle = _tickets.Add(pending!, Now);
        var ticket = Any.Pack(new TicketStatementQuery { StatementHandle = handle });
        var info = new FlightInfo
        {
            Schema = SchemaBytes(schema),
            FlightDescriptor = descriptor,
            TotalRecords = -1,
            TotalBytes = -1,
            Ordered = true,
        };
        info.Endpoint.Add(new FlightEndpoint
        {
            Ticket = new Ticket { Ticket_ = ticket.ToByteString() },
            ExpirationTime = Timestamp.FromDateTimeOffset(pending!.Expires),
        });
        return info;
    }

    public override async Task<PollInfo> PollFlightInfoAsync(FlightDescriptor descriptor, ServerCallContext context)
    {
        // Queries start when their ticket is redeemed, so the FlightInfo is complete at once.
        var info = await GetFlightInfoAsync(descriptor, context).ConfigureAwait(false);
        return new PollInfo { Info = info, Progress = 1.0 };
    }

    public override async Task<SchemaResult> GetSchemaAsync(FlightDescriptor descriptor, ServerCallContext context)
    {
        var session = Session(context);
        var (schema, _) = await DescribeAsync(CommandOf(descriptor), session, context.CancellationToken, issueTicket: false).ConfigureAwait(false);
        return new SchemaResult { Schema = SchemaBytes(schema) };
    }

    public override Task ListFlightsAsync(Criteria criteria, IServerStreamWriter<FlightInfo> responses, ServerCallContext context)
    {
        Session(context);
        return Task.CompletedTask; // Flight SQL results are reached through commands, not listed flights.
    }

    private static Any CommandOf(FlightDescriptor descriptor)
    {
        if (descriptor.Type != FlightDescriptor.Types.DescriptorType.Cmd)
        {
            throw new RpcException(StatusCode.InvalidArgument, "Flight SQL expects a CMD descriptor holding a packed command");
        }

        return UnpackAny(descriptor.Cmd, "FlightDescriptor.cmd");
    }

    /// <summary>The result schema of <paramref name="command"/> and, when asked, what its ticket will redeem.</summary>
    private async Task<(Schema Schema, PendingResult? Pending)> DescribeAsync(Any command, FlightSqlSession session, CancellationToken cancellationToken, bool issueTicket)
    {
        var expires = Now + _options.HandleLifetime;
        PendingResult Metadata(Schema schema) => new(session.Key, PendingResultKind.Metadata, schema, null, null, command, expires);
        switch (CommandName(command))
        {
            case nameof(CommandStatementQuery):
            {
                var query = Unpack<CommandStatementQuery>(command);
                RejectTransaction(query.HasTransactionId);
                var plan = await PlanAsync(query.Query, session, cancellationToken).ConfigureAwait(false);
                if (plan.IsUpdate)
                {
                    throw new RpcException(StatusCode.InvalidArgument, "the statement is an update; run it with DoPut(CommandStatementUpdate)");
                }

                return (plan.ResultSchema, new PendingResult(session.Key, PendingResultKind.Query, plan.ResultSchema, query.Query, null, null, expires));
            }

            case nameof(CommandPreparedStatementQuery):
            {
                var prepared = Prepared(Unpack<CommandPreparedStatementQuery>(command).PreparedStatementHandle, session);
                if (prepared.Plan.IsUpdate)
                {
                    throw new RpcException(StatusCode.InvalidArgument, "the prepared statement is an update; run it with DoPut(CommandPreparedStatementUpdate)");
                }

                return (prepared.Plan.ResultSchema, new PendingResult(session.Key, PendingResultKind.Query, prepared.Plan.ResultSchema, prepared.Sql, prepared.Parameters, null, expires));
            }

            case nameof(CommandGetSqlInfo):
                Unpack<CommandGetSqlInfo>(command);
                return (FlightSqlSchemas.GetSqlInfo, Metadata(FlightSqlSchemas.GetSqlInfo));
            case nameof(CommandGetXdbcTypeInfo):
                Unpack<CommandGetXdbcTypeInfo>(command);
                return (FlightSqlSchemas.GetXdbcTypeInfo, Metadata(FlightSqlSchemas.GetXdbcTypeInfo));
            case nameof(CommandGetCatalogs):
                return (FlightSqlSchemas.GetCatalogs, Metadata(FlightSqlSchemas.GetCatalogs));
            case nameof(CommandGetDbSchemas):
                Unpack<CommandGetDbSchemas>(command);
                return (FlightSqlSchemas.GetDbSchemas, Metadata(FlightSqlSchemas.GetDbSchemas));
            case nameof(CommandGetTables):
            {
                var schema = Unpack<CommandGetTables>(command).IncludeSchema ? FlightSqlSchemas.GetTablesWithSchema : FlightSqlSchemas.GetTables;
                return (schema, Metadata(schema));
            }

            case nameof(CommandGetTableTypes):
                return (FlightSqlSchemas.GetTableTypes, Metadata(FlightSqlSchemas.GetTableTypes));
            case nameof(CommandGetPrimaryKeys):
                Unpack<CommandGetPrimaryKeys>(command);
                return (FlightSqlSchemas.GetPrimaryKeys, Metadata(FlightSqlSchemas.GetPrimaryKeys));
            case nameof(CommandGetImportedKeys):
                Unpack<CommandGetImportedKeys>(command);
                return (FlightSqlSchemas.GetForeignKeys, Metadata(FlightSqlSchemas.GetForeignKeys));
            case nameof(CommandGetExportedKeys):
                Unpack<CommandGetExportedKeys>(command);
                return (FlightSqlSchemas.GetForeignKeys, Metadata(FlightSqlSchemas.GetForeignKeys));
            case nameof(CommandGetCrossReference):
                Unpack<CommandGetCrossReference>(command);
                return (FlightSqlSchemas.GetForeignKeys, Metadata(FlightSqlSchemas.GetForeignKeys));
            case nameof(CommandStatementSubstraitPlan):
                throw new RpcException(StatusCode.Unimplemented, "Substrait plans are not supported (SqlInfo FLIGHT_SQL_SERVER_SUBSTRAIT is false)");
            case nameof(CommandStatementUpdate) or nameof(CommandPreparedStatementUpdate) or nameof(CommandStatementIngest):
                throw new RpcException(StatusCode.InvalidArgument, $"{CommandName(command)} is run with DoPut, not GetFlightInfo");
            default:
                _ = issueTicket;
                throw new RpcException(StatusCode.InvalidArgument, $"unknown Flight SQL command '{command.TypeUrl}'");
        }
    }

    private async Task<FlightSqlPreparedPlan> PlanAsync(string sql, FlightSqlSession session, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new RpcException(StatusCode.InvalidArgument, "empty SQL statement");
        }

        try
        {
            return await _backend.PrepareAsync(sql, session.Context(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw ToRpc(e);
        }
    }

    private PreparedStatement Prepared(Google.Protobuf.ByteString handle, FlightSqlSession session)
    {
        var prepared = _prepared.Get(handle, Now);
        if (prepared is null || prepared.SessionKey != session.Key)
        {
            throw new RpcException(StatusCode.NotFound, "unknown, closed or expired prepared statement handle");
        }

        prepared.LastUsed = Now;
        return prepared;
    }

    private static void RejectTransaction(bool hasTransactionId)
    {
        if (hasTransactionId)
        {
            throw new RpcException(StatusCode.InvalidArgument, "transactions are not supported (SqlInfo FLIGHT_SQL_SERVER_TRANSACTION is NONE)");
        }
    }
}
