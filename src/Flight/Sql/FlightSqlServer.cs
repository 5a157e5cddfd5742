using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

using Lakehouse.Arrow;
using Lakehouse.Arrow.Ipc;
using Lakehouse.Flight.Auth;
using Lakehouse.Flight.Grpc;
using Lakehouse.Flight.Protocol;
using Lakehouse.Flight.Protocol.Sql;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lakehouse.Flight.Sql;

/// <summary>
/// The Arrow Flight SQL server over an <see cref="IFlightSqlBackend"/>. Commands arrive packed in
/// google.protobuf.Any (type URLs <c>type.googleapis.com/arrow.flight.protocol.sql.*</c>) in
/// FlightDescriptor.cmd, tickets, DoPut descriptors and action bodies; this class dispatches them
/// (<c>FlightSqlServer.*.cs</c>: auth, FlightInfo, DoGet, DoPut, actions, metadata). Register with
/// <see cref="FlightServiceBase.Register"/> after <see cref="AddAuthentication"/>.
/// </summary>
public sealed partial class FlightSqlServer : FlightServiceBase
{
    private const string TypeUrlPrefix = "type.googleapis.com/arrow.flight.protocol.sql.";
    private readonly IFlightSqlBackend _backend;
    private readonly FlightSqlServerOptions _options;
    private readonly ILogger _logger;
    private readonly TokenIssuer _tokens;
    private readonly HandleStore<PendingResult> _tickets;
    private readonly HandleStore<PreparedStatement> _prepared;
    private readonly SemaphoreSlim _querySlots;
    private readonly IReadOnlyList<(int Code, int Branch, object? Value)> _sqlInfo;
    private int _runningQueries;

    public FlightSqlServer(IFlightSqlBackend backend, FlightSqlServerOptions? options = null, ILoggerFactory? loggerFactory = null)
    {
        _backend = backend;
        _options = options ?? new FlightSqlServerOptions();
        _options.Validate();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Lakehouse.Flight.Sql");
        _tokens = new TokenIssuer(_options.TokenLifetime);
        _tickets = new HandleStore<PendingResult>(p => p.Expires, 100_000);
        _prepared = new HandleStore<PreparedStatement>(p => p.LastUsed + _options.HandleLifetime, 100_000);
        _querySlots = new SemaphoreSlim(_options.MaxConcurrentQueries, _options.MaxConcurrentQueries);
        _sqlInfo = FlightSqlInfo.Answers(backend.Identity, (int)Math.Min(int.MaxValue, _options.HandleLifetime.TotalMilliseconds));
    }

    /// <summary>Queries running now (DoGet streams, updates, ingests): for tests and monitoring.</summary>
    public int RunningQueries => Volatile.Read(ref _runningQueries);

    /// <summary>Open prepared statements.</summary>
    public int OpenPreparedStatements => _prepared.Count;

    /// <summary>Registers the Flight service and the authentication filter in <paramref name="registry"/>.</summary>
    public GrpcServiceRegistry RegisterWithAuthentication(GrpcServiceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return Register(AddAuthentication(registry));
    }

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private static Any UnpackAny(ByteString bytes, string what)
    {
        Any any;
        try
        {
            any = Any.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"{what} is not a valid google.protobuf.Any: {e.Message}");
        }

        if (!any.TypeUrl.StartsWith(TypeUrlPrefix, StringComparison.Ordinal))
        {
            throw new RpcException(StatusCode.InvalidArgument, $"{what}: unsupported command type '{any.TypeUrl}'");
        }

        return any;
    }

    private static T Unpack<T>(Any any)
        where T : IMessage<T>, new()
    {
        try
        {
            return any.Unpack<T>();
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"malformed {typeof(T).Name}: {e.Message}");
        }
    }

    private static T ParseMessage<T>(ByteString bytes, MessageParser<T> parser)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"malformed {typeof(T).Name}: {e.Message}");
        }
    }

    private static string CommandName(Any any) => any.TypeUrl[TypeUrlPrefix.Length..];

    private static ByteString SchemaBytes(Arrow.Schema schema) => UnsafeByteOperations.UnsafeWrap(ArrowIpc.SerializeSchema(schema));

    /// <summary>Maps backend and domain errors to gRPC status codes at the Flight boundary.</summary>
    private static RpcException ToRpc(Exception e) => e switch
    {
        RpcException rpc => rpc,
        FlightSqlException f => new RpcException(f.Kind switch
        {
            FlightSqlErrorKind.InvalidArgument => StatusCode.InvalidArgument,
            FlightSqlErrorKind.NotFound => StatusCode.NotFound,
            FlightSqlErrorKind.AlreadyExists => StatusCode.AlreadyExists,
            FlightSqlErrorKind.PermissionDenied => StatusCode.PermissionDenied,
            FlightSqlErrorKind.NotSupported => StatusCode.Unimplemented,
            FlightSqlErrorKind.Cancelled => StatusCode.Cancelled,
            FlightSqlErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
            _ => StatusCode.Internal,
        }, f.Message, f),
        NotSupportedException n => new RpcException(StatusCode.Unimplemented, n.Message, n),
        CorruptFileException c => new RpcException(StatusCode.InvalidArgument, c.Message, c),
        _ => new RpcException(StatusCode.Internal, "internal error", e),
    };
}
