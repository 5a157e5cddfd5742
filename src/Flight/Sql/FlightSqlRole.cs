namespace Lakehouse.Flight.Sql;

/// <summary>Roles: readers run queries and read metadata; admins also write (DML, DDL, ingest) and run admin actions.</summary>
public enum FlightSqlRole
{
    Reader,
    Admin,
}
