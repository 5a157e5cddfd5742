namespace Lakehouse.Sql.Binding;

/// <summary>Thrown while binding a subquery that refers to a column of the enclosing query (handled by decorrelation).</summary>
public sealed class CorrelatedReferenceException : SqlException
{
    public CorrelatedReferenceException(string column)
        : base(SqlErrorKind.NotImplemented, $"correlated reference to \"{column}\" in this form of subquery is not supported")
    {
        Column = column;
    }

    public CorrelatedReferenceException()
        : this("?")
    {
    }

    public CorrelatedReferenceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Column = "?";
    }

    public string Column { get; } = "?";
}
