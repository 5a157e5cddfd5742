namespace Lakehouse.Flight.Sql;

/// <summary>An authenticated caller.</summary>
public sealed record FlightSqlUser(string Name, FlightSqlRole Role)
{
    public bool IsAdmin => Role == FlightSqlRole.Admin;
}
