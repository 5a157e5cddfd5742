using Lakehouse.Arrow;

namespace Lakehouse.Flight.Sql;

/// <summary>
/// The shape of a planned statement: <see cref="ResultSchema"/> (empty for updates), one field per
/// parameter in <see cref="ParameterSchema"/> (named by position or name), and whether it is an update.
/// </summary>
public sealed record FlightSqlPreparedPlan(Schema ResultSchema, Schema ParameterSchema, bool IsUpdate);
