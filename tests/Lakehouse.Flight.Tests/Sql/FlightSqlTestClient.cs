using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;

using FlightAction = Lakehouse.Flight.Protocol.Action;

namespace Lakehouse.Flight.Tests.Sql;

/// <summary>Flight SQL calls at the protobuf level for the tests: pack commands, read results into batches.</summary>
internal static class FlightSqlTestClient
{
    public static FlightDescriptor Command(IMessage command) =>
        new() { Type = FlightDescriptor.Types.DescriptorType.Cmd, Cmd = Any.Pack(command).ToByteString() };

    public static async Task<(Schema Schema, List<RecordBatch> Batches, int Messages, int MaxBody)> ReadAsync(FlightClient client, Ticket ticket, CancellationToken cancellationToken = default)
    {
        var decoder = new IpcMessageDecoder();
        var batches = new List<RecordBatch>();
        var messages = 0;
        var maxBody = 0;
        await foreach (var data in client.DoGetAsync(ticket).WithCancellation(cancellationToken))
        {
            messages++;
            maxBody = Math.Max(maxBody, data.DataBody.Length);
            if (decoder.Decode(data.DataHeader.Memory, data.DataBody.ToByteArray(), out var batch) == IpcMessageKind.RecordBatch)
            {
                batches.Add(batch!);
            }
        }

        return (decoder.Schema!, batches, messages, maxBody);
    }

    public static async Task<(FlightInfo Info, Schema Schema, List<RecordBatch> Batches)> QueryAsync(FlightClient client, IMessage command)
    {
        var info = await client.GetFlightInfoAsync(Command(command));
        var (schema, batches, _, _) = await ReadAsync(client, info.Endpoint[0].Ticket);
        return (info, schema, batches);
    }

    public static async Task<ActionCreatePreparedStatementResult> PrepareAsync(FlightClient client, string sql)
    {
        var results = await client.DoActionCollectAsync("CreatePreparedStatement", Any.Pack(new ActionCreatePreparedStatementRequest { Query = sql }).ToByteString());
        return Any.Parser.ParseFrom(results.Single().Body).Unpack<ActionCreatePreparedStatementResult>();
    }

    public static Task ClosePreparedAsync(FlightClient client, ByteString handle) =>
        client.DoActionCollectAsync("ClosePreparedStatement", Any.Pack(new ActionClosePreparedStatementRequest { PreparedStatementHandle = handle }).ToByteString());

    /// <summary>A DoPut with <paramref name="command"/> and optional batches; returns the PutResult app_metadata payloads.</summary>
    public static async Task<List<ByteString>> PutAsync(FlightClient client, IMessage command, Schema? schema = null, params RecordBatch[] batches)
    {
        using var put = client.DoPut();
        var first = new FlightData { FlightDescriptor = Command(command) };
        if (schema is not null)
        {
            var encoder = new IpcMessageEncoder(schema);
            var schemaMessage = encoder.EncodeSchema();
            first.DataHeader = ByteString.CopyFrom(schemaMessage.Metadata.Span);
            await put.RequestStream.WriteAsync(first);
            foreach (var batch in batches)
            {
                var messages = new List<IpcEncodedMessage>();
                encoder.Encode(batch, messages);
                foreach (var m in messages)
                {
                    await put.RequestStream.WriteAsync(new FlightData { DataHeader = ByteString.CopyFrom(m.Metadata.Span), DataBody = ByteString.CopyFrom(m.BodyToArray()) });
                }
            }
        }
        else
        {
            await put.RequestStream.WriteAsync(first);
        }

        await put.RequestStream.CompleteAsync();
        var results = new List<ByteString>();
        await foreach (var r in put.ResponseStream)
        {
            results.Add(r.AppMetadata);
        }

        return results;
    }

    public static async Task<long> UpdateAsync(FlightClient client, IMessage command, Schema? schema = null, params RecordBatch[] batches) =>
        DoPutUpdateResult.Parser.ParseFrom((await PutAsync(client, command, schema, batches)).Single()).RecordCount;

    public static FlightAction Action(string type, IMessage body) => new() { Type = type, Body = body.ToByteString() };
}
