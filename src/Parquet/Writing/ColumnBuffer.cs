using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Writing;

/// <summary>
/// The levels and physical values of one leaf column for the row group being written. Fixed-width values
/// (booleans as one byte each) sit in <see cref="Values"/>; byte arrays use <see cref="Offsets"/> + <see cref="Values"/>.
/// </summary>
internal sealed class ColumnBuffer
{
    public ColumnBuffer(WriteLeaf leaf)
    {
        Leaf = leaf;
        if (leaf.PhysicalType == Metadata.PhysicalType.ByteArray)
        {
            Offsets = new BufferBuilder(4096);
            Offsets.Append(0);
        }
    }

    public WriteLeaf Leaf { get; }

    public BufferBuilder Definition { get; } = new(1024);

    public BufferBuilder Repetition { get; } = new(1024);

    public int LevelCount { get; set; }

    public BufferBuilder Values { get; } = new(4096);

    public BufferBuilder? Offsets { get; }

    public int ValueCount { get; set; }

    /// <summary>Level entries that are not a leaf value (null at some level, or an empty list).</summary>
    public long NullCount { get; set; }

    public long NanCount { get; set; }

    public void Clear()
    {
        Definition.Clear();
        Repetition.Clear();
        LevelCount = 0;
        Values.Clear();
        if (Offsets is not null)
        {
            Offsets.Clear();
            Offsets.Append(0);
        }

        ValueCount = 0;
        NullCount = 0;
        NanCount = 0;
    }
}
