namespace Lakehouse.Parquet.Writing;

/// <summary>How the min/max statistics of a column compare values (the column's type-defined sort order).</summary>
internal enum ValueOrder
{
    Boolean,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float,
    Double,
    Float16,

    /// <summary>Unsigned byte-wise lexicographic (strings, binary, fixed-size binary, UUID).</summary>
    Bytes,

    /// <summary>Big-endian two's complement of equal length (DECIMAL on FIXED_LEN_BYTE_ARRAY).</summary>
    SignedBigEndian,
}
