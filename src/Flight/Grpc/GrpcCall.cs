using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// One client call of any shape. Unary and server-streaming calls are started with their request;
/// client- and duplex-streaming calls send through <see cref="RequestStream"/>. Read the reply through
/// <see cref="ResponseAsync"/> (one message) or <see cref="ResponseStream"/>; a non-OK status surfaces as
/// <see cref="RpcException"/>. Disposing a call that has not finished cancels it.
/// </summary>
public sealed partial class GrpcCall<TRequest, TResponse> : IClientStreamWriter<TRequest>, IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource? _deadlineCts;
    private readonly CancellationTokenSource _cts;
    private readonly PooledBufferWriter _requestFrame = new();
    private readonly SemaphoreSlim _responseLock = new(1, 1);
    private StreamingRequestContent? _streamingContent;
    private Task<HttpResponseMessage>? _sendTask;
    private HttpResponseMessage? _response;
    private GrpcMessageReader<TResponse>? _reader;
    private Metadata? _responseHeaders;
    private Metadata? _trailers;
    private Status? _status;
    private Task<TResponse>? _responseTask;
    private bool _requestCompleted;
    private bool _disposed;

    internal GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        if (options.Deadline is { } deadline)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            _deadlineCts = new CancellationTokenSource(remaining > TimeSpan.Zero ? Min(remaining, TimeSpan.FromMilliseconds(int.MaxValue - 1)) : TimeSpan.Zero);
        }

        _cts = CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, _deadlineCts?.Token ?? default);
    }

    public Method<TRequest, TResponse> Method => _method;

    /// <summary>The request stream of a client- or duplex-streaming call.</summary>
    public IClientStreamWriter<TRequest> RequestStream => this;

    /// <summary>The response messages; ends at an OK status, throws <see cref="RpcException"/> otherwise.</summary>
    public IAsyncEnumerable<TResponse> ResponseStream => ReadAllAsync();

    /// <summary>The single response of a unary or client-streaming call (after the OK status).</summary>
    public Task<TResponse> ResponseAsync => _responseTask ??= ReadSingleResponseAsync();

    /// <summary>The response headers (e.g. an <c>authorization</c> header returned by a Flight handshake).</summary>
    public async Task<Metadata> GetResponseHeadersAsync()
    {
        await EnsureResponseAsync();
        return _responseHeaders!;
    }

    /// <summary>The status; only after the response has been read to its end.</summary>
    public Status GetStatus() => _status ?? throw new InvalidOperationException("the call has not finished yet");

    /// <summary>The trailers; only after the response has been read to its end.</summary>
    public Metadata GetTrailers() => _status is null ? throw new InvalidOperationException("the call has not finished yet") : _trailers ?? new Metadata();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_status is null)
        {
            _cts.Cancel();
        }

        _streamingContent?.Abort();
        _response?.Dispose();
        _cts.Dispose();
        _deadlineCts?.Dispose();
        _requestFrame.Dispose();
    }

    async Task IClientStreamWriter<TRequest>.WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_streamingContent is null)
        {
            throw new InvalidOperationException($"{_method.FullName} is a {_method.Type} call: its request is not a stream");
        }

        if (_requestCompleted)
        {
            throw new InvalidOperationException("the request stream has already been completed");
        }

        if (_status is { } status)
        {
            throw new RpcException(status.StatusCode == StatusCode.OK ? new Status(StatusCode.Internal, "The call has already finished.") : status, _trailers);
        }

        MessageFraming.WriteFrame(_requestFrame, _method.RequestMarshaller, message, _channel.Options.MaxSendMessageSize, _channel.Options.CompressRequests);
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_cts.Token, cancellationToken) : null;
        var token = linked?.Token ?? _cts.Token;
        try
        {
            var streamTask = _streamingContent.GetStreamAsync();
            if (!streamTask.IsCompleted)
            {
                await Task.WhenAny(streamTask, _sendTask!).WaitAsync(token);
            }

            if (!streamTask.IsCompletedSuccessfully)
            {
                // The call ended before the body was requested: report why.
                await ThrowCallEndedAsync();
            }

            var stream = await streamTask;
            await stream.WriteAsync(_requestFrame.WrittenMemory, token);
            await stream.FlushAsync(token);
        }
        catch (Exception e) when (e is not RpcException && !_disposed)
        {
            if (cancellationToken.IsCancellationRequested && !_cts.IsCancellationRequested)
            {
                throw;
            }

            // The server may have ended the call (e.g. with an error status) while we were writing: HttpClient
            // then fails the write, and the response (with the status) is arriving. Report that status.
            try
            {
                await _sendTask!.WaitAsync(_cts.Token);
            }
            catch (Exception)
            {
                // The response failed too; EnsureResponseAsync maps that below.
            }

            try
            {
                await EnsureResponseAsync();
            }
            catch (RpcException)
            {
                // Reported through _status below.
            }

            if (_status is { StatusCode: not StatusCode.OK } ended)
            {
                throw new RpcException(ended, _trailers);
            }

            throw MapException(e);
        }
    }

    Task IClientStreamWriter<TRequest>.CompleteAsync()
    {
        _requestCompleted = true;
        _streamingContent?.Complete();
        return Task.CompletedTask;
    }

    internal void Start(bool hasRequest, TRequest? request)
    {
        var uri = new Uri(_channel.BaseUri, _method.FullName);
        var http = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var headers = http.Headers;
        headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        headers.TryAddWithoutValidation("user-agent", GrpcChannel.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (_channel.Options.CompressRequests)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.EncodingHeader, GrpcProtocol.Gzip);
        }

        if (_options.Deadline is { } deadline)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                _status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                throw new RpcException(_status.Value);
            }

            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcProtocol.FormatTimeout(remaining));
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var (key, value) in metadata)
            {
                headers.TryAddWithoutValidation(key, value);
            }
        }

        if (hasRequest)
        {
            MessageFraming.WriteFrame(_requestFrame, _method.RequestMarshaller, request!, _channel.Options.MaxSendMessageSize, _channel.Options.CompressRequests);
            var content = new ByteArrayContent(_requestFrame.WrittenSpan.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
            http.Content = content;
            _requestCompleted = true;
        }
        else
        {
            _streamingContent = new StreamingRequestContent();
            http.Content = _streamingContent;
        }

        _sendTask = _channel.Invoker.SendAsync(http, _cts.Token);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private async IAsyncEnumerable<TResponse> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var (hasMessage, message) = await ReadNextAsync(cancellationToken);
            if (!hasMessage)
            {
                yield break;
            }

            yield return message;
        }
    }

    private async Task<TResponse> ReadSingleResponseAsync()
    {
        var (hasMessage, message) = await ReadNextAsync(default);
        if (!hasMessage)
        {
            throw new RpcException(StatusCode.Internal, "The server ended the call with OK but without a response message.");
        }

        var (extra, _) = await ReadNextAsync(default);
        if (extra)
        {
            throw new RpcException(StatusCode.Internal, "The server sent more than one response message for a single-response call.");
        }

        return message;
    }
}
