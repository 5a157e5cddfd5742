namespace Lakehouse.Parquet.Writing;

/// <summary>
/// One Arrow node on the way to a leaf: whether it is nullable (adds a definition level), and how to descend
/// (struct child, list/map values, or the leaf itself). Lists add a definition and a repetition level.
/// </summary>
internal sealed record WriteStep(WriteStepKind Kind, bool Nullable, int ChildIndex, int RepetitionLevel);
