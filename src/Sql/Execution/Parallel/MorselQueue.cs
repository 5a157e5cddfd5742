using Lakehouse.Sql.Planning;

namespace Lakehouse.Sql.Execution.Parallel;

/// <summary>The morsels of one scan, handed out once each to whichever worker asks next (lock-free).</summary>
internal sealed class MorselQueue(IReadOnlyList<ScanMorsel> morsels)
{
    private int _next = -1;

    public int Count => morsels.Count;

    public bool TryTake(out ScanMorsel morsel)
    {
        var i = Interlocked.Increment(ref _next);
        if (i < morsels.Count)
        {
            morsel = morsels[i];
            return true;
        }

        morsel = null!;
        return false;
    }
}
