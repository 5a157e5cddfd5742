namespace Lakehouse.Table.Metadata;

/// <summary>Where nulls sort: "nulls-first" or "nulls-last".</summary>
public enum NullOrder
{
    NullsFirst,
    NullsLast,
}
