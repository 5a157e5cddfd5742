namespace Lakehouse.Table.Operations;

/// <summary>The snapshot summary "operation" values.</summary>
public static class SnapshotOperation
{
    public const string Append = "append";
    public const string Replace = "replace";
    public const string Overwrite = "overwrite";
    public const string Delete = "delete";
}
