namespace Lakehouse.Parquet.Writing;

/// <summary>Codecs the writer offers.</summary>
public enum ParquetCompression
{
    None,
    Snappy,
    Gzip,
    Zstd,
}
