namespace Lakehouse.Flight.Sql;

/// <summary>An error raised by a <see cref="IFlightSqlBackend"/>, with a kind that decides the gRPC status.</summary>
public sealed class FlightSqlException : Exception
{
    public FlightSqlException(FlightSqlErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException) => Kind = kind;

    public FlightSqlException()
        : this(FlightSqlErrorKind.Internal, "Flight SQL error")
    {
    }

    public FlightSqlException(string message)
        : this(FlightSqlErrorKind.Internal, message)
    {
    }

    public FlightSqlException(string message, Exception innerException)
        : this(FlightSqlErrorKind.Internal, message, innerException)
    {
    }

    public FlightSqlErrorKind Kind { get; }
}
