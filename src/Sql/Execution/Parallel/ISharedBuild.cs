namespace Lakehouse.Sql.Execution.Parallel;

/// <summary>A read-only structure built once for all workers of a parallel pipeline (e.g. a hash join table).</summary>
internal interface ISharedBuild
{
    /// <summary>Gives the memory the build accounted back to the query.</summary>
    void Release(QueryContext context);
}
