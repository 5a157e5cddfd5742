using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// Serves one HTTP/2 request as a gRPC call: validates the request, finds the method, applies the deadline,
/// runs the handler and turns its outcome into a status (trailers, or a Trailers-Only response).
/// </summary>
internal sealed class GrpcRequestDispatcher(GrpcServiceRegistry registry, GrpcServerOptions options, ILogger logger)
{
    // CancellationTokenSource accepts at most ~24.8 days.
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromMilliseconds(int.MaxValue - 1);

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var path = request.Path.Value ?? "";
        if (!HttpMethods.IsPost(request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            http.Response.Headers[GrpcProtocol.StatusHeader] = ((int)StatusCode.Internal).ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers[GrpcProtocol.MessageHeader] = GrpcProtocol.EncodeMessage($"Content-Type '{request.ContentType}' is not supported");
            return;
        }

        if (!registry.TryGetMethod(path, out var method))
        {
            logger.UnknownMethod(path);
            var service = path.Length > 1 && path.IndexOf('/', 1) is var slash and > 0 ? path[1..slash] : "";
            var detail = registry.HasService(service) ? $"Method {path} is not implemented" : $"Service {service} is not implemented";
            TrailersOnly(http, new Status(StatusCode.Unimplemented, detail));
            return;
        }

        var encoding = request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0 && !encoding.Equals(GrpcProtocol.Identity, StringComparison.OrdinalIgnoreCase) && !encoding.Equals(GrpcProtocol.Gzip, StringComparison.OrdinalIgnoreCase))
        {
            TrailersOnly(http, new Status(StatusCode.Unimplemented, $"Message encoding '{encoding}' is not supported"));
            return;
        }

        var compress = options.CompressResponses && GrpcProtocol.ListContains(request.Headers[GrpcProtocol.AcceptEncodingHeader].ToString(), GrpcProtocol.Gzip);
        var deadline = DateTime.MaxValue;
        CancellationTokenSource? deadlineCts = null;
        if (GrpcProtocol.TryParseTimeout(request.Headers[GrpcProtocol.TimeoutHeader].ToString(), out var timeout))
        {
            if (timeout > s_maxTimeout)
            {
                timeout = s_maxTimeout;
            }

            deadline = DateTime.UtcNow + timeout;
            deadlineCts = new CancellationTokenSource(timeout);
        }

        using var callCts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, deadlineCts?.Token ?? default);
        using var context = new ServerCallContext(http, path, options, encoding.Length == 0 ? null : encoding, compress, deadline, callCts.Token);
        Status status;
        try
        {
            foreach (var filter in registry.Filters)
            {
                await filter(context);
            }

            await method.InvokeAsync(context);
            status = Status.Ok;
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client reset the stream or the connection dropped: nobody is left to read a status.
            logger.CallCancelled(path);
            deadlineCts?.Dispose();
            return;
        }
        catch (RpcException e)
        {
            status = e.Status;
            foreach (var (key, value) in e.Trailers)
            {
                context.ResponseTrailers.AddRaw(key, value);
            }
        }
        catch (OperationCanceledException) when (deadlineCts?.IsCancellationRequested == true)
        {
            status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        catch (Exception e)
        {
            logger.HandlerFailed(path, e);
            status = new Status(StatusCode.Internal, options.IncludeExceptionDetails
                ? $"Exception was thrown by handler. {e.GetType().Name}: {e.Message}"
                : "Exception was thrown by handler.");
        }

        if (deadlineCts?.IsCancellationRequested == true && status.StatusCode != StatusCode.DeadlineExceeded)
        {
            logger.DeadlineExceeded(path);
            status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        deadlineCts?.Dispose();
        if (status.StatusCode != StatusCode.OK)
        {
            logger.CallFailed(path, status.StatusCode, status.Detail);
        }

        context.Complete(status);
    }

    private static void TrailersOnly(HttpContext http, Status status)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
        response.Headers[GrpcProtocol.StatusHeader] = ((int)status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageHeader] = GrpcProtocol.EncodeMessage(status.Detail);
    }
}
