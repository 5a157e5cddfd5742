using Lakehouse.Arrow.Arrays;

namespace Lakehouse.Sql.Functions;

/// <summary>
/// The running state of one aggregate for many groups, identified by dense group ids 0..n-1 assigned by
/// the hash aggregate. Keep state in typed arrays indexed by group id (no per-group objects on the hot path).
/// One instance is used by one thread at a time; partial states are combined with <see cref="Merge"/>.
/// </summary>
public abstract class GroupedAggregateState
{
    /// <summary>Makes groups 0..<paramref name="groupCount"/>-1 exist (new groups start empty).</summary>
    public abstract void EnsureGroups(int groupCount);

    /// <summary>
    /// Adds rows 0..<paramref name="rowCount"/>-1: row r belongs to group <c>groupIds[r]</c>. Arguments hold
    /// <paramref name="rowCount"/> rows (arrays or constants); nulls are the function's to handle (SQL
    /// aggregates skip them).
    /// </summary>
    public abstract void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<ColumnVector> arguments, int rowCount);

    /// <summary>Folds <paramref name="other"/> (same function) in: its group g goes into this state's group <c>groupMap[g]</c>.</summary>
    public abstract void Merge(GroupedAggregateState other, ReadOnlySpan<int> groupMap);

    /// <summary>The final values of groups 0..<paramref name="groupCount"/>-1, stored as the bound return type's Arrow type.</summary>
    public abstract ArrowArray Finish(int groupCount);

    /// <summary>Approximate bytes held, for the query memory limit.</summary>
    public virtual long MemoryBytes => 0;
}
