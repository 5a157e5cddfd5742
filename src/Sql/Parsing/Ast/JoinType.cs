namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Join kinds.</summary>
public enum JoinType
{
    /// <summary>CROSS JOIN</summary>
    Cross,

    /// <summary>[INNER] JOIN</summary>
    Inner,

    /// <summary>LEFT [OUTER] JOIN</summary>
    Left,

    /// <summary>RIGHT [OUTER] JOIN</summary>
    Right,

    /// <summary>FULL [OUTER] JOIN</summary>
    Full,

    /// <summary>a comma in FROM</summary>
    Implicit,
}
