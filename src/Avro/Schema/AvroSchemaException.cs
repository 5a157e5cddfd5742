namespace Lakehouse.Avro.Schema;

/// <summary>
/// A schema that does not follow the Avro specification, or a reader schema that cannot be resolved
/// against a writer schema. Container file readers wrap it in a CorruptFileException that names the file.
/// </summary>
public sealed class AvroSchemaException : FormatException
{
    public AvroSchemaException()
    {
    }

    public AvroSchemaException(string message)
        : base(message)
    {
    }

    public AvroSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
