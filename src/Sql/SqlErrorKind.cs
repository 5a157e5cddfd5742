namespace Lakehouse.Sql;

/// <summary>The layer of the SQL engine that rejected a statement; it prefixes the message ("Parser Error: …").</summary>
public enum SqlErrorKind
{
    /// <summary>The text is not valid SQL.</summary>
    Parser,

    /// <summary>Names or types do not resolve.</summary>
    Binder,

    /// <summary>A failure while running the plan (division by zero, overflow, I/O).</summary>
    Execution,

    /// <summary>Valid SQL that the engine does not support.</summary>
    NotImplemented,
}
