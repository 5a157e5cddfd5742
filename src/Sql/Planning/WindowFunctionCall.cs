using Lakehouse.Sql.Binding.Expressions;
using Lakehouse.Sql.Functions;
using Lakehouse.Sql.Parsing.Ast;
using Lakehouse.Sql.Types;

namespace Lakehouse.Sql.Planning;

/// <summary>
/// One window function: a ranking/value function by <see cref="Name"/> or an aggregate
/// (<see cref="Aggregate"/>), over PARTITION BY / ORDER BY with a frame (offsets are constants).
/// </summary>
public sealed record WindowFunctionCall(
    string Name,
    BoundAggregateFunction? Aggregate,
    IReadOnlyList<BoundExpression> Arguments,
    IReadOnlyList<BoundExpression> PartitionBy,
    IReadOnlyList<SortKey> OrderBy,
    FrameUnit FrameUnit,
    FrameBoundKind StartKind,
    long StartOffset,
    FrameBoundKind EndKind,
    long EndOffset,
    SqlType Type,
    bool IgnoreNulls = false)
{
    public override string ToString() =>
        $"{Name}({string.Join(", ", Arguments)}) OVER (PARTITION BY [{string.Join(", ", PartitionBy)}] ORDER BY [{string.Join(", ", OrderBy)}] {FrameUnit} {StartKind} {StartOffset} .. {EndKind} {EndOffset})";
}
