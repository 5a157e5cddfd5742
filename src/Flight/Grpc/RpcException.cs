namespace Lakehouse.Flight.Grpc;

/// <summary>
/// A call ended with a non-OK status. Handlers throw it to choose the status the client sees; the client
/// throws it when the server (or the transport, or a deadline) ended the call with an error.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(Status status, Metadata? trailers = null)
        : base(status.Detail.Length == 0 ? status.StatusCode.ToString() : $"{status.StatusCode}: {status.Detail}")
    {
        Status = status;
        Trailers = trailers ?? new Metadata();
    }

    public RpcException(StatusCode statusCode, string detail, Metadata? trailers = null)
        : this(new Status(statusCode, detail), trailers)
    {
    }

    public RpcException(StatusCode statusCode, string detail, Exception innerException)
        : base($"{statusCode}: {detail}", innerException)
    {
        Status = new Status(statusCode, detail);
        Trailers = new Metadata();
    }

    public RpcException()
        : this(StatusCode.Unknown, "")
    {
    }

    public RpcException(string message)
        : this(StatusCode.Unknown, message)
    {
    }

    public RpcException(string message, Exception innerException)
        : this(StatusCode.Unknown, message, innerException)
    {
    }

    public Status Status { get; }

    public StatusCode StatusCode => Status.StatusCode;

    /// <summary>Trailing metadata: sent after the status by a server, received with it by a client.</summary>
    public Metadata Trailers { get; }
}
