namespace Lakehouse.Arrow.Compression;

/// <summary>Block compression codecs used by Arrow IPC, Parquet and Avro.</summary>
public enum CompressionKind
{
    None,

    /// <summary>Raw snappy blocks (Parquet SNAPPY; Avro adds a CRC32 itself).</summary>
    Snappy,

    /// <summary>gzip member(s) (Parquet GZIP).</summary>
    Gzip,

    /// <summary>Raw deflate (Avro "deflate").</summary>
    Deflate,

    /// <summary>LZ4 frame format (Arrow IPC LZ4_FRAME).</summary>
    Lz4Frame,

    /// <summary>LZ4 block format without framing (Parquet LZ4_RAW).</summary>
    Lz4Raw,

    /// <summary>Hadoop's LZ4 block framing (legacy Parquet LZ4).</summary>
    Lz4Hadoop,

    /// <summary>zstd frames (through the operating system's libzstd.so.1).</summary>
    Zstd,

    /// <summary>Brotli (Parquet BROTLI).</summary>
    Brotli,
}
