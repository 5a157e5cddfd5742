using Lakehouse.Arrow.Memory;

namespace Lakehouse.Parquet.Reading;

/// <summary>
/// One column chunk after page decoding: its definition and repetition levels (absent when the maximum
/// level is 0) and its non-null values, densely packed in Arrow-ready buffers.
/// </summary>
internal sealed class DecodedColumn
{
    /// <summary>Definition levels (int32 each), null when the column is required all the way down.</summary>
    public BufferBuilder? DefinitionLevels { get; set; }

    /// <summary>Repetition levels (int32 each), null for non-repeated columns.</summary>
    public BufferBuilder? RepetitionLevels { get; set; }

    public int LevelCount { get; set; }

    public DecodedColumn(int valueCapacity = 1024)
    {
        Values = new BufferBuilder(valueCapacity);
    }

    /// <summary>Fixed-width values, or the concatenated bytes of byte arrays.</summary>
    public BufferBuilder Values { get; }

    /// <summary>For byte arrays: value count + 1 int32 offsets into <see cref="Values"/>.</summary>
    public BufferBuilder? Offsets { get; set; }

    /// <summary>For booleans: the value bits.</summary>
    public BitmapBuilder? Booleans { get; set; }

    /// <summary>When dictionary encoding is kept: int32 indices into <see cref="Dictionary"/>.</summary>
    public BufferBuilder? DictionaryIndices { get; set; }

    public ColumnDictionary? Dictionary { get; set; }

    /// <summary>Number of non-null values decoded.</summary>
    public int ValueCount { get; set; }
}
