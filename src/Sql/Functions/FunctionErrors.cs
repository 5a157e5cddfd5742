namespace Lakehouse.Sql.Functions;

/// <summary>Throw helpers for function errors, worded as Trino's (the kernels stay small).</summary>
public static class FunctionErrors
{
    /// <summary>Trino's INVALID_FUNCTION_ARGUMENT: an execution error with the given text.</summary>
    public static SqlException InvalidArgument(string detail) => new(SqlErrorKind.Execution, detail);

    public static SqlException Overflow(string detail) => new(SqlErrorKind.Execution, detail);

    public static SqlException DivisionByZero() => new(SqlErrorKind.Execution, "Division by zero");

    public static SqlException NotSupported(string detail) => new(SqlErrorKind.NotImplemented, detail);
}
