namespace Lakehouse.Parquet.Metadata;

/// <summary>Repetition of a schema element.</summary>
public enum FieldRepetitionType
{
    Required = 0,
    Optional = 1,
    Repeated = 2,
}
