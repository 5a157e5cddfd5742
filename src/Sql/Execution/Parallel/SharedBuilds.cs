using System.Collections.Concurrent;

namespace Lakehouse.Sql.Execution.Parallel;

/// <summary>
/// Build sides shared by the workers of one parallel pipeline: the first worker to reach a hash join builds its
/// table (with the pipeline's own context, not a worker's), the others await the same task. Memory the builds hold
/// is released when the pipeline ends.
/// </summary>
internal sealed class SharedBuilds(QueryContext owner)
{
    private readonly ConcurrentDictionary<object, Lazy<Task<ISharedBuild>>> _builds = new();

    public async Task<T> GetAsync<T>(object key, Func<QueryContext, Task<T>> build)
        where T : ISharedBuild
    {
        var lazy = _builds.GetOrAdd(key, _ => new Lazy<Task<ISharedBuild>>(async () => await build(owner).ConfigureAwait(false)));
        return (T)await lazy.Value.ConfigureAwait(false);
    }

    /// <summary>Releases the memory of every build that completed.</summary>
    public void Release()
    {
        foreach (var lazy in _builds.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                lazy.Value.Result.Release(owner);
            }
        }
    }
}
