namespace Lakehouse.Avro.Container;

/// <summary>Constants of the object container file format.</summary>
public static class AvroContainer
{
    /// <summary>"Obj" followed by version byte 1.</summary>
    public static ReadOnlySpan<byte> Magic => "Obj\x01"u8;

    public const int SyncLength = 16;

    public const string SchemaKey = "avro.schema";

    public const string CodecKey = "avro.codec";

    public static string CodecName(AvroCodec codec) => codec switch
    {
        AvroCodec.Null => "null",
        AvroCodec.Deflate => "deflate",
        AvroCodec.Snappy => "snappy",
        AvroCodec.Zstandard => "zstandard",
        _ => throw new ArgumentOutOfRangeException(nameof(codec)),
    };

    public static AvroCodec? ParseCodec(string name) => name switch
    {
        "null" or "" => AvroCodec.Null,
        "deflate" => AvroCodec.Deflate,
        "snappy" => AvroCodec.Snappy,
        "zstandard" => AvroCodec.Zstandard,
        _ => null,
    };
}
