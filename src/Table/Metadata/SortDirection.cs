namespace Lakehouse.Table.Metadata;

/// <summary>Sort direction of a sort field: "asc" or "desc".</summary>
public enum SortDirection
{
    Asc,
    Desc,
}
