using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Execution;

namespace Lakehouse.Sql.Planning;

/// <summary>What a scan must produce: source columns in order, an exact filter over them, a row limit.</summary>
public sealed record ScanRequest(IReadOnlyList<int> Projection, BoundExpression? Filter, long? Limit, OperatorStatistics? Statistics);
