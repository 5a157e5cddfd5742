namespace Lakehouse.Sql.Functions;

/// <summary>What SHOW FUNCTIONS lists a function as.</summary>
public enum FunctionKind
{
    Scalar,
    Aggregate,
    Window,
}
