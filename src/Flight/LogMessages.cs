using Microsoft.Extensions.Logging;

namespace Lakehouse.Flight;

/// <summary>Source-generated log messages of Lakehouse.Flight.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(1, LogLevel.Information, "gRPC server listening on {Address}")]
    public static partial void ServerListening(this ILogger logger, string address);

    [LoggerMessage(2, LogLevel.Error, "gRPC handler for {Method} failed")]
    public static partial void HandlerFailed(this ILogger logger, string method, Exception exception);

    [LoggerMessage(3, LogLevel.Debug, "gRPC call {Method} ended with {StatusCode}: {Detail}")]
    public static partial void CallFailed(this ILogger logger, string method, Grpc.StatusCode statusCode, string detail);

    [LoggerMessage(4, LogLevel.Debug, "gRPC call {Method} cancelled by the client")]
    public static partial void CallCancelled(this ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Debug, "gRPC call {Method} exceeded its deadline")]
    public static partial void DeadlineExceeded(this ILogger logger, string method);

    [LoggerMessage(6, LogLevel.Debug, "gRPC call to unknown method {Method}")]
    public static partial void UnknownMethod(this ILogger logger, string method);

    [LoggerMessage(20, LogLevel.Information, "query user={User} kind={Kind} status={Status} duration_ms={DurationMs} rows={Rows} bytes={Bytes}")]
    public static partial void QueryCompleted(this ILogger logger, string user, string kind, string status, long durationMs, long rows, long bytes);

    [LoggerMessage(21, LogLevel.Information, "user {User} authenticated from {Peer}")]
    public static partial void UserAuthenticated(this ILogger logger, string user, string peer);
}
