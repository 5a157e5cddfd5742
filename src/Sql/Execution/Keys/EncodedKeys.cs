namespace Lakehouse.Sql.Execution.Keys;

/// <summary>Normalized keys of a chunk's rows: row i's key is <c>Data[Offsets[i]..Offsets[i+1]]</c>.</summary>
public sealed class EncodedKeys
{
    public EncodedKeys(byte[] data, int[] offsets, bool[]? anyNull, int count)
    {
        Data = data;
        Offsets = offsets;
        AnyNull = anyNull;
        Count = count;
    }

    public byte[] Data { get; }

    public int[] Offsets { get; }

    /// <summary>Per row: whether some key column is null (null when none is); joins skip such rows.</summary>
    public bool[]? AnyNull { get; }

    public int Count { get; }

    public ReadOnlySpan<byte> Key(int row) => Data.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    public bool HasNull(int row) => AnyNull is not null && AnyNull[row];
}
