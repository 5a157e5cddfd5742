namespace Lakehouse.Flight.Grpc;

/// <summary>
/// A response stream that can take an already-encoded message payload as a prefix plus segments and write
/// it into the transport without building the message first (used for FlightData bodies).
/// </summary>
internal interface IRawMessageWriter
{
    /// <summary>False when the call compresses responses (then messages go through the marshaller).</summary>
    bool CanWriteRaw { get; }

    Task WriteRawAsync(ReadOnlyMemory<byte> prefix, IReadOnlyList<ReadOnlyMemory<byte>> segments, long payloadLength, CancellationToken cancellationToken);
}
