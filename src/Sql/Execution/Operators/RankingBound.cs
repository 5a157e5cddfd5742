using Lakehouse.Sql.Execution.Keys;

namespace Lakehouse.Sql.Execution.Operators;

/// <summary>
/// One partition's admission bound for <see cref="TopNRankingOperator"/>: the N smallest order keys seen so far
/// (with repeats for row_number and rank, distinct for dense_rank). A row can still rank within N exactly when
/// fewer than N keys are held or its key is not above the largest one held.
/// </summary>
internal sealed class RankingBound
{
    private readonly long _limit;
    private readonly PriorityQueue<byte[], byte[]>? _keys;
    private readonly SortedSet<byte[]>? _distinctKeys;

    public RankingBound(long limit, bool distinct)
    {
        _limit = limit;
        if (distinct)
        {
            _distinctKeys = new SortedSet<byte[]>(NormalizedKeyComparer.Ascending);
        }
        else
        {
            _keys = new PriorityQueue<byte[], byte[]>(NormalizedKeyComparer.Descending);
        }
    }

    /// <summary>Records <paramref name="key"/> and tells whether its row can still rank within the limit.</summary>
    public bool Offer(ReadOnlySpan<byte> key)
    {
        if (_keys is not null)
        {
            if (_keys.Count < _limit)
            {
                var copy = key.ToArray();
                _keys.Enqueue(copy, copy);
                return true;
            }

            var c = key.SequenceCompareTo(_keys.Peek());
            if (c < 0)
            {
                var copy = key.ToArray();
                _keys.EnqueueDequeue(copy, copy);
            }

            return c <= 0;
        }

        var set = _distinctKeys!;
        if (set.Count < _limit)
        {
            set.Add(key.ToArray());
            return true;
        }

        var d = key.SequenceCompareTo(set.Max);
        if (d < 0)
        {
            var copy = key.ToArray();
            if (set.Add(copy))
            {
                set.Remove(set.Max!);
            }
        }

        return d <= 0;
    }

    /// <summary>Whether a row seen earlier with <paramref name="key"/> can still rank within the limit.</summary>
    public bool Admits(ReadOnlySpan<byte> key)
    {
        if (_keys is not null)
        {
            return _keys.Count < _limit || key.SequenceCompareTo(_keys.Peek()) <= 0;
        }

        return _distinctKeys!.Count < _limit || key.SequenceCompareTo(_distinctKeys.Max) <= 0;
    }
}
