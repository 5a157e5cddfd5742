namespace Lakehouse.Avro.Container;

/// <summary>Block codecs of Avro object container files (the <c>avro.codec</c> metadata value).</summary>
public enum AvroCodec
{
    /// <summary>"null": blocks stored as is.</summary>
    Null,

    /// <summary>"deflate": raw deflate (RFC 1951) without zlib or gzip headers.</summary>
    Deflate,

    /// <summary>"snappy": a snappy block followed by the big-endian CRC32 of the uncompressed data.</summary>
    Snappy,

    /// <summary>"zstandard": a zstd frame.</summary>
    Zstandard,
}
