using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;

namespace Lakehouse.Flight.Grpc;

/// <summary>Reading the response: headers, messages, the status from trailers, and error mapping.</summary>
public sealed partial class GrpcCall<TRequest, TResponse>
{
    private async ValueTask<(bool HasMessage, TResponse Message)> ReadNextAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await EnsureResponseAsync();
        if (_status is { } finished)
        {
            if (finished.StatusCode != StatusCode.OK)
            {
                throw new RpcException(finished, _trailers);
            }

            return (false, default!);
        }

        (bool HasMessage, TResponse Message) result;
        using (var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_cts.Token, cancellationToken) : null)
        {
            try
            {
                result = await _reader!.ReadAsync(linked?.Token ?? _cts.Token);
            }
            catch (RpcException e)
            {
                // A bad or oversized message: stop the call so the server stops sending.
                Abort(e.Status);
                throw;
            }
            catch (Exception e) when (e is not ObjectDisposedException)
            {
                var error = cancellationToken.IsCancellationRequested && !_cts.IsCancellationRequested
                    ? new RpcException(StatusCode.Cancelled, "Call cancelled by the client.", e)
                    : MapException(e);
                Abort(error.Status);
                throw error;
            }
        }

        if (result.HasMessage)
        {
            return result;
        }

        Finish(ReadStatus(_response!.TrailingHeaders, out var trailers), trailers);
        if (_status!.Value.StatusCode != StatusCode.OK)
        {
            throw new RpcException(_status.Value, _trailers);
        }

        return (false, default!);
    }

    private async Task EnsureResponseAsync()
    {
        if (_response is not null || _status is not null)
        {
            return;
        }

        await _responseLock.WaitAsync();
        try
        {
            if (_response is not null || _status is not null)
            {
                return;
            }

            HttpResponseMessage response;
            try
            {
                response = await _sendTask!;
            }
            catch (Exception e)
            {
                var error = MapException(e);
                Finish(error.Status, error.Trailers);
                throw error;
            }

            _response = response;
            _responseHeaders = new Metadata();
            CopyMetadata(response.Headers, _responseHeaders);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var code = GrpcProtocol.FromHttpStatus((int)response.StatusCode);
                var status = response.Headers.Contains(GrpcProtocol.StatusHeader)
                    ? ReadStatus(response.Headers, out _)
                    : new Status(code, $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
                Finish(status, _responseHeaders);
                return;
            }

            if (response.Headers.Contains(GrpcProtocol.StatusHeader))
            {
                // Trailers-Only: the status arrived in the headers and there is no body.
                Finish(ReadStatus(response.Headers, out _), _responseHeaders);
                return;
            }

            var contentType = response.Content.Headers.ContentType?.ToString();
            if (!GrpcProtocol.IsGrpcContentType(contentType))
            {
                Finish(new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}"), null);
                return;
            }

            string? encoding = null;
            if (response.Headers.TryGetValues(GrpcProtocol.EncodingHeader, out var encodings))
            {
                encoding = encodings.FirstOrDefault();
                if (encoding is not null && !encoding.Equals(GrpcProtocol.Identity, StringComparison.OrdinalIgnoreCase) && !encoding.Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase))
                {
                    Finish(new Status(StatusCode.Internal, $"The server used an unsupported grpc-encoding '{encoding}'."), null);
                    return;
                }
            }

            Stream body;
            try
            {
                body = await response.Content.ReadAsStreamAsync(_cts.Token);
            }
            catch (Exception e)
            {
                var error = MapException(e);
                Finish(error.Status, error.Trailers);
                throw error;
            }

            _reader = new GrpcMessageReader<TResponse>(PipeReader.Create(body, new StreamPipeReaderOptions(minimumReadSize: 64 * 1024)), _method.ResponseMarshaller, _channel.Options.MaxReceiveMessageSize, encoding);
        }
        finally
        {
            _responseLock.Release();
        }
    }

    /// <summary>Ends the call locally: resets the HTTP/2 stream (RST_STREAM) so the server's handler is cancelled.</summary>
    private void Abort(Status status)
    {
        Finish(status, null);
        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        _streamingContent?.Abort();
        _response?.Dispose();
    }

    private void Finish(Status status, Metadata? trailers)
    {
        _status ??= status;
        _trailers ??= trailers ?? new Metadata();

        // Nothing more will be read: let the request body end so the HTTP/2 stream can close.
        _streamingContent?.Complete();
    }

    private async Task ThrowCallEndedAsync()
    {
        await EnsureResponseAsync();
        if (_status is { StatusCode: not StatusCode.OK } status)
        {
            throw new RpcException(status, _trailers);
        }

        throw new RpcException(StatusCode.Internal, "The call ended before the request stream was sent.");
    }

    private static Status ReadStatus(HttpHeaders headers, out Metadata trailers)
    {
        trailers = new Metadata();
        CopyMetadata(headers, trailers);
        if (!headers.TryGetValues(GrpcProtocol.StatusHeader, out var codes))
        {
            return new Status(StatusCode.Internal, "No grpc-status found on response.");
        }

        var text = codes.FirstOrDefault();
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return new Status(StatusCode.Unknown, $"Unexpected grpc-status value '{text}'.");
        }

        var message = headers.TryGetValues(GrpcProtocol.MessageHeader, out var messages) ? GrpcProtocol.DecodeMessage(messages.FirstOrDefault()) : "";
        return new Status(code is >= 0 and <= 16 ? (StatusCode)code : StatusCode.Unknown, message);
    }

    private static void CopyMetadata(HttpHeaders headers, Metadata metadata)
    {
        foreach (var header in headers.NonValidated)
        {
            if (Metadata.IsReserved(header.Key))
            {
                continue;
            }

            foreach (var value in header.Value)
            {
                metadata.AddRaw(header.Key.ToLowerInvariant(), value);
            }
        }
    }

    private RpcException MapException(Exception e)
    {
        if (e is RpcException rpc)
        {
            return rpc;
        }

        if (_deadlineCts?.IsCancellationRequested == true)
        {
            return new RpcException(StatusCode.DeadlineExceeded, "Deadline Exceeded", e);
        }

        if (_options.CancellationToken.IsCancellationRequested || _disposed || e is OperationCanceledException)
        {
            return new RpcException(StatusCode.Cancelled, "Call cancelled by the client.", e);
        }

        if (e is HttpProtocolException protocol)
        {
            var code = protocol.ErrorCode switch
            {
                0x7 => StatusCode.Unavailable, // REFUSED_STREAM
                0x8 => StatusCode.Cancelled, // CANCEL
                0xB => StatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
                0xC => StatusCode.PermissionDenied, // INADEQUATE_SECURITY
                _ => StatusCode.Internal,
            };
            return new RpcException(code, $"HTTP/2 stream error {protocol.ErrorCode}: {protocol.Message}", e);
        }

        if (e is HttpRequestException or IOException)
        {
            return new RpcException(StatusCode.Unavailable, "Error connecting or talking to the server: " + e.Message, e);
        }

        return new RpcException(StatusCode.Unknown, e.GetType().Name + ": " + e.Message, e);
    }
}
