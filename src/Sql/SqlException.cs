namespace Lakehouse.Sql;

/// <summary>
/// The one exception type of the SQL layer. The message starts with the kind ("Parser Error: …",
/// "Binder Error: …"); <see cref="Detail"/> holds the text after that prefix.
/// </summary>
public class SqlException : Exception
{
    public SqlException(SqlErrorKind kind, string detail, Exception? innerException = null)
        : base(FormatMessage(kind, detail), innerException)
    {
        Kind = kind;
        Detail = detail;
    }

    public SqlException()
        : this(SqlErrorKind.Execution, "unknown error")
    {
    }

    public SqlException(string message)
        : this(SqlErrorKind.Execution, message)
    {
    }

    public SqlException(string message, Exception innerException)
        : this(SqlErrorKind.Execution, message, innerException)
    {
    }

    public SqlErrorKind Kind { get; }

    /// <summary>The message without the "Kind Error: " prefix.</summary>
    public string Detail { get; }

    public static string FormatMessage(SqlErrorKind kind, string detail)
    {
        var prefix = kind switch
        {
            SqlErrorKind.Parser => "Parser Error: ",
            SqlErrorKind.Binder => "Binder Error: ",
            SqlErrorKind.NotImplemented => "Not implemented Error: ",
            _ => "Execution Error: ",
        };
        return prefix + detail;
    }
}
