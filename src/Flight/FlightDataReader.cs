using System.Runtime.CompilerServices;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;

namespace Lakehouse.Flight;

/// <summary>
/// Reads the Arrow stream carried by a DoPut: the first FlightData holds the descriptor (and possibly the
/// schema message); the schema and batches follow. Malformed IPC becomes INVALID_ARGUMENT.
/// </summary>
public sealed class FlightDataReader
{
    private readonly IAsyncEnumerator<FlightData> _requests;
    private readonly IpcMessageDecoder _decoder = new();
    private FlightData? _pending;

    private FlightDataReader(IAsyncEnumerator<FlightData> requests) => _requests = requests;

    public FlightDescriptor Descriptor { get; private set; } = new();

    public Schema? Schema => _decoder.Schema;

    /// <summary>Reads the first message (descriptor) and the schema.</summary>
    public static async Task<FlightDataReader> StartAsync(IAsyncEnumerable<FlightData> requests, CancellationToken cancellationToken)
    {
        var reader = new FlightDataReader(requests.GetAsyncEnumerator(cancellationToken));
        if (!await reader._requests.MoveNextAsync().ConfigureAwait(false))
        {
            throw new RpcException(StatusCode.InvalidArgument, "DoPut without any FlightData");
        }

        var first = reader._requests.Current;
        reader.Descriptor = first.FlightDescriptor ?? throw new RpcException(StatusCode.InvalidArgument, "the first FlightData of a DoPut must carry a FlightDescriptor");
        reader._pending = first.DataHeader.IsEmpty ? null : first;
        while (reader.Schema is null)
        {
            var data = reader._pending;
            reader._pending = null;
            if (data is null)
            {
                if (!await reader._requests.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                data = reader._requests.Current;
            }

            if (!data.DataHeader.IsEmpty)
            {
                var kind = reader.Decode(data, out var batch);
                if (kind != IpcMessageKind.Schema || batch is not null)
                {
                    throw new RpcException(StatusCode.InvalidArgument, "DoPut: the Arrow stream must start with a Schema message");
                }
            }
        }

        return reader;
    }

    /// <summary>The record batches that follow the schema.</summary>
    public async IAsyncEnumerable<RecordBatch> ReadBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await _requests.MoveNextAsync().ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var data = _requests.Current;
            if (data.DataHeader.IsEmpty)
            {
                continue;
            }

            if (Decode(data, out var batch) == IpcMessageKind.RecordBatch && batch is not null)
            {
                yield return batch;
            }
        }
    }

    private IpcMessageKind Decode(FlightData data, out RecordBatch? batch)
    {
        try
        {
            return _decoder.Decode(data.DataHeader.Memory, data.DataBody.Memory, out batch);
        }
        catch (Exception e) when (e is CorruptFileException or NotSupportedException or ArgumentException)
        {
            throw new RpcException(StatusCode.InvalidArgument, "DoPut: invalid Arrow IPC data: " + e.Message);
        }
    }
}
