namespace Lakehouse.Parquet.Metadata;

/// <summary>Resolution of TIME and TIMESTAMP logical types (the <c>TimeUnit</c> union).</summary>
public enum ParquetTimeUnit
{
    Millis = 1,
    Micros = 2,
    Nanos = 3,
}
