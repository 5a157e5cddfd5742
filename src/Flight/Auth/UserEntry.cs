using Lakehouse.Flight.Sql;

namespace Lakehouse.Flight.Auth;

/// <summary>One configured user: name, PBKDF2 password hash (see <see cref="PasswordHash"/>) and role.</summary>
public sealed record UserEntry(string Name, string PasswordHash, FlightSqlRole Role);
