namespace Lakehouse.Arrow.Ipc;

/// <summary>Vtable slot numbers of the Schema.fbs / Message.fbs / File.fbs tables we read and write.</summary>
internal static class FlatSlots
{
    // Message
    public const int MessageVersion = 0;
    public const int MessageHeaderType = 1;
    public const int MessageHeader = 2;
    public const int MessageBodyLength = 3;
    public const int MessageCustomMetadata = 4;

    // Schema
    public const int SchemaEndianness = 0;
    public const int SchemaFields = 1;
    public const int SchemaCustomMetadata = 2;
    public const int SchemaFeatures = 3;

    // Field
    public const int FieldName = 0;
    public const int FieldNullable = 1;
    public const int FieldTypeType = 2;
    public const int FieldType = 3;
    public const int FieldDictionary = 4;
    public const int FieldChildren = 5;
    public const int FieldCustomMetadata = 6;

    // DictionaryEncoding
    public const int DictionaryId = 0;
    public const int DictionaryIndexType = 1;
    public const int DictionaryIsOrdered = 2;

    // KeyValue
    public const int Key = 0;
    public const int Value = 1;

    // RecordBatch
    public const int BatchLength = 0;
    public const int BatchNodes = 1;
    public const int BatchBuffers = 2;
    public const int BatchCompression = 3;
    public const int BatchVariadicCounts = 4;

    // BodyCompression
    public const int CompressionCodec = 0;
    public const int CompressionMethod = 1;

    // DictionaryBatch
    public const int DictionaryBatchId = 0;
    public const int DictionaryBatchData = 1;
    public const int DictionaryBatchIsDelta = 2;

    // Footer
    public const int FooterVersion = 0;
    public const int FooterSchema = 1;
    public const int FooterDictionaries = 2;
    public const int FooterRecordBatches = 3;
    public const int FooterCustomMetadata = 4;
}
