namespace Lakehouse.Flight.Sql;

/// <summary>Backend error kinds, mapped to gRPC status codes at the Flight boundary.</summary>
public enum FlightSqlErrorKind
{
    InvalidArgument,
    NotFound,
    AlreadyExists,
    PermissionDenied,
    NotSupported,
    Cancelled,
    ResourceExhausted,
    Internal,
}
