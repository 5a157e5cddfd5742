using System.Buffers;
using System.Net;

using Microsoft.AspNetCore.Http;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// What a handler knows about its call: request metadata, deadline and cancellation, the peer, and the
/// response headers and trailers it may add to.
/// </summary>
public sealed class ServerCallContext : IDisposable
{
    private readonly HttpContext _http;
    private readonly GrpcServerOptions _options;
    private readonly PooledBufferWriter _frame = new();
    private bool _headersSent;

    internal ServerCallContext(HttpContext http, string method, GrpcServerOptions options, string? requestEncoding, bool compressResponses, DateTime deadline, CancellationToken cancellationToken)
    {
        _http = http;
        _options = options;
        Method = method;
        RequestEncoding = requestEncoding;
        CompressResponses = compressResponses;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        RequestHeaders = new Metadata();
        foreach (var header in http.Request.Headers)
        {
            if (Metadata.IsReserved(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                if (value is not null)
                {
                    RequestHeaders.AddRaw(header.Key.ToLowerInvariant(), value);
                }
            }
        }
    }

    /// <summary>The method's path, e.g. <c>/arrow.flight.protocol.FlightService/DoGet</c>.</summary>
    public string Method { get; }

    /// <summary>Application metadata sent by the client (e.g. <c>authorization</c>).</summary>
    public Metadata RequestHeaders { get; }

    /// <summary>Headers sent before the first response message (or with the status when there is none).</summary>
    public Metadata ResponseHeaders { get; } = new();

    /// <summary>Trailers sent with the status.</summary>
    public Metadata ResponseTrailers { get; } = new();

    /// <summary>UTC deadline from grpc-timeout; <see cref="DateTime.MaxValue"/> when the client set none.</summary>
    public DateTime Deadline { get; }

    /// <summary>Cancelled when the client cancels or disconnects, or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The client's address, e.g. <c>ipv4:127.0.0.1:51234</c>.</summary>
    public string Peer => _http.Connection.RemoteIpAddress is { } ip
        ? $"{(ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6:[" + ip + "]" : "ipv4:" + ip)}:{_http.Connection.RemotePort}"
        : "unknown";

    /// <summary>Per-call state shared between call filters and the handler (e.g. the authenticated user).</summary>
    public IDictionary<object, object?> UserState { get; } = new Dictionary<object, object?>();

    /// <summary>Whether the call arrived over TLS.</summary>
    public bool IsSecure => _http.Request.IsHttps;

    /// <summary>The underlying ASP.NET Core request, for what this type does not expose.</summary>
    public HttpContext HttpContext => _http;

    /// <summary>Whether response messages are gzip-compressed (server option and client acceptance).</summary>
    public bool CompressResponses { get; }

    internal string? RequestEncoding { get; }

    internal bool HeadersSent => _headersSent;

    /// <summary>Sends the response headers now instead of with the first message.</summary>
    public async Task WriteResponseHeadersAsync()
    {
        if (_headersSent)
        {
            throw new InvalidOperationException("response headers were already sent");
        }

        PrepareHeaders();
        await _http.Response.BodyWriter.FlushAsync(CancellationToken);
    }

    public void Dispose() => _frame.Dispose();

    internal GrpcMessageReader<T> CreateReader<T>(Marshaller<T> marshaller) =>
        new(_http.Request.BodyReader, marshaller, _options.MaxReceiveMessageSize, RequestEncoding);

    internal async Task WriteMessageAsync<T>(Marshaller<T> marshaller, T message, CancellationToken cancellationToken)
    {
        MessageFraming.WriteFrame(_frame, marshaller, message, _options.MaxSendMessageSize, CompressResponses);
        if (!_headersSent)
        {
            PrepareHeaders();
        }

        var writer = _http.Response.BodyWriter;
        writer.Write(_frame.WrittenSpan);
        FlushResultCheck(cancellationToken.CanBeCanceled && cancellationToken != CancellationToken
            ? await FlushLinkedAsync(writer, cancellationToken)
            : await writer.FlushAsync(CancellationToken));
    }

    /// <summary>
    /// Writes one length-prefixed message whose payload is <paramref name="prefix"/> followed by the
    /// <paramref name="segments"/>, straight into the response pipe: no intermediate message buffer, the
    /// segments are copied once into Kestrel's output. Awaits the flush, so a slow reader stalls the caller
    /// (HTTP/2 flow control) instead of the server buffering. Only valid without response compression.
    /// </summary>
    internal async Task WriteRawMessageAsync(ReadOnlyMemory<byte> prefix, IReadOnlyList<ReadOnlyMemory<byte>> segments, long payloadLength, CancellationToken cancellationToken)
    {
        if (CompressResponses)
        {
            throw new InvalidOperationException("raw messages cannot be gzip-compressed");
        }

        if (payloadLength > (_options.MaxSendMessageSize ?? Array.MaxLength))
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message exceeds the maximum configured message size ({payloadLength} > {_options.MaxSendMessageSize} bytes).");
        }

        if (!_headersSent)
        {
            PrepareHeaders();
        }

        var writer = _http.Response.BodyWriter;
        var header = writer.GetSpan(GrpcProtocol.FrameHeaderSize);
        header[0] = 0;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)payloadLength);
        writer.Advance(GrpcProtocol.FrameHeaderSize);
        writer.Write(prefix.Span);
        for (var i = 0; i < segments.Count; i++)
        {
            writer.Write(segments[i].Span);
        }

        FlushResultCheck(cancellationToken.CanBeCanceled && cancellationToken != CancellationToken
            ? await FlushLinkedAsync(writer, cancellationToken)
            : await writer.FlushAsync(CancellationToken));
    }

    /// <summary>Ends the call: trailers after a started response, or a Trailers-Only response.</summary>
    internal void Complete(Status status)
    {
        var response = _http.Response;
        var code = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!response.HasStarted)
        {
            if (!_headersSent)
            {
                PrepareHeaders();
            }

            response.Headers[GrpcProtocol.StatusHeader] = code;
            if (status.Detail.Length > 0)
            {
                response.Headers[GrpcProtocol.MessageHeader] = GrpcProtocol.EncodeMessage(status.Detail);
            }

            foreach (var (key, value) in ResponseTrailers)
            {
                response.Headers.Append(key, value);
            }

            return;
        }

        response.AppendTrailer(GrpcProtocol.StatusHeader, code);
        if (status.Detail.Length > 0)
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, GrpcProtocol.EncodeMessage(status.Detail));
        }

        foreach (var (key, value) in ResponseTrailers)
        {
            response.AppendTrailer(key, value);
        }
    }

    private static void FlushResultCheck(System.IO.Pipelines.FlushResult result)
    {
        if (result.IsCanceled || result.IsCompleted)
        {
            throw new OperationCanceledException("the client is no longer reading the response");
        }
    }

    private async ValueTask<System.IO.Pipelines.FlushResult> FlushLinkedAsync(System.IO.Pipelines.PipeWriter writer, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, cancellationToken);
        return await writer.FlushAsync(linked.Token);
    }

    private void PrepareHeaders()
    {
        _headersSent = true;
        var response = _http.Response;
        response.StatusCode = (int)HttpStatusCode.OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
        if (CompressResponses)
        {
            response.Headers[GrpcProtocol.EncodingHeader] = GrpcProtocol.Gzip;
        }

        foreach (var (key, value) in ResponseHeaders)
        {
            response.Headers.Append(key, value);
        }
    }
}
