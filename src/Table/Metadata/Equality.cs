namespace Lakehouse.Table.Metadata;

/// <summary>Structural equality helpers for the metadata model's collections.</summary>
internal static class Equality
{
    public static bool Lists<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
    {
        if (a is null || b is null)
        {
            return (a?.Count ?? 0) == 0 && (b?.Count ?? 0) == 0;
        }

        return a.Count == b.Count && a.SequenceEqual(b);
    }

    public static bool Maps<TValue>(IReadOnlyDictionary<string, TValue>? a, IReadOnlyDictionary<string, TValue>? b)
    {
        if (a is null || b is null)
        {
            return (a?.Count ?? 0) == 0 && (b?.Count ?? 0) == 0;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var kv in a)
        {
            if (!b.TryGetValue(kv.Key, out var other) || !EqualityComparer<TValue>.Default.Equals(kv.Value, other))
            {
                return false;
            }
        }

        return true;
    }
}
