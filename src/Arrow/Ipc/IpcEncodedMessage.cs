namespace Lakehouse.Arrow.Ipc;

/// <summary>
/// One encoded IPC message: the Message flatbuffer (without framing prefix or padding) and the body as a
/// list of segments (buffers and their 8-byte padding) so writers can hand them on without copying.
/// </summary>
public sealed class IpcEncodedMessage
{
    internal IpcEncodedMessage(MessageHeaderType headerType, byte[] metadata, List<ReadOnlyMemory<byte>> body, long bodyLength)
    {
        HeaderType = headerType;
        Metadata = metadata;
        BodySegments = body;
        BodyLength = bodyLength;
    }

    public MessageHeaderType HeaderType { get; }

    /// <summary>The Message flatbuffer bytes (Flight: FlightData.data_header).</summary>
    public ReadOnlyMemory<byte> Metadata { get; }

    public IReadOnlyList<ReadOnlyMemory<byte>> BodySegments { get; }

    public long BodyLength { get; }

    /// <summary>The body as one array (Flight: FlightData.data_body).</summary>
    public byte[] BodyToArray()
    {
        var result = new byte[BodyLength];
        var at = 0;
        foreach (var s in BodySegments)
        {
            s.Span.CopyTo(result.AsSpan(at));
            at += s.Length;
        }

        return result;
    }
}
