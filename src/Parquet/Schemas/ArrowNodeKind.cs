namespace Lakehouse.Parquet.Schemas;

/// <summary>The Arrow shape a part of the Parquet schema is read into.</summary>
public enum ArrowNodeKind
{
    Leaf,
    Struct,
    List,
    Map,
}
