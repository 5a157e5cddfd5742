using System.Net;

namespace Lakehouse.Flight.Grpc;

/// <summary>
/// A request body written while the call is in flight: HttpClient hands over the HTTP/2 stream when it starts
/// sending the body, writers push frames into it, and completing ends the stream.
/// </summary>
internal sealed class StreamingRequestContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public StreamingRequestContent()
    {
        Headers.TryAddWithoutValidation("Content-Type", GrpcProtocol.ContentType);
    }

    public Task<Stream> GetStreamAsync() => _stream.Task;

    public void Complete() => _complete.TrySetResult();

    public void Abort()
    {
        _stream.TrySetCanceled();
        _complete.TrySetCanceled();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, default);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // HttpClient holds back the request HEADERS until the body is flushed; a duplex call that reads
        // before it writes would otherwise never reach the server.
        await stream.FlushAsync(cancellationToken);
        _stream.TrySetResult(stream);
        // HttpClient cancels this token when the body is no longer wanted (e.g. the server already ended the
        // call). End the body quietly then: throwing here would fail SendAsync and hide the server's status.
        await using (cancellationToken.Register(static s => ((StreamingRequestContent)s!)._complete.TrySetResult(), this))
        {
            try
            {
                await _complete.Task;
            }
            catch (OperationCanceledException)
            {
                // Aborted by the call: the request itself is being cancelled through SendAsync's token.
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
