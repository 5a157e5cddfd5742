namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Sort direction.</summary>
public enum SortOrder
{
    /// <summary>not written (ascending)</summary>
    Unspecified,

    /// <summary>ASC</summary>
    Ascending,

    /// <summary>DESC</summary>
    Descending,
}
