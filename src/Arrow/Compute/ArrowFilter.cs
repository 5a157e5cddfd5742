namespace Lakehouse.Arrow.Compute;

/// <summary>
/// Keeps the rows a mask selects. The mask becomes a selection vector (ascending row indices) and the columns are gathered
/// with <see cref="ArrowTake"/>, so the output is one compact batch, not slices. A batch whose rows all pass is returned
/// as is (by reference).
/// </summary>
public static class ArrowFilter
{
    /// <summary>Writes the indices of the rows where <paramref name="keep"/> is true into <paramref name="selection"/>; returns how many.</summary>
    public static int ToSelection(ReadOnlySpan<bool> keep, Span<int> selection)
    {
        var count = 0;
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                selection[count++] = i;
            }
        }

        return count;
    }

    /// <summary>The rows of <paramref name="batch"/> whose <paramref name="removed"/> flag is false (null: all rows).</summary>
    public static RecordBatch RemoveRows(RecordBatch batch, ReadOnlySpan<bool> removed)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (removed.IsEmpty)
        {
            return batch;
        }

        if (removed.Length != batch.Length)
        {
            throw new ArgumentException($"mask has {removed.Length} rows, the batch {batch.Length}", nameof(removed));
        }

        var selection = new int[batch.Length];
        var count = 0;
        for (var i = 0; i < removed.Length; i++)
        {
            if (!removed[i])
            {
                selection[count++] = i;
            }
        }

        return count == batch.Length ? batch : ArrowTake.Take(batch, selection.AsSpan(0, count));
    }

    /// <summary>The rows of <paramref name="batch"/> where <paramref name="keep"/> is true.</summary>
    public static RecordBatch Filter(RecordBatch batch, ReadOnlySpan<bool> keep)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (keep.Length != batch.Length)
        {
            throw new ArgumentException($"mask has {keep.Length} rows, the batch {batch.Length}", nameof(keep));
        }

        var selection = new int[batch.Length];
        var count = ToSelection(keep, selection);
        return count == batch.Length ? batch : ArrowTake.Take(batch, selection.AsSpan(0, count));
    }

    public static Arrays.ArrowArray Filter(Arrays.ArrowArray array, ReadOnlySpan<bool> keep)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (keep.Length != array.Length)
        {
            throw new ArgumentException($"mask has {keep.Length} rows, the array {array.Length}", nameof(keep));
        }

        var selection = new int[array.Length];
        var count = ToSelection(keep, selection);
        return count == array.Length ? array : ArrowTake.Take(array, selection.AsSpan(0, count));
    }
}
