namespace Lakehouse.Flight.Sql;

/// <summary>CommandStatementIngest's TableExistsOption.</summary>
public enum FlightSqlIngestMode
{
    Fail,
    Append,
    Replace,
}
