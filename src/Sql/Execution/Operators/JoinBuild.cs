using Lakehouse.Sql.Execution.Parallel;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// A hash join's built side: the collected right rows, their key index and the per-key row chains
/// (<c>First[key]</c>, then <c>Next[row]</c> until -1). Read-only once built, so parallel probes share it.
/// </summary>
internal sealed class JoinBuild(DataChunk rows, int rowCount, JoinKeyTable table, int[] first, int[] next, bool buildHasNullKey, long rowBytes, long tableBytes) : ISharedBuild
{
    public DataChunk Rows { get; } = rows;

    public int RowCount { get; } = rowCount;

    public JoinKeyTable Table { get; } = table;

    public int[] First { get; } = first;

    public int[] Next { get; } = next;

    public bool BuildHasNullKey { get; } = buildHasNullKey;

    public void Release(QueryContext context) => context.Memory.Add(-rowBytes - tableBytes, "hash join build");
}
