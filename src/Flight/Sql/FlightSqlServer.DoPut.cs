using Google.Protobuf;

using Lakehouse.Arrow;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;

namespace Lakehouse.Flight.Sql;

/// <summary>DoPut: updates (statement and prepared), parameter binding, bulk ingestion.</summary>
public sealed partial class FlightSqlServer
{
    /// <summary>Bound parameter rows kept per prepared statement (more is an error, not a memory blow-up).</summary>
    private const int MaxBoundParameterRows = 1_000_000;

    public override async Task DoPutAsync(IAsyncEnumerable<FlightData> requests, IServerStreamWriter<PutResult> responses, ServerCallContext context)
    {
        var session = Session(context);
        var reader = await FlightDataReader.StartAsync(requests, context.CancellationToken).ConfigureAwait(false);
        if (reader.Descriptor.Type != FlightDescriptor.Types.DescriptorType.Cmd)
        {
            throw new RpcException(StatusCode.InvalidArgument, "Flight SQL DoPut expects a CMD descriptor holding a packed command");
        }

        var command = UnpackAny(reader.Descriptor.Cmd, "FlightDescriptor.cmd");
        switch (CommandName(command))
        {
            case nameof(CommandStatementUpdate):
            {
                var update = Unpack<CommandStatementUpdate>(command);
                RejectTransaction(update.HasTransactionId);
                RequireAdmin(session, "an update");
                var count = await UpdateAsync(session, update.Query, null, context.CancellationToken).ConfigureAwait(false);
                await responses.WriteAsync(UpdateResult(count), context.CancellationToken).ConfigureAwait(false);
                break;
            }

            case nameof(CommandPreparedStatementUpdate):
            {
                var prepared = Prepared(Unpack<CommandPreparedStatementUpdate>(command).PreparedStatementHandle, session);
                RequireAdmin(session, "an update");
                var parameters = await CollectParametersAsync(reader, prepared, context.CancellationToken).ConfigureAwait(false) ?? prepared.Parameters;
                var count = await UpdateAsync(session, prepared.Sql, parameters, context.CancellationToken).ConfigureAwait(false);
                await responses.WriteAsync(UpdateResult(count), context.CancellationToken).ConfigureAwait(false);
                break;
            }

            case nameof(CommandPreparedStatementQuery):
            {
                // Parameter binding: the batch's rows are the parameter sets of the next execution.
                var handle = Unpack<CommandPreparedStatementQuery>(command).PreparedStatementHandle;
                var prepared = Prepared(handle, session);
                prepared.Parameters = await CollectParametersAsync(reader, prepared, context.CancellationToken).ConfigureAwait(false);
                var result = new DoPutPreparedStatementResult { PreparedStatementHandle = handle };
                await responses.WriteAsync(new PutResult { AppMetadata = result.ToByteString() }, context.CancellationToken).ConfigureAwait(false);
                break;
            }

            case nameof(CommandStatementIngest):
            {
                var ingest = Unpack<CommandStatementIngest>(command);
                RejectTransaction(ingest.HasTransactionId);
                RequireAdmin(session, "bulk ingestion");
                var schema = reader.Schema ?? throw new RpcException(StatusCode.InvalidArgument, "CommandStatementIngest without an Arrow schema");
                var request = IngestRequest(ingest);
                long rows = 0;
                await RunQueryAsync(session, "ingest", CancellationToken.None, context.CancellationToken, async cancellationToken =>
                {
                    rows = await _backend.IngestAsync(request, schema, reader.ReadBatchesAsync(cancellationToken), session.Context(cancellationToken)).ConfigureAwait(false);
                    return (rows, 0);
                }).ConfigureAwait(false);
                await responses.WriteAsync(UpdateResult(rows), context.CancellationToken).ConfigureAwait(false);
                break;
            }

            default:
                throw new RpcException(StatusCode.InvalidArgument, $"DoPut does not take '{command.TypeUrl}'");
        }
    }

    private async Task<long> UpdateAsync(FlightSqlSession session, string sql, IReadOnlyList<RecordBatch>? parameters, CancellationToken callToken)
    {
        long count = -1;
        await RunQueryAsync(session, "update", CancellationToken.None, callToken, async cancellationToken =>
        {
            if (parameters is null)
            {
                count = await _backend.ExecuteUpdateAsync(sql, null, session.Context(cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                // One execution per bound row; the counts add up (unknown if any part is unknown).
                count = 0;
                foreach (var batch in parameters)
                {
                    var n = await _backend.ExecuteUpdateAsync(sql, batch, session.Context(cancellationToken)).ConfigureAwait(false);
                    count = n < 0 || count < 0 ? -1 : count + n;
                }
            }

            return (Math.Max(0, count), 0);
        }).ConfigureAwait(false);
        return count;
    }

    private static PutResult UpdateResult(long count) =>
        new() { AppMetadata = new DoPutUpdateResult { RecordCount = count }.ToByteString() };

    /// <summary>Reads the parameter batches of a DoPut (null when no schema was sent).</summary>
    private static async Task<IReadOnlyList<RecordBatch>?> CollectParametersAsync(FlightDataReader reader, PreparedStatement prepared, CancellationToken cancellationToken)
    {
        var schema = reader.Schema;
        if (schema is null)
        {
            return null;
        }

        if (schema.Count != prepared.Plan.ParameterSchema.Count)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"the statement takes {prepared.Plan.ParameterSchema.Count} parameters but {schema.Count} columns were bound");
        }

        var batches = new List<RecordBatch>();
        var rows = 0;
        await foreach (var batch in reader.ReadBatchesAsync(cancellationToken).ConfigureAwait(false))
        {
            rows += batch.Length;
            if (rows > MaxBoundParameterRows)
            {
                throw new RpcException(StatusCode.ResourceExhausted, $"more than {MaxBoundParameterRows} parameter rows bound");
            }

            batches.Add(batch);
        }

        return batches;
    }

    private static FlightSqlIngestRequest IngestRequest(CommandStatementIngest ingest)
    {
        if (string.IsNullOrEmpty(ingest.Table))
        {
            throw new RpcException(StatusCode.InvalidArgument, "CommandStatementIngest without a table name");
        }

        // FlightSql.proto: table_definition_options is required and the UNSPECIFIED values are "do not use;
        // servers should error if this is specified by a client" — so both choices must be explicit.
        var options = ingest.TableDefinitionOptions
            ?? throw new RpcException(StatusCode.InvalidArgument, "CommandStatementIngest without table_definition_options");
        var ifExists = options.IfExists switch
        {
            CommandStatementIngest.Types.TableDefinitionOptions.Types.TableExistsOption.Fail => FlightSqlIngestMode.Fail,
            CommandStatementIngest.Types.TableDefinitionOptions.Types.TableExistsOption.Append => FlightSqlIngestMode.Append,
            CommandStatementIngest.Types.TableDefinitionOptions.Types.TableExistsOption.Replace => FlightSqlIngestMode.Replace,
            _ => throw new RpcException(StatusCode.InvalidArgument, $"CommandStatementIngest: if_exists must be FAIL, APPEND or REPLACE (got {(int)options.IfExists})"),
        };
        var create = options.IfNotExist switch
        {
            CommandStatementIngest.Types.TableDefinitionOptions.Types.TableNotExistOption.Create => true,
            CommandStatementIngest.Types.TableDefinitionOptions.Types.TableNotExistOption.Fail => false,
            _ => throw new RpcException(StatusCode.InvalidArgument, $"CommandStatementIngest: if_not_exist must be CREATE or FAIL (got {(int)options.IfNotExist})"),
        };
        return new FlightSqlIngestRequest(
            ingest.HasCatalog ? ingest.Catalog : null, ingest.HasSchema ? ingest.Schema : null, ingest.Table, ifExists, create, ingest.Temporary,
            new Dictionary<string, string>(ingest.Options));
    }
}
