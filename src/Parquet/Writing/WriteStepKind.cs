namespace Lakehouse.Parquet.Writing;

internal enum WriteStepKind
{
    Leaf,
    Struct,
    List,
}
