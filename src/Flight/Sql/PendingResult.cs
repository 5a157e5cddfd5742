using Google.Protobuf.WellKnownTypes;

using Lakehouse.Arrow;

namespace Lakehouse.Flight.Sql;

/// <summary>What a ticket stands for until DoGet redeems it: the session, the statement and its bound parameters.</summary>
internal sealed class PendingResult(string sessionKey, PendingResultKind kind, Schema schema, string? sql, IReadOnlyList<RecordBatch>? parameters, Any? command, DateTimeOffset expires)
{
    public string SessionKey { get; } = sessionKey;

    public PendingResultKind Kind { get; } = kind;

    public Schema Schema { get; } = schema;

    public string? Sql { get; } = sql;

    public IReadOnlyList<RecordBatch>? Parameters { get; } = parameters;

    public Any? Command { get; } = command;

    public DateTimeOffset Expires { get; } = expires;

    /// <summary>Cancelled by CancelFlightInfo (before or while it runs).</summary>
    public CancellationTokenSource Cancellation { get; } = new();
}
