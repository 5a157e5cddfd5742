using System.Net;
using System.Text;

using Google.Protobuf;

using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;

namespace Lakehouse.Flight.Sql;

/// <summary>Authentication: Basic -> Bearer handshake, a Bearer check on every call, anonymous policy, roles.</summary>
public sealed partial class FlightSqlServer
{
    private static readonly object s_sessionKey = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FlightSqlSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Adds the call filter that authenticates every call except Handshake (which authenticates itself).</summary>
    public GrpcServiceRegistry AddAuthentication(GrpcServiceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddCallFilter(context =>
        {
            if (!context.Method.EndsWith("/Handshake", StringComparison.Ordinal))
            {
                context.UserState[s_sessionKey] = Authenticate(context);
            }

            return ValueTask.CompletedTask;
        });
    }

    public override async Task HandshakeAsync(IAsyncEnumerable<HandshakeRequest> requests, IServerStreamWriter<HandshakeResponse> responses, ServerCallContext context)
    {
        FlightSqlUser? user = null;
        var header = context.RequestHeaders.Get("authorization");
        if (header is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            user = CheckBasic(header);
        }

        await foreach (var request in requests.WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            if (user is null && !request.Payload.IsEmpty)
            {
                // Older clients send BasicAuth in the handshake payload instead of the header.
                BasicAuth auth;
                try
                {
                    auth = BasicAuth.Parser.ParseFrom(request.Payload);
                }
                catch (InvalidProtocolBufferException)
                {
                    throw new RpcException(StatusCode.Unauthenticated, "handshake payload is not BasicAuth");
                }

                user = _options.Users.Authenticate(auth.Username, auth.Password)
                    ?? throw new RpcException(StatusCode.Unauthenticated, "invalid username or password");
            }
        }

        if (user is null)
        {
            user = AnonymousUser(context) ?? throw new RpcException(StatusCode.Unauthenticated, "credentials required: send Basic authorization in the handshake");
        }

        var token = _tokens.Issue(user);
        _sessions[token] = new FlightSqlSession(token, user);
        context.ResponseHeaders.Add("authorization", "Bearer " + token);
        await responses.WriteAsync(new HandshakeResponse { Payload = ByteString.CopyFromUtf8(token) }, context.CancellationToken).ConfigureAwait(false);
    }

    private FlightSqlSession Authenticate(ServerCallContext context)
    {
        var header = context.RequestHeaders.Get("authorization");
        if (header is not null)
        {
            if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                var token = header[7..].Trim();
                var user = _tokens.Resolve(token) ?? throw new RpcException(StatusCode.Unauthenticated, "invalid or expired bearer token");
                return _sessions.GetOrAdd(token, t => new FlightSqlSession(t, user));
            }

            if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                // Clients that skip the handshake: authenticate this call and hand out a token for the next ones.
                var user = CheckBasic(header);
                var token = _tokens.Issue(user);
                context.ResponseHeaders.Add("authorization", "Bearer " + token);
                return _sessions.GetOrAdd(token, t => new FlightSqlSession(t, user));
            }

            throw new RpcException(StatusCode.Unauthenticated, "unsupported authorization scheme (use Basic or Bearer)");
        }

        var anonymous = AnonymousUser(context) ?? throw new RpcException(StatusCode.Unauthenticated, "authentication required: handshake with Basic credentials, then send the Bearer token");
        var key = "anonymous:" + context.HttpContext.Connection.Id;
        return _sessions.GetOrAdd(key, k => new FlightSqlSession(k, anonymous));
    }

    private FlightSqlUser CheckBasic(string header)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            throw new RpcException(StatusCode.Unauthenticated, "malformed Basic authorization header");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new RpcException(StatusCode.Unauthenticated, "malformed Basic authorization header");
        }

        return _options.Users.Authenticate(decoded[..colon], decoded[(colon + 1)..])
            ?? throw new RpcException(StatusCode.Unauthenticated, "invalid username or password");
    }

    private FlightSqlUser? AnonymousUser(ServerCallContext context)
    {
        var anonymous = _options.Users.Anonymous;
        if (!anonymous.Enabled)
        {
            return null;
        }

        if (anonymous.LoopbackOnly && context.HttpContext.Connection.RemoteIpAddress is { } ip && !IPAddress.IsLoopback(ip))
        {
            return null;
        }

        return new FlightSqlUser("anonymous", anonymous.Role);
    }

    private static FlightSqlSession Session(ServerCallContext context) =>
        context.UserState.TryGetValue(s_sessionKey, out var s) && s is FlightSqlSession session
            ? session
            : throw new RpcException(StatusCode.Unauthenticated, "not authenticated (the server was registered without AddAuthentication)");

    private static void RequireAdmin(FlightSqlSession session, string what)
    {
        if (!session.User.IsAdmin)
        {
            throw new RpcException(StatusCode.PermissionDenied, $"{what} needs the admin role; user '{session.User.Name}' is a reader");
        }
    }
}
