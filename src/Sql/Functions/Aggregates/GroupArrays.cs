namespace Lakehouse.Sql.Functions.Aggregates;

/// <summary>Growth of per-group state arrays.</summary>
internal static class GroupArrays
{
    public static void Ensure<T>(ref T[] array, int groupCount, T initial = default!)
    {
        if (array.Length >= groupCount)
        {
            return;
        }

        var old = array.Length;
        Array.Resize(ref array, Math.Max(groupCount, Math.Max(16, old * 2)));
        if (!EqualityComparer<T>.Default.Equals(initial, default!))
        {
            array.AsSpan(old).Fill(initial);
        }
    }
}
