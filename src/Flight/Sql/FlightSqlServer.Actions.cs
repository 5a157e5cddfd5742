using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;

using FlightAction = Lakehouse.Flight.Protocol.Action;

namespace Lakehouse.Flight.Sql;

/// <summary>DoAction and ListActions: prepared statements, cancellation, session options, admin actions.</summary>
public sealed partial class FlightSqlServer
{
    private static readonly (string Type, string Description)[] s_standardActions =
    [
        ("CreatePreparedStatement", "Plan a SQL statement; returns a handle, the result schema, the parameter schema and whether it is an update (ActionCreatePreparedStatementResult)"),
        ("ClosePreparedStatement", "Release a prepared statement handle"),
        ("CancelFlightInfo", "Cancel the query behind a FlightInfo (CancelFlightInfoResult)"),
        ("CancelQuery", "Deprecated form of CancelFlightInfo (ActionCancelQueryResult)"),
        ("SetSessionOptions", "Set session options: catalog, schema (strings; an empty value unsets)"),
        ("GetSessionOptions", "Read the session options"),
        ("CloseSession", "End the session: its prepared statements and tickets are released"),
    ];

    public override async Task ListActionsAsync(Protocol.Empty request, IServerStreamWriter<ActionType> responses, ServerCallContext context)
    {
        Session(context);
        foreach (var (type, description) in s_standardActions)
        {
            await responses.WriteAsync(new ActionType { Type = type, Description = description }, context.CancellationToken).ConfigureAwait(false);
        }

        foreach (var action in _backend.AdminActions)
        {
            await responses.WriteAsync(new ActionType { Type = action.Type, Description = action.Description + " (admin)" }, context.CancellationToken).ConfigureAwait(false);
        }
    }

    public override async Task DoActionAsync(FlightAction action, IServerStreamWriter<Result> responses, ServerCallContext context)
    {
        var session = Session(context);
        var ct = context.CancellationToken;
        switch (action.Type)
        {
            case "CreatePreparedStatement":
            {
                var request = Unpack<ActionCreatePreparedStatementRequest>(UnpackAny(action.Body, "CreatePreparedStatement body"));
                RejectTransaction(request.HasTransactionId);
                var plan = await PlanAsync(request.Query, session, ct).ConfigureAwait(false);
                var prepared = new PreparedStatement(session.Key, request.Query, plan) { LastUsed = Now };
                var handle = _prepared.Add(prepared, Now);
                var result = new ActionCreatePreparedStatementResult
                {
                    PreparedStatementHandle = handle,
                    DatasetSchema = SchemaBytes(plan.IsUpdate ? FlightSqlSchemas.Empty : plan.ResultSchema),
                    ParameterSchema = SchemaBytes(plan.ParameterSchema),
                    IsUpdate = plan.IsUpdate,
                };
                await responses.WriteAsync(new Result { Body = Any.Pack(result).ToByteString() }, ct).ConfigureAwait(false);
                break;
            }

            case "ClosePreparedStatement":
            {
                var request = Unpack<ActionClosePreparedStatementRequest>(UnpackAny(action.Body, "ClosePreparedStatement body"));
                var prepared = _prepared.Get(request.PreparedStatementHandle, Now);
                if (prepared is not null && prepared.SessionKey == session.Key)
                {
                    _prepared.Remove(request.PreparedStatementHandle);
                }

                break;
            }

            case "CancelFlightInfo":
            {
                var request = ParseMessage(action.Body, CancelFlightInfoRequest.Parser);
                var status = Cancel(request.Info, session);
                await responses.WriteAsync(new Result { Body = new CancelFlightInfoResult { Status = status }.ToByteString() }, ct).ConfigureAwait(false);
                break;
            }

            case "CancelQuery":
            {
#pragma warning disable CS0612 // CancelQuery is deprecated in favour of CancelFlightInfo; old clients still send it.
                var request = Unpack<ActionCancelQueryRequest>(UnpackAny(action.Body, "CancelQuery body"));
                var info = ParseMessage(request.Info, FlightInfo.Parser);
                var status = Cancel(info, session);
                var result = new ActionCancelQueryResult
                {
                    Result = status switch
                    {
                        CancelStatus.Cancelled => ActionCancelQueryResult.Types.CancelResult.Cancelled,
                        CancelStatus.Cancelling => ActionCancelQueryResult.Types.CancelResult.Cancelling,
                        CancelStatus.NotCancellable => ActionCancelQueryResult.Types.CancelResult.NotCancellable,
                        _ => ActionCancelQueryResult.Types.CancelResult.Unspecified,
                    },
                };
#pragma warning restore CS0612
                await responses.WriteAsync(new Result { Body = Any.Pack(result).ToByteString() }, ct).ConfigureAwait(false);
                break;
            }

            case "SetSessionOptions":
            {
                var request = ParseMessage(action.Body, SetSessionOptionsRequest.Parser);
                var result = SetSessionOptions(session, request);
                await responses.WriteAsync(new Result { Body = result.ToByteString() }, ct).ConfigureAwait(false);
                break;
            }

            case "GetSessionOptions":
            {
                var result = new GetSessionOptionsResult();
                lock (session.SyncRoot)
                {
                    if (session.Catalog is { } catalog)
                    {
                        result.SessionOptions["catalog"] = new SessionOptionValue { StringValue = catalog };
                    }

                    if (session.Schema is { } schema)
                    {
                        result.SessionOptions["schema"] = new SessionOptionValue { StringValue = schema };
                    }
                }

                await responses.WriteAsync(new Result { Body = result.ToByteString() }, ct).ConfigureAwait(false);
                break;
            }

            case "CloseSession":
            {
                CloseSession(session);
                var result = new CloseSessionResult { Status = CloseSessionResult.Types.Status.Closed };
                await responses.WriteAsync(new Result { Body = result.ToByteString() }, ct).ConfigureAwait(false);
                break;
            }

            case "BeginTransaction" or "EndTransaction" or "BeginSavepoint" or "EndSavepoint":
                throw new RpcException(StatusCode.Unimplemented, "transactions are not supported (SqlInfo FLIGHT_SQL_SERVER_TRANSACTION is NONE)");
            case "CreatePreparedSubstraitPlan":
                throw new RpcException(StatusCode.Unimplemented, "Substrait plans are not supported");
            default:
            {
                if (!IsAdminAction(action.Type))
                {
                    throw new RpcException(StatusCode.InvalidArgument, $"unknown action '{action.Type}' (see ListActions)");
                }

                RequireAdmin(session, $"action '{action.Type}'");
                IReadOnlyList<ReadOnlyMemory<byte>> results = [];
                await RunQueryAsync(session, "action:" + action.Type, CancellationToken.None, ct, async token =>
                {
                    results = await _backend.RunAdminActionAsync(action.Type, action.Body.Memory, session.Context(token)).ConfigureAwait(false);
                    return (results.Count, 0);
                }).ConfigureAwait(false);
                foreach (var body in results)
                {
                    await responses.WriteAsync(new Result { Body = ByteString.CopyFrom(body.Span) }, ct).ConfigureAwait(false);
                }

                break;
            }
        }
    }

    private bool IsAdminAction(string type)
    {
        foreach (var a in _backend.AdminActions)
        {
            if (a.Type == type)
            {
                return true;
            }
        }

        return false;
    }

    private CancelStatus Cancel(FlightInfo? info, FlightSqlSession session)
    {
        if (info is null || info.Endpoint.Count == 0)
        {
            throw new RpcException(StatusCode.InvalidArgument, "CancelFlightInfo needs the FlightInfo with its endpoints");
        }

        var any = UnpackAny(info.Endpoint[0].Ticket?.Ticket_ ?? ByteString.Empty, "ticket");
        var handle = Unpack<TicketStatementQuery>(any).StatementHandle;
        var pending = _tickets.Get(handle, Now);
        if (pending is null || pending.SessionKey != session.Key)
        {
            return CancelStatus.NotCancellable;
        }

        pending.Cancellation.Cancel();
        _tickets.Remove(handle);
        return CancelStatus.Cancelled;
    }

    private static SetSessionOptionsResult SetSessionOptions(FlightSqlSession session, SetSessionOptionsRequest request)
    {
        var result = new SetSessionOptionsResult();
        lock (session.SyncRoot)
        {
            foreach (var (name, value) in request.SessionOptions)
            {
                if (name is not ("catalog" or "schema"))
                {
                    result.Errors[name] = new SetSessionOptionsResult.Types.Error { Value = SetSessionOptionsResult.Types.ErrorValue.InvalidName };
                    continue;
                }

                string? text;
                if (value.OptionValueCase == SessionOptionValue.OptionValueOneofCase.None)
                {
                    text = null;
                }
                else if (value.OptionValueCase == SessionOptionValue.OptionValueOneofCase.StringValue)
                {
                    text = value.StringValue.Length == 0 ? null : value.StringValue;
                }
                else
                {
                    result.Errors[name] = new SetSessionOptionsResult.Types.Error { Value = SetSessionOptionsResult.Types.ErrorValue.InvalidValue };
                    continue;
                }

                if (name == "catalog")
                {
                    session.Catalog = text;
                }
                else
                {
                    session.Schema = text;
                }
            }
        }

        return result;
    }

    private void CloseSession(FlightSqlSession session)
    {
        session.Closed = true;
        _prepared.RemoveWhere(p => p.SessionKey == session.Key);
        _tickets.RemoveWhere(p => p.SessionKey == session.Key);
        lock (session.SyncRoot)
        {
            session.Catalog = null;
            session.Schema = null;
        }
    }
}
