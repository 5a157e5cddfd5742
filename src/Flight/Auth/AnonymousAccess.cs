using Lakehouse.Flight.Sql;

namespace Lakehouse.Flight.Auth;

/// <summary>Whether callers without credentials are let in, with which role, and only from loopback addresses.</summary>
public sealed record AnonymousAccess(bool Enabled, FlightSqlRole Role, bool LoopbackOnly);
