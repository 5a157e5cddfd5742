namespace Lakehouse.Sql.Parsing.Ast;

/// <summary>Time travel kinds.</summary>
public enum TableVersionKind
{
    /// <summary>FOR VERSION AS OF snapshot id (or FOR SYSTEM_VERSION)</summary>
    Version,

    /// <summary>FOR TIMESTAMP AS OF instant (or FOR SYSTEM_TIME)</summary>
    Timestamp,
}
