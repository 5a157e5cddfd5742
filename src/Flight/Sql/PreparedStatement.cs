using Lakehouse.Arrow;

namespace Lakehouse.Flight.Sql;

/// <summary>A prepared statement: its SQL, plan and the parameters bound by the last DoPut.</summary>
internal sealed class PreparedStatement(string sessionKey, string sql, FlightSqlPreparedPlan plan)
{
    public string SessionKey { get; } = sessionKey;

    public string Sql { get; } = sql;

    public FlightSqlPreparedPlan Plan { get; } = plan;

    public IReadOnlyList<RecordBatch>? Parameters { get; set; }

    public DateTimeOffset LastUsed { get; set; }
}
