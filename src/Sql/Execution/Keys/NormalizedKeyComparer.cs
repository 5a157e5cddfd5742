namespace Lakehouse.Sql.Execution.Keys;

/// <summary>Orders normalized key byte strings (<see cref="SortKeyEncoder"/>) byte-wise, optionally reversed.</summary>
public sealed class NormalizedKeyComparer : IComparer<byte[]>
{
    private readonly int _sign;

    private NormalizedKeyComparer(int sign) => _sign = sign;

    public static NormalizedKeyComparer Ascending { get; } = new(1);

    public static NormalizedKeyComparer Descending { get; } = new(-1);

    public int Compare(byte[]? x, byte[]? y) => _sign * x.AsSpan().SequenceCompareTo(y);
}
